package org.notifyoncamel.scheduling;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ft_notification_status, the nightly per-day counts behind the statistics endpoints: for one London
 * day and notification type, the counts by template, service, job, key type and status of every
 * non-test notification created that day, read from notifications and notification_history (a
 * notification in both is counted once). Rebuilt by delete-then-insert in one transaction, under a
 * transaction-scoped advisory lock per day and type, so reruns and overlapping runs are harmless.
 */
@Component("notificationStatusFacts")
public class NotificationStatusFacts {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationStatusFacts.class);
    public static final List<String> TYPES = List.of("sms", "email", "letter");
    static final String NO_JOB = "00000000-0000-0000-0000-000000000000";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int days;
    private final int letterDays;

    public NotificationStatusFacts(JdbcTemplate jdbc, TransactionTemplate transactions,
                                   @Value("${notify.schedules.notification-status-days:4}") int days,
                                   @Value("${notify.schedules.letter-notification-status-days:10}") int letterDays) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.days = days;
        this.letterDays = letterDays;
    }

    /** create-nightly-notification-status: sms and email for the last 4 London days, letters for 10 (from yesterday back). */
    public Map<String, Integer> nightly() {
        LocalDate yesterday = LocalDate.now(HousekeepingJobs.LONDON).minusDays(1);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String type : TYPES) {
            int n = "letter".equals(type) ? letterDays : days;
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += rebuild(yesterday.minusDays(i), type);
            }
            rows.put(type, total);
        }
        LOG.info("create-nightly-notification-status: ft_notification_status rows written per type {}", rows);
        return rows;
    }

    /** Replaces the day's rows for the type; answers the number of rows written. */
    public int rebuild(LocalDate day, String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown notification type " + type);
        }
        Integer written = transactions.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", SingleInstancePolicy.lockKey("ft_notification_status:" + day + ":" + type));
            jdbc.update("DELETE FROM ft_notification_status WHERE bst_date = ? AND notification_type = ?", Date.valueOf(day), type);
            var start = HousekeepingJobs.cutoff(day, 0);
            var end = HousekeepingJobs.cutoff(day.plusDays(1), 0);
            return jdbc.update("""
                    INSERT INTO ft_notification_status (bst_date, template_id, service_id, job_id, notification_type, key_type,
                                                        notification_status, notification_count, created_at)
                    SELECT ?, template_id, service_id, coalesce(job_id, ?::uuid), notification_type::text, key_type,
                           coalesce(notification_status, 'created'), count(*), ?
                    FROM (
                        SELECT template_id, service_id, job_id, notification_type, key_type, notification_status
                        FROM notifications
                        WHERE notification_type = ?::notification_type AND created_at >= ? AND created_at < ? AND key_type <> 'test'
                        UNION ALL
                        SELECT h.template_id, h.service_id, h.job_id, h.notification_type, h.key_type, h.notification_status
                        FROM notification_history h
                        WHERE h.notification_type = ?::notification_type AND h.created_at >= ? AND h.created_at < ? AND h.key_type <> 'test'
                          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = h.id)
                    ) day_rows
                    GROUP BY 2, 3, 4, 5, 6, 7""",
                    Date.valueOf(day), NO_JOB, Timestamps.toSql(Timestamps.now()), type, start, end, type, start, end);
        });
        return written == null ? 0 : written;
    }
}
