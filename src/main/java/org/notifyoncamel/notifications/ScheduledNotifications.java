package org.notifyoncamel.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code scheduled_notifications} table (docs/adr/0151): a notification accepted with {@code scheduled_for} is
 * stored {@code created} together with its pending schedule, in one transaction, and is held back until then. The
 * scheduler takes due schedules (one claim per row: {@code FOR UPDATE SKIP LOCKED}); a cancel takes a pending one and
 * sets the notification {@code cancelled}. Whichever commits first wins; the other finds nothing pending.
 */
@Repository
public class ScheduledNotifications {

    /** A schedule as the internal API shows it. */
    public record Schedule(UUID notificationId, Instant scheduledFor, boolean pending) {
    }

    /** A due notification handed to its deliver queue (name without prefix). */
    public record Due(UUID notificationId, String deliverQueue) {
    }

    private final JdbcTemplate jdbc;
    private final NotificationStore notifications;
    private final TransactionTemplate transactions;

    public ScheduledNotifications(JdbcTemplate jdbc, NotificationStore notifications, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Stores the notification and its pending schedule together (never one without the other). */
    public void insert(NewNotification notification, Instant scheduledFor, String deliverQueue) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO scheduled_notifications (notification_id, scheduled_for, pending, deliver_queue) VALUES (?, ?, true, ?)",
                    notification.id(), Timestamps.toSql(scheduledFor), deliverQueue);
            notifications.insert(notification);
        });
    }

    /**
     * Takes up to {@code limit} schedules due at {@code now} (no longer pending once this returns) and returns their
     * notifications still {@code created}. Concurrent callers never take the same row.
     */
    public List<Due> takeDue(Instant now, int limit) {
        return jdbc.query("""
                WITH due AS (
                    SELECT notification_id FROM scheduled_notifications
                    WHERE pending AND scheduled_for <= ? ORDER BY scheduled_for LIMIT ? FOR UPDATE SKIP LOCKED),
                taken AS (
                    UPDATE scheduled_notifications s SET pending = false FROM due
                    WHERE s.notification_id = due.notification_id
                    RETURNING s.notification_id, s.deliver_queue)
                SELECT taken.notification_id, taken.deliver_queue FROM taken
                JOIN notifications n ON n.id = taken.notification_id AND n.notification_status = 'created'""",
                (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2)), Timestamps.toSql(now), limit);
    }

    public Optional<Schedule> find(UUID notificationId) {
        return jdbc.query("SELECT notification_id, scheduled_for, pending FROM scheduled_notifications WHERE notification_id = ?",
                (rs, i) -> new Schedule(rs.getObject(1, UUID.class), Timestamps.toInstant(rs.getTimestamp(2)), rs.getBoolean(3)),
                notificationId).stream().findFirst();
    }

    /** Cancels a notification whose schedule is still pending; false when it has been handed on (or cancelled) already. */
    public boolean cancel(UUID notificationId, Instant now) {
        return jdbc.update("""
                WITH cancelled AS (
                    UPDATE scheduled_notifications SET pending = false WHERE notification_id = ? AND pending
                    RETURNING notification_id)
                UPDATE notifications SET notification_status = 'cancelled', updated_at = ?
                WHERE id IN (SELECT notification_id FROM cancelled) AND notification_status = 'created'""",
                notificationId, Timestamps.toSql(now)) == 1;
    }

    /** Deletes schedules that are no longer pending and were due before {@code before}; returns how many. */
    public int deleteFinished(Instant before) {
        return jdbc.update("DELETE FROM scheduled_notifications WHERE NOT pending AND scheduled_for < ?", Timestamps.toSql(before));
    }
}
