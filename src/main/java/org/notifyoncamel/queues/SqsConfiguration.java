package org.notifyoncamel.queues;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
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
 * <p>
 * Every SQS consumer holds one pooled connection for as long as its long poll lasts (up to 20 s), so the pool
 * is sized from the consumers this process runs plus {@code notify.queues.client.send-connections} for sends
 * and deletes (docs/adr/0072): with a fixed pool of 64 and 64 consumers the API's sends waited for a long
 * poll to end and requests stalled for 10-20 s. Taking a connection waits at most
 * {@code notify.queues.client.acquire-timeout-millis}.
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SqsConfiguration.class);

    @Bean(destroyMethod = "close")
    SqsClient notifySqsClient(@Value("${notify.aws.region}") String region,
                              @Value("${notify.sqs.override-endpoint}") boolean overrideEndpoint,
                              @Value("${notify.sqs.endpoint:}") String endpoint,
                              @Value("${notify.sqs.use-default-credentials}") boolean defaultCredentials,
                              @Value("${notify.sqs.access-key:}") String accessKey,
                              @Value("${notify.sqs.secret-key:}") String secretKey,
                              @Value("${notify.queues.client.send-connections:64}") int sendConnections,
                              @Value("${notify.queues.client.acquire-timeout-millis:5000}") long acquireTimeoutMillis,
                              Environment environment, ObjectProvider<MeterRegistry> meters) {
        int consumers = consumers(environment);
        int maxConnections = consumers + sendConnections;
        LOG.info("SQS client: {} connections ({} for up to {} consumers' long polls, {} for sends)", maxConnections, consumers,
                consumers, sendConnections);
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
                .overrideConfiguration(c -> meters.ifAvailable(registry -> c.addExecutionInterceptor(new SqsCallCounter(registry))))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections)
                        .connectionAcquisitionTimeout(Duration.ofMillis(acquireTimeoutMillis)));
        if (overrideEndpoint && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(defaultCredentials
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }

    /** The sum of {@code notify.queues.<queue>.concurrent-consumers} over every queue (whether its route runs here or not). */
    static int consumers(Environment environment) {
        Bindable<Map<String, Map<String, Object>>> perQueue = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)));
        Map<String, Map<String, Object>> queues = Binder.get(environment).bind("notify.queues", perQueue)
                .orElse(Map.of());
        int sum = 0;
        for (Map<String, Object> queue : queues.values()) {
            Object value = queue.get("concurrent-consumers");
            if (value != null) {
                sum += Integer.parseInt(value.toString().trim());
            }
        }
        return sum;
    }
}
