package org.notifyoncamel.callbacks;

import java.util.UUID;

import org.notifyoncamel.ops.NotifyMetrics;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What follows one callback attempt, for every kind of callback (delivery status, complaint, inbound SMS;
 * docs/adr/0170-callback-backoff-suspension-and-parking.md). Each service has one circuit: a task of a suspended
 * service is parked instead of sent; an accepted callback ends the run of failures; a refused one (4xx other than
 * 429, or a URL {@link CallbackUrlGuard} refuses) is not retried and does not count; a failed one (5xx, 429,
 * timeout, connection error) counts, and is retried after {@link CallbackBackoff}'s delay, unless it was the
 * {@code notify.callbacks.suspend-after-failures}th failure in a row or its last retry: then the service's callbacks
 * are suspended (as GC Notify does when retries run out) and the task is parked, to be replayed from its first
 * attempt when the service is resumed. Nothing is dropped because an endpoint is down.
 */
@Component
public class CallbackCircuit {

    public static final String AUTOMATIC = "automatic";
    public static final String MANUAL = "manual";
    /** Automatic suspensions are recorded as made by Notify's own user (as GC does). */
    public static final UUID NOTIFY_USER_ID = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    private static final Logger LOG = LoggerFactory.getLogger(CallbackCircuit.class);

    private final CallbackCircuitStore store;
    private final CallbackBackoff backoff;
    private final NotifyMetrics metrics;
    private final int maxRetries;
    private final int suspendAfterFailures;

    public CallbackCircuit(CallbackCircuitStore store, CallbackBackoff backoff, NotifyMetrics metrics,
                           @Value("${notify.callbacks.max-retries}") int maxRetries,
                           @Value("${notify.callbacks.suspend-after-failures}") int suspendAfterFailures) {
        this.store = store;
        this.backoff = backoff;
        this.metrics = metrics;
        this.maxRetries = maxRetries;
        this.suspendAfterFailures = suspendAfterFailures;
        metrics.gauge("notify_service_callbacks_suspended_services", "Services whose callbacks are suspended now", store,
                CallbackCircuitStore::suspendedServices);
        metrics.gauge("notify_service_callbacks_parked", "Callback tasks parked now", store, CallbackCircuitStore::parkedTasks);
    }

    /** Parks the task when the service's callbacks are suspended; true when it did (nothing is to be sent). */
    public boolean parkedWhileSuspended(UUID serviceId, Task task, String what) {
        if (!store.suspended(serviceId)) {
            return false;
        }
        park(serviceId, task);
        LOG.info("{}: callbacks of service {} are suspended, task parked", what, serviceId);
        return true;
    }

    /** A task made while the service is suspended is parked at once instead of queued. */
    public void parkInsteadOfQueueing(UUID serviceId, String message, String what) {
        store.park(serviceId, message);
        metrics.callbacksParked();
        LOG.info("{}: callbacks of service {} are suspended, task parked instead of queued", what, serviceId);
    }

    /** Records the attempt; returns the retry to publish, or null when there is none (sent, refused, parked). */
    public RetryMessage after(UUID serviceId, Task task, CallbackPoster.Attempt attempt, String what) {
        switch (attempt.outcome()) {
            case SENT -> {
                store.succeeded(serviceId);
                LOG.info("{} sent ({})", what, attempt.status());
                return null;
            }
            case NOT_ALLOWED -> {
                LOG.warn("{} not sent: callback URL refused (not https or not a public address)", what);
                return null;
            }
            case REFUSED -> {
                LOG.warn("{} refused with {}: not retried", what, attempt.status());
                return null;
            }
            default -> {
                int failures = store.failed(serviceId);
                boolean lastRetry = task.retries() >= maxRetries;
                if (failures >= suspendAfterFailures || lastRetry) {
                    suspend(serviceId, AUTOMATIC, NOTIFY_USER_ID, lastRetry
                            ? "retries ran out (" + task.retries() + ")" : failures + " consecutive failed callbacks");
                    park(serviceId, task);
                    LOG.warn("{} failed ({}): task parked until the service's callbacks are resumed", what, attempt.describe());
                    return null;
                }
                int delay = backoff.delaySeconds(task.retries());
                LOG.warn("{} failed ({}), retry {} of {} in {} s", what, attempt.describe(), task.retries() + 1, maxRetries, delay);
                return new RetryMessage(task.retryMessage(null, task.name()), delay);
            }
        }
    }

    /** Suspends the service's callbacks; one log line and one count per suspension (not per parked task). */
    public void suspend(UUID serviceId, String trigger, UUID by, String reason) {
        if (store.set(serviceId, true, by)) {
            metrics.callbacksSuspended(trigger);
            LOG.warn("Callbacks of service {} suspended ({}): {}; further callback tasks are parked until resumed", serviceId, trigger, reason);
        }
    }

    /** Resumes the service's callbacks; true when it has parked tasks to replay. */
    public boolean resume(UUID serviceId, UUID by) {
        int parked = store.parkedCount(serviceId);
        if (store.set(serviceId, false, by)) {
            metrics.callbacksResumed();
            LOG.info("Callbacks of service {} resumed: {} parked callback tasks to replay", serviceId, parked);
        }
        return parked > 0;
    }

    private void park(UUID serviceId, Task task) {
        store.park(serviceId, task.firstAttemptMessage());
        metrics.callbacksParked();
    }
}
