package org.notifyoncamel.queues;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SQS client that the application's own code uses (queue provisioning, batched sends).
 * Camel's aws2-sqs endpoints are configured from the same properties (camel.component.aws2-sqs.*),
 * so production and development differ only by the endpoint override.
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

    @Bean(destroyMethod = "close")
    SqsClient notifySqsClient(@Value("${notify.aws.region}") String region,
                              @Value("${notify.sqs.override-endpoint}") boolean overrideEndpoint,
                              @Value("${notify.sqs.endpoint:}") String endpoint,
                              @Value("${notify.sqs.use-default-credentials}") boolean defaultCredentials,
                              @Value("${notify.sqs.access-key:}") String accessKey,
                              @Value("${notify.sqs.secret-key:}") String secretKey) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
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
