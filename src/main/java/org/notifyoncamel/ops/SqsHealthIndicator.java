package org.notifyoncamel.ops;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;

/**
 * {@code sqs} (readiness): one ListQueues call for the deployment's queue prefix (at most one result),
 * bounded by {@code notify.ops.health.sqs-timeout}, so an unreachable SQS (or wrong credentials) takes
 * the instance out of readiness quickly instead of hanging the probe.
 */
@Component("sqsHealthIndicator")
public class SqsHealthIndicator implements HealthIndicator {

    private final SqsClient sqs;
    private final String prefix;
    private final Duration timeout;

    public SqsHealthIndicator(SqsClient sqs, @Value("${notify.sqs.prefix:}") String prefix,
                              @Value("${notify.ops.health.sqs-timeout:2s}") Duration timeout) {
        this.sqs = sqs;
        this.prefix = prefix;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        try {
            ListQueuesRequest.Builder request = ListQueuesRequest.builder().maxResults(1)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout));
            if (!prefix.isEmpty()) {
                request.queueNamePrefix(prefix);
            }
            int found = sqs.listQueues(request.build()).queueUrls().size();
            return Health.up().withDetail("prefix", prefix).withDetail("queuesFound", found > 0)
                    .withDetail("millis", (System.nanoTime() - start) / 1_000_000).build();
        } catch (RuntimeException e) {
            // the exception's class only: SDK messages can carry request details
            return Health.down().withDetail("prefix", prefix).withDetail("error", e.getClass().getSimpleName())
                    .withDetail("millis", (System.nanoTime() - start) / 1_000_000).build();
        }
    }
}
