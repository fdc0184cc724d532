package org.notifyoncamel.queues;

import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SQS client that the application's own code uses (queue provisioning, batched sends).
 * Camel's aws2-sqs component uses this same client ({@code camel.component.aws2-sqs.amazon-s-q-s-client}),
 * so every SQS call of the process goes through one connection pool and is counted by {@link SqsCallCounter}.
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

    @Bean(destroyMethod = "close")
    SqsClient notifySqsClient(@Value("${notify.aws.region}") String region,
                              @Value("${notify.sqs.override-endpoint}") boolean overrideEndpoint,
                              @Value("${notify.sqs.endpoint:}") String endpoint,
                              @Value("${notify.sqs.use-default-credentials}") boolean defaultCredentials,
                              @Value("${notify.sqs.access-key:}") String accessKey,
                              @Value("${notify.sqs.secret-key:}") String secretKey,
                              ObjectProvider<MeterRegistry> meters) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
                .overrideConfiguration(c -> meters.ifAvailable(registry -> c.addExecutionInterceptor(new SqsCallCounter(registry))))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64));
        if (overrideEndpoint && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(defaultCredentials
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }
}
