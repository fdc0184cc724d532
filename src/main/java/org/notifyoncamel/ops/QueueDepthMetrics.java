package org.notifyoncamel.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code notify_queue_depth{queue=...}}: approximate visible messages per queue, refreshed in the background. */
@Component
public class QueueDepthMetrics implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthMetrics.class);

    private final SqsClient sqs;
    private final Queues queues;
    private final MeterRegistry registry;
    private final long intervalSeconds;
    private final Map<String, Double> depths = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "queue-depth-metrics");
        t.setDaemon(true);
        return t;
    });

    public QueueDepthMetrics(SqsClient sqs, Queues queues, MeterRegistry registry,
                             @Value("${notify.metrics.queue-depth-interval-seconds:30}") long intervalSeconds) {
        this.sqs = sqs;
        this.queues = queues;
        this.registry = registry;
        this.intervalSeconds = intervalSeconds;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (intervalSeconds <= 0) {
            return;
        }
        for (String queue : QueueNames.ALL) {
            depths.put(queue, Double.NaN);
            Gauge.builder("notify_queue_depth", depths, d -> d.getOrDefault(queue, Double.NaN))
                    .description("Approximate number of visible messages").tag("queue", queue).register(registry);
        }
        timer.scheduleWithFixedDelay(this::refresh, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    void refresh() {
        for (String queue : QueueNames.ALL) {
            try {
                String value = sqs.getQueueAttributes(b -> b.queueUrl(queues.url(queue))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
                depths.put(queue, value == null ? Double.NaN : Double.parseDouble(value));
            } catch (RuntimeException e) {
                depths.put(queue, Double.NaN);
                LOG.debug("Queue depth of {} unavailable: {}", queue, e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
