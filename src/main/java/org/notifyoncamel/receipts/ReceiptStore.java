package org.notifyoncamel.receipts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.recipients.InternationalBillingRates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Status updates from delivery receipts (notifications-api app/celery/process_sms_client_response_tasks.py and app/celery/process_ses_receipts_tasks.py). */
@Repository
public class ReceiptStore {

    /** Statuses an SMS receipt may still change. */
    static final Set<String> SMS_UPDATABLE = Set.of("created", "sending", "pending", "sent", "pending-virus-check");

    public enum Outcome { UPDATED, NOT_FOUND, DUPLICATE, NO_RECEIPTS_FOR_COUNTRY }

    public record SmsUpdate(Outcome outcome, String status, int billableUnits) {
    }

    private final JdbcTemplate jdbc;
    private final InternationalBillingRates rates = InternationalBillingRates.loadDefault();

    public ReceiptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public SmsUpdate updateSms(UUID id, String mappedStatus, String provider, String detailedCode) {
        record Row(String status, boolean international, String prefix, int units) {
        }
        Optional<Row> found = jdbc.query("""
                SELECT notification_status, international, phone_prefix, billable_units
                FROM notifications WHERE id = ? FOR UPDATE""",
                (rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getInt(4)), id).stream().findFirst();
        if (found.isEmpty()) {
            return new SmsUpdate(Outcome.NOT_FOUND, null, 0);
        }
        Row row = found.get();
        if (!SMS_UPDATABLE.contains(row.status())) {
            return new SmsUpdate(Outcome.DUPLICATE, row.status(), row.units());
        }
        if (row.international() && row.prefix() != null
                && !rates.forPrefix(row.prefix()).map(InternationalBillingRates.Rate::dlrSupported).orElse(false)) {
            return new SmsUpdate(Outcome.NO_RECEIPTS_FOR_COUNTRY, row.status(), row.units());
        }
        String status = SmsStatuses.decide(mappedStatus, detailedCode, row.status());
        jdbc.update("UPDATE notifications SET notification_status = ?, sent_by = coalesce(sent_by, ?), updated_at = ? WHERE id = ?",
                status, provider, Timestamps.toSql(Timestamps.now()), id);
        return new SmsUpdate(Outcome.UPDATED, status, row.units());
    }

    public void setBillableUnitsIfZero(UUID id, int units) {
        jdbc.update("UPDATE notifications SET billable_units = ? WHERE id = ? AND billable_units = 0", units, id);
    }

    /** An unknown provider status: the notification is a technical failure. */
    public void technicalFailure(UUID id) {
        jdbc.update("UPDATE notifications SET notification_status = 'technical-failure', updated_at = ? WHERE id = ?",
                Timestamps.toSql(Timestamps.now()), id);
    }

    /** SES: every notification with this reference that is still sending or pending takes the status. */
    public List<UUID> updateEmailByReference(String reference, String status, Instant now) {
        return jdbc.query("""
                UPDATE notifications SET notification_status = ?, updated_at = ?
                WHERE reference = ? AND notification_status IN ('sending', 'pending') RETURNING id""",
                (rs, n) -> rs.getObject(1, UUID.class), status, Timestamps.toSql(now), reference);
    }

    public record Sent(UUID id, UUID serviceId) {
    }

    /** The notification (live or archived) that SES knows by this reference. */
    public Optional<Sent> findByReference(String reference) {
        Optional<Sent> live = jdbc.query("SELECT id, service_id FROM notifications WHERE reference = ? LIMIT 1",
                (rs, n) -> new Sent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), reference).stream().findFirst();
        if (live.isPresent()) {
            return live;
        }
        return jdbc.query("SELECT id, service_id FROM notification_history WHERE reference = ? LIMIT 1",
                (rs, n) -> new Sent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), reference).stream().findFirst();
    }

    public UUID insertComplaint(Sent sent, String feedbackId, String type, Instant complaintDate) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO complaints (id, notification_id, service_id, ses_feedback_id, complaint_type, complaint_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                id, sent.id(), sent.serviceId(), feedbackId, type, Timestamps.toSql(complaintDate), Timestamps.toSql(Timestamps.now()));
        return id;
    }
}
