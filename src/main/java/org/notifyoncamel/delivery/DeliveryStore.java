package org.notifyoncamel.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The notification rows as the delivery workers see them. Delivery is idempotent through a claim
 * (docs/adr/0040): a worker moves a row from {@code created} to {@code sending} with
 * {@code sent_at} = the claim time and {@code sent_by} still null before it calls a provider, and
 * either confirms the claim (provider, reference, units) or releases it back to {@code created}.
 * A claim older than the lease may be taken over: its worker died mid-flight.
 */
@Repository
public class DeliveryStore {

    public record Notification(UUID id, String type, String status, String to, UUID serviceId, String keyType,
                               String encryptedPersonalisation, String replyToText, boolean international,
                               Instant createdAt, String sentBy, Instant sentAt,
                               String serviceName, boolean serviceActive, boolean researchMode, boolean prefixSms,
                               String emailFrom, String templateContent, String templateSubject,
                               String oneClickUnsubscribeUrl) {

        public boolean simulated() {
            return researchMode || "test".equals(keyType);
        }
    }

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.query("""
                SELECT n.id, n.notification_type::text, n.notification_status, n."to", n.service_id, n.key_type,
                       n._personalisation, n.reply_to_text, n.international, n.created_at, n.sent_by, n.sent_at,
                       s.name, s.active, s.research_mode, s.prefix_sms, s.email_from, t.content, t.subject,
                       n.one_click_unsubscribe_url
                FROM notifications n
                JOIN services s ON s.id = n.service_id
                JOIN templates_history t ON t.id = n.template_id AND t.version = n.template_version
                WHERE n.id = ?""", DeliveryStore::row, id).stream().findFirst();
    }

    /**
     * Claims the row for one delivery attempt: {@code created} (or a claim older than the lease)
     * becomes {@code sending} with {@code sent_at} = the claim time. Empty when another attempt owns
     * it, it has already gone further, or its schedule is still pending (docs/adr/0151: never sent early).
     */
    public Optional<Instant> claim(UUID id, Instant now, Instant leaseExpiredBefore) {
        int updated = jdbc.update("""
                UPDATE notifications SET notification_status = 'sending', sent_at = ?, sent_by = NULL, updated_at = ?
                WHERE id = ? AND (notification_status = 'created'
                    OR (notification_status = 'sending' AND sent_by IS NULL AND sent_at < ?))
                  AND NOT EXISTS (SELECT 1 FROM scheduled_notifications s WHERE s.notification_id = notifications.id AND s.pending)""",
                Timestamps.toSql(now), Timestamps.toSql(now), id, Timestamps.toSql(leaseExpiredBefore));
        return updated == 1 ? Optional.of(now) : Optional.empty();
    }

    /**
     * Confirms a claim after the provider accepted the message. A receipt may already have moved the
     * status on; it is never moved back. False when the claim was taken over (this attempt outlived the lease).
     */
    public boolean confirm(UUID id, Instant claimedAt, String provider, String sentStatus, Integer billableUnits,
                           String reference, Instant now) {
        return jdbc.update("""
                UPDATE notifications SET
                    notification_status = CASE WHEN notification_status = 'sending' THEN ? ELSE notification_status END,
                    sent_by = ?, sent_at = ?, updated_at = ?,
                    billable_units = coalesce(?, billable_units), reference = coalesce(?, reference)
                WHERE id = ? AND sent_at = ? AND (sent_by IS NULL OR sent_by = ?)""",
                sentStatus, provider, Timestamps.toSql(now), Timestamps.toSql(now), billableUnits, reference, id,
                Timestamps.toSql(claimedAt), provider) == 1;
    }

    /** Gives a claim back after a failed attempt: the row is {@code created} again, ready for the retry. */
    public boolean release(UUID id, Instant claimedAt, Integer billableUnits, Instant now) {
        return jdbc.update("""
                UPDATE notifications SET notification_status = 'created', sent_at = NULL, updated_at = ?,
                    billable_units = coalesce(?, billable_units)
                WHERE id = ? AND notification_status = 'sending' AND sent_by IS NULL AND sent_at = ?""",
                Timestamps.toSql(now), billableUnits, id, Timestamps.toSql(claimedAt)) == 1;
    }

    /** Gives up on a notification that was never sent (max retries, inactive service, rejected by the provider). */
    public boolean technicalFailure(UUID id, Instant now) {
        return jdbc.update("""
                UPDATE notifications SET notification_status = 'technical-failure', updated_at = ?
                WHERE id = ? AND (notification_status = 'created' OR (notification_status = 'sending' AND sent_by IS NULL))""",
                Timestamps.toSql(now), id) == 1;
    }

    /**
     * Deliver tasks to publish again: created (or abandoned claims) past the age, with no retry pending and no
     * schedule pending. Up to {@code limit} rows to replay, in (created_at, id) order after the given row (null: from the start). */
    public List<Replay> replayable(Instant createdBefore, Instant quietSince, Instant afterCreatedAt, UUID afterId, int limit) {
        Instant fromCreated = afterCreatedAt == null ? Instant.EPOCH : afterCreatedAt;
        UUID fromId = afterId == null ? new UUID(0L, 0L) : afterId;
        return jdbc.query("""
                SELECT n.id, n.notification_type::text, (s.research_mode OR n.key_type = 'test'), n.created_at
                FROM notifications n JOIN services s ON s.id = n.service_id
                WHERE n.notification_type IN ('sms', 'email') AND n.created_at < ?
                  AND (n.created_at, n.id) > (?, ?)
                  AND ((n.notification_status = 'created' AND (n.updated_at IS NULL OR n.updated_at < ?))
                    OR (n.notification_status = 'sending' AND n.sent_by IS NULL AND n.sent_at < ?))
                  AND NOT EXISTS (SELECT 1 FROM scheduled_notifications sn WHERE sn.notification_id = n.id AND sn.pending)
                ORDER BY n.created_at, n.id LIMIT ?""",
                (rs, i) -> new Replay(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), Timestamps.toInstant(rs.getTimestamp(4))),
                Timestamps.toSql(createdBefore), Timestamps.toSql(fromCreated), fromId, Timestamps.toSql(quietSince),
                Timestamps.toSql(quietSince), limit);
    }

    public record Replay(UUID id, String type, boolean simulated, Instant createdAt) {
    }

    /** The nightly timeout: created becomes technical-failure, sending and pending temporary-failure. */
    public List<TimedOut> timeOut(Instant createdBefore, Instant now) {
        return jdbc.query("""
                UPDATE notifications SET updated_at = ?, notification_status =
                    CASE WHEN notification_status = 'created' THEN 'technical-failure' ELSE 'temporary-failure' END
                WHERE notification_type IN ('sms', 'email') AND created_at < ?
                  AND notification_status IN ('created', 'sending', 'pending')
                RETURNING id, notification_status""",
                (rs, i) -> new TimedOut(rs.getObject(1, UUID.class), rs.getString(2)),
                Timestamps.toSql(now), Timestamps.toSql(createdBefore));
    }

    public record TimedOut(UUID id, String status) {
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        return new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                Timestamps.toInstant(rs.getTimestamp(10)), rs.getString(11), Timestamps.toInstant(rs.getTimestamp(12)),
                rs.getString(13), rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20));
    }
}
