package org.notifyoncamel.queues;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every SQS API call made through the application's {@code notifySqsClient} (which Camel's aws2-sqs
 * component also uses) as {@code notify_sqs_api_calls_total{operation="SendMessageBatch"}} at
 * /actuator/prometheus. The benchmark reads it before and after a run to get SQS calls per notification.
 */
public final class SqsCallCounter implements ExecutionInterceptor {

    static final String METER = "notify.sqs.api.calls";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SqsCallCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counters.computeIfAbsent(operation == null ? "unknown" : operation,
                op -> Counter.builder(METER).description("SQS API calls made by this process").tag("operation", op)
                        .register(registry)).increment();
    }
}
