package org.notifyoncamel.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly {@code delete-notifications-older-than-retention}: notifications older than their service's
 * retention for the type (service_data_retention, default 7 days, counted from London midnight) leave
 * the notifications table; live and team rows are archived into notification_history (without
 * recipient, personalisation and reply-to), test-key rows are simply deleted. Works in batches so
 * no transaction holds many rows.
 */
@Component("retentionJob")
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final List<String> TYPES = List.of("sms", "email", "letter");
    private static final String HISTORY_COLUMNS = "id, job_id, job_row_number, service_id, template_id, template_version, api_key_id, "
            + "key_type, notification_type, created_at, sent_at, sent_by, updated_at, reference, billable_units, client_reference, "
            + "international, phone_prefix, rate_multiplier, notification_status, created_by_id, postage, document_download_count";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int defaultDays;
    private final int batchSize;

    public RetentionJob(JdbcTemplate jdbc, TransactionTemplate transactions,
                        @Value("${notify.retention.default-days:7}") int defaultDays,
                        @Value("${notify.retention.batch-size:10000}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.defaultDays = defaultDays;
        this.batchSize = batchSize;
    }

    /** Runs the job for every type; answers the number of rows moved or deleted per type. */
    public Map<String, Integer> run() {
        Map<String, Integer> removed = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        for (String type : TYPES) {
            removed.put(type, removeOlderThanRetention(type, today));
        }
        LOG.info("Retention: removed notifications per type {}", removed);
        return removed;
    }

    int removeOlderThanRetention(String type, LocalDate today) {
        int total = 0;
        // services with their own retention for this type
        List<Map<String, Object>> custom = jdbc.queryForList(
                "SELECT service_id, days_of_retention FROM service_data_retention WHERE notification_type = ?::notification_type", type);
        for (Map<String, Object> row : custom) {
            total += removeBatches(type, cutoff(today, ((Number) row.get("days_of_retention")).intValue()),
                    "AND service_id = ?", row.get("service_id"));
        }
        // everyone else: the default
        total += removeBatches(type, cutoff(today, defaultDays),
                "AND service_id NOT IN (SELECT service_id FROM service_data_retention WHERE notification_type = ?::notification_type)", type);
        return total;
    }

    private static java.sql.Timestamp cutoff(LocalDate today, int days) {
        ZonedDateTime londonMidnight = today.minusDays(days).atStartOfDay(ZoneId.of("Europe/London"));
        return java.sql.Timestamp.valueOf(londonMidnight.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    private int removeBatches(String type, java.sql.Timestamp cutoff, String serviceFilter, Object serviceArg) {
        int total = 0;
        while (true) {
            Integer moved = transactions.execute(status -> {
                List<Object> ids = jdbc.queryForList("SELECT id FROM notifications WHERE notification_type = ?::notification_type "
                        + "AND created_at < ? " + serviceFilter + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED",
                        Object.class, type, cutoff, serviceArg, batchSize);
                if (ids.isEmpty()) {
                    return 0;
                }
                Object[] idArray = ids.toArray();
                jdbc.update(con -> {
                    var ps = con.prepareStatement("INSERT INTO notification_history (" + HISTORY_COLUMNS + ") SELECT " + HISTORY_COLUMNS
                            + " FROM notifications WHERE id = ANY(?) AND key_type <> 'test' ON CONFLICT (id) DO NOTHING");
                    ps.setArray(1, con.createArrayOf("uuid", idArray));
                    return ps;
                });
                return jdbc.update(con -> {
                    var ps = con.prepareStatement("DELETE FROM notifications WHERE id = ANY(?)");
                    ps.setArray(1, con.createArrayOf("uuid", idArray));
                    return ps;
                });
            });
            if (moved == null || moved == 0) {
                return total;
            }
            total += moved;
        }
    }
}
