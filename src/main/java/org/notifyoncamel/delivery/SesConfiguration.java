package org.notifyoncamel.delivery;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.endpoints.SesEndpointProvider;

/**
 * The SES client of route {@code email-provider-ses} (camel-aws2-ses, {@code amazonSESClient=#notifySesClient}).
 * The endpoint is resolved on every call: empty means AWS's regional endpoint; in development and
 * tests it is the SES simulator on this application's own port, known only once the server runs.
 * The SDK does not retry: the deliver task's own retries (with SQS delays) do.
 */
@Configuration(proxyBeanMethods = false)
public class SesConfiguration {

    @Bean(destroyMethod = "close")
    SesClient notifySesClient(ProviderSettings settings, @Value("${notify.aws.region}") String region) {
        SesEndpointProvider aws = SesEndpointProvider.defaultProvider();
        SesEndpointProvider endpoints = params -> {
            String override = settings.get("ses-endpoint");
            if (override == null || override.isBlank()) {
                return aws.resolveEndpoint(params);
            }
            return CompletableFuture.completedFuture(Endpoint.builder().url(URI.create(override)).build());
        };
        boolean defaultCredentials = Boolean.parseBoolean(settings.get("ses-use-default-credentials"));
        return SesClient.builder()
                .region(Region.of(region))
                .endpointProvider(endpoints)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.millis("connect-timeout-ms"))
                        .socketTimeout(settings.millis("ses-timeout-ms")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(settings.millis("ses-timeout-ms")))
                .credentialsProvider(defaultCredentials
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create("simulator", "simulator")))
                .build();
    }
}
