package org.notifyoncamel.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.delivery.DeliveryStore;
import org.notifyoncamel.delivery.SaveApiNotifications.DeliverTask;
import org.notifyoncamel.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scheduled jobs of the delivery pipeline (notifications-api app/celery/scheduled_tasks.py and nightly_tasks.py): the nightly timeout of notifications
 * that never finished, and the replay of notifications still {@code created} after an hour.
 */
@Component("notificationSchedules")
public class NotificationSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedules.class);

    private final DeliveryStore store;
    private final DeliveryStatusCallbacks callbacks;
    private final ObjectMapper mapper;
    private final Duration timeoutAfter;
    private final Duration replayAfter;
    private final Duration replayQuiet;
    private final int replayBatchSize;

    public NotificationSchedules(DeliveryStore store, DeliveryStatusCallbacks callbacks, ObjectMapper mapper,
                                 @Value("${notify.delivery.timeout-after-seconds}") long timeoutAfter,
                                 @Value("${notify.delivery.replay-after-seconds}") long replayAfter,
                                 @Value("${notify.delivery.replay-quiet-seconds}") long replayQuiet,
                                 @Value("${notify.delivery.replay-batch-size:10000}") int replayBatchSize) {
        this.store = store;
        this.callbacks = callbacks;
        this.mapper = mapper;
        this.timeoutAfter = Duration.ofSeconds(timeoutAfter);
        this.replayAfter = Duration.ofSeconds(replayAfter);
        this.replayQuiet = Duration.ofSeconds(replayQuiet);
        this.replayBatchSize = replayBatchSize;
    }

    /**
     * timeout-sending-notifications: created becomes technical-failure, sending/pending becomes
     * temporary-failure, after {@code timeout-after-seconds}. Returns the delivery-status callbacks to send.
     */
    public List<String> timeOut() {
        Instant now = Timestamps.now();
        List<DeliveryStore.TimedOut> timedOut = store.timeOut(now.minus(timeoutAfter), now);
        List<String> tasks = new ArrayList<>();
        long technical = 0;
        for (DeliveryStore.TimedOut t : timedOut) {
            if ("technical-failure".equals(t.status())) {
                technical++;
            }
            callbacks.deliveryStatusTask(t.id()).ifPresent(tasks::add);
        }
        if (technical > 0) {
            LOG.error("{} notifications were still created after {} and are now technical-failure", technical, timeoutAfter);
        }
        LOG.info("timeout-sending-notifications: {} notifications timed out", timedOut.size());
        return tasks;
    }

    /** Where a replay run has got to: the last row of the previous batch, in (created_at, id) order. */
    public record ReplayCursor(Instant createdAt, java.util.UUID id) {
    }

    /** One batch of deliver tasks, the cursor after it, and whether another batch may follow. */
    public record ReplayBatch(List<DeliverTask> tasks, ReplayCursor next, boolean more) {
    }

    /**
     * One batch of replay-created-notifications (ADR 0193): SMS and email still created after
     * {@code replay-after-seconds} (or whose claim was abandoned) get a new deliver task, unless a failed attempt
     * within {@code replay-quiet-seconds} shows that a retry is already on its way. Batches of
     * {@code replay-batch-size} follow each other in (created_at, id) order from {@code after} (null: the start),
     * so a run drains the whole backlog and holds one batch at a time. The time limits are read once per run: the
     * route passes the run's start time. With {@code everything} (route requeue-on-start, ADR 0195) the limits are
     * the run's start itself: every created row and every abandoned claim, whatever its age.
     */
    public ReplayBatch replayBatch(ReplayCursor after, Instant runStartedAt, Boolean everything) {
        Instant now = runStartedAt == null ? Timestamps.now() : runStartedAt;
        boolean all = Boolean.TRUE.equals(everything);
        List<DeliveryStore.Replay> rows = store.replayable(all ? now : now.minus(replayAfter), all ? now : now.minus(replayQuiet),
                after == null ? null : after.createdAt(), after == null ? null : after.id(), replayBatchSize);
        List<DeliverTask> tasks = new ArrayList<>(rows.size());
        for (DeliveryStore.Replay r : rows) {
            String queue = r.simulated() ? QueueNames.RESEARCH_MODE : "email".equals(r.type()) ? QueueNames.SEND_EMAIL : QueueNames.SEND_SMS;
            tasks.add(new DeliverTask(queue, mapper.createObjectNode().put("notification_id", r.id().toString()).toString()));
        }
        if (!tasks.isEmpty()) {
            LOG.warn("replay-created-notifications: {} notifications sent to their queues again", tasks.size());
        }
        DeliveryStore.Replay last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new ReplayBatch(tasks, last == null ? after : new ReplayCursor(last.createdAt(), last.id()),
                rows.size() == replayBatchSize);
    }
}
