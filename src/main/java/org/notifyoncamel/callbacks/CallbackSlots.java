package org.notifyoncamel.callbacks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.notifyoncamel.ops.NotifyMetrics;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounded per-service concurrency of callbacks (docs/adr/0170-callback-backoff-suspension-and-parking.md): at most
 * {@code notify.callbacks.max-in-flight-per-service} callbacks of one service are in flight in this process, so a
 * slow endpoint holds that many sender threads and no more; the callbacks of every other service keep flowing. A
 * task over the limit is put off on retry-tasks (not counted as a retry) for
 * {@code notify.callbacks.busy-retry-delay-seconds}. The key is the task's {@code service_id}.
 */
@Component("callbackSlots")
public class CallbackSlots {

    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final int perService;
    private final int busyDelaySeconds;
    private final NotifyMetrics metrics;

    public CallbackSlots(@Value("${notify.callbacks.max-in-flight-per-service}") int perService,
                         @Value("${notify.callbacks.busy-retry-delay-seconds}") int busyDelaySeconds, NotifyMetrics metrics) {
        if (perService < 1) {
            throw new IllegalArgumentException("notify.callbacks.max-in-flight-per-service must be at least 1");
        }
        this.perService = perService;
        this.busyDelaySeconds = busyDelaySeconds;
        this.metrics = metrics;
    }

    /** Takes a slot of the task's service for the exchange, given back when the exchange completes; false when all are taken. */
    public boolean take(Exchange exchange) {
        String key = key(exchange.getMessage().getBody(Task.class));
        if (!tryTake(key)) {
            return false;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(key);
            }
        });
        return true;
    }

    /** The task again after the busy delay, as the same attempt. */
    public RetryMessage putOff(Task task) {
        metrics.callbackDeferred();
        return new RetryMessage(task.sameAttemptMessage(), busyDelaySeconds);
    }

    boolean tryTake(String key) {
        boolean[] taken = {false};
        inFlight.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= perService) {
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    void release(String key) {
        inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    int inFlight(String key) {
        return inFlight.getOrDefault(key, 0);
    }

    static String key(Task task) {
        String serviceId = task == null ? null : task.text("service_id");
        return serviceId == null ? "unknown" : serviceId;
    }
}
