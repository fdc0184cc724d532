package org.notifyoncamel.services;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per-service counts for the internal API: the nightly facts (ft_notification_status, by London date) for past
 * days plus today's rows from notifications. Test-key traffic is never counted.
 */
@Repository
public class ServiceStatistics {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final List<String> TYPES = List.of("sms", "email", "letter");
    private static final Set<String> FAILED = Set.of("failed", "technical-failure", "temporary-failure", "permanent-failure",
            "validation-failed", "virus-scan-failed");
    private static final Set<String> DELIVERED = Set.of("delivered", "sent");

    private final JdbcTemplate jdbc;

    public ServiceStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code {"email": {"requested", "delivered", "failed"}, "sms": {...}, "letter": {...}}}. */
    public Map<String, Map<String, Long>> statistics(UUID serviceId, boolean todayOnly, int limitDays) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (String type : List.of("email", "sms", "letter")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("requested", 0L);
            counts.put("delivered", 0L);
            counts.put("failed", 0L);
            result.put(type, counts);
        }
        LocalDate today = LocalDate.now(LONDON);
        java.sql.Timestamp startOfToday = Timestamps.toSql(today.atStartOfDay(LONDON).toInstant());
        String todaySql = """
                SELECT notification_type::text, notification_status, count(*) FROM notifications
                WHERE service_id = ? AND key_type <> 'test' AND created_at >= ?
                GROUP BY 1, 2""";
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            Map<String, Long> counts = result.get(rs.getString(1));
            if (counts == null) {
                return;
            }
            String status = rs.getString(2);
            long count = rs.getLong(3);
            if (!"cancelled".equals(status)) {
                counts.merge("requested", count, Long::sum);
            }
            if (DELIVERED.contains(status)) {
                counts.merge("delivered", count, Long::sum);
            }
            if (FAILED.contains(status)) {
                counts.merge("failed", count, Long::sum);
            }
        };
        jdbc.query(todaySql, add, serviceId, startOfToday);
        if (!todayOnly) {
            jdbc.query("""
                    SELECT notification_type, notification_status, sum(notification_count) FROM ft_notification_status
                    WHERE service_id = ? AND key_type <> 'test' AND bst_date >= ? AND bst_date < ?
                    GROUP BY 1, 2""", add, serviceId, java.sql.Date.valueOf(today.minusDays(Math.max(limitDays, 1) - 1L)),
                    java.sql.Date.valueOf(today));
        }
        return result;
    }

    /**
     * {@code {"YYYY-MM": {"sms": {status: n}, "email": {...}, "letter": {...}}}} for the April-March financial year
     * starting in {@code year}, months up to the current one, with today's live counts when the year is current.
     */
    public Map<String, Map<String, Map<String, Long>>> monthly(UUID serviceId, int year) {
        Map<String, Map<String, Map<String, Long>>> result = new LinkedHashMap<>();
        YearMonth now = YearMonth.now(LONDON);
        for (YearMonth month = YearMonth.of(year, 4); !month.isAfter(YearMonth.of(year + 1, 3)) && !month.isAfter(now); month = month.plusMonths(1)) {
            Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
            TYPES.forEach(type -> byType.put(type, new LinkedHashMap<>()));
            result.put(month.toString(), byType);
        }
        LocalDate start = LocalDate.of(year, 4, 1);
        LocalDate end = LocalDate.of(year + 1, 4, 1);
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            Map<String, Map<String, Long>> byType = result.get(rs.getString(1));
            if (byType != null && byType.containsKey(rs.getString(2))) {
                byType.get(rs.getString(2)).merge(rs.getString(3), rs.getLong(4), Long::sum);
            }
        };
        jdbc.query("""
                SELECT to_char(bst_date, 'YYYY-MM'), notification_type, notification_status, sum(notification_count)
                FROM ft_notification_status
                WHERE service_id = ? AND key_type <> 'test' AND bst_date >= ? AND bst_date < ?
                GROUP BY 1, 2, 3""", add, serviceId, java.sql.Date.valueOf(start), java.sql.Date.valueOf(end));
        LocalDate today = LocalDate.now(LONDON);
        if (!today.isBefore(start) && today.isBefore(end)) {
            ZonedDateTime startOfToday = today.atStartOfDay(LONDON);
            jdbc.query("""
                    SELECT ?, notification_type::text, notification_status, count(*) FROM notifications
                    WHERE service_id = ? AND key_type <> 'test' AND created_at >= ?
                    GROUP BY 2, 3""", add, YearMonth.from(today).toString(), serviceId, Timestamps.toSql(startOfToday.toInstant()));
        }
        return result;
    }
}
