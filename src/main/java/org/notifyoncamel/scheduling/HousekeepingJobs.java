package org.notifyoncamel.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of secondary data (notifications-api app/celery/scheduled_tasks.py and nightly_tasks.py): {@code delete-verify-codes} (older than 24 h),
 * {@code delete-invitations} (older than 2 days) and {@code delete-inbound-sms} (older than the
 * service's SMS retention, else the default of 7 days, counted from London midnight; archived into
 * inbound_sms_history without content and sender number, then deleted, in batches).
 */
@Component("housekeepingJobs")
public class HousekeepingJobs {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJobs.class);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration VERIFY_CODE_AGE = Duration.ofHours(24);
    static final Duration INVITATION_AGE = Duration.ofDays(2);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final int defaultInboundDays;

    public HousekeepingJobs(JdbcTemplate jdbc,
                            @Value("${notify.schedules.inbound-sms-default-retention-days:7}") int defaultInboundDays) {
        this.jdbc = jdbc;
        this.defaultInboundDays = defaultInboundDays;
    }

    /** delete-verify-codes: every verify code created more than 24 hours ago. */
    public int deleteVerifyCodes() {
        int deleted = jdbc.update("DELETE FROM verify_codes WHERE created_at < ?", Timestamps.toSql(Timestamps.now().minus(VERIFY_CODE_AGE)));
        LOG.info("delete-verify-codes: deleted {} verify codes", deleted);
        return deleted;
    }

    /** delete-invitations: every service invitation created more than 2 days ago, whatever its status. */
    public int deleteInvitations() {
        int deleted = jdbc.update("DELETE FROM invited_users WHERE created_at <= ?", Timestamps.toSql(Timestamps.now().minus(INVITATION_AGE)));
        LOG.info("delete-invitations: deleted {} invitations", deleted);
        return deleted;
    }

    /** delete-inbound-sms: answers the number of messages archived and deleted. */
    public int deleteInboundSms() {
        return deleteInboundSms(LocalDate.now(LONDON));
    }

    int deleteInboundSms(LocalDate today) {
        int deleted = 0;
        List<Map<String, Object>> custom = jdbc.queryForList(
                "SELECT service_id, days_of_retention FROM service_data_retention WHERE notification_type = 'sms'");
        for (Map<String, Object> row : custom) {
            deleted += deleteOlderThan(cutoff(today, ((Number) row.get("days_of_retention")).intValue()), "service_id = ?", row.get("service_id"));
        }
        deleted += deleteOlderThan(cutoff(today, defaultInboundDays),
                "service_id NOT IN (SELECT service_id FROM service_data_retention WHERE notification_type = ?::notification_type)", "sms");
        LOG.info("delete-inbound-sms: archived and deleted {} inbound messages", deleted);
        return deleted;
    }

    /** London midnight {@code days} days before today, as a UTC timestamp. */
    static Timestamp cutoff(LocalDate today, int days) {
        Instant midnight = today.minusDays(days).atStartOfDay(LONDON).toInstant();
        return Timestamps.toSql(midnight);
    }

    private int deleteOlderThan(Timestamp cutoff, String serviceFilter, Object arg) {
        int total = 0;
        while (true) {
            // one statement per batch: the archive and the delete see the same rows and commit together
            int deleted = jdbc.update("""
                    WITH doomed AS (
                        SELECT id FROM inbound_sms WHERE created_at < ? AND %s ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED
                    ), archived AS (
                        INSERT INTO inbound_sms_history (id, created_at, service_id, notify_number, provider_date, provider_reference, provider)
                        SELECT id, created_at, service_id, notify_number, provider_date, provider_reference, provider
                        FROM inbound_sms WHERE id IN (SELECT id FROM doomed)
                        ON CONFLICT (id) DO NOTHING
                    )
                    DELETE FROM inbound_sms WHERE id IN (SELECT id FROM doomed)""".formatted(serviceFilter), cutoff, arg, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
