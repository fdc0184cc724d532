package org.notifyoncamel.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code check-for-services-with-high-failure-rates-or-sending-to-tv-numbers}: over the last 24 hours,
 * live services (active, not restricted, not in research mode) that sent at least
 * {@code failure-rate-min-sms} SMS of which at least {@code failure-rate-threshold} permanently failed,
 * and those that sent more than {@code tv-numbers-threshold} SMS to TV drama numbers (07700 900xxx).
 * Both lists are logged as one WARN naming the services (the original raised a Zendesk ticket and
 * dropped the TV-number list whenever there were failure-rate findings).
 */
@Component("failureRateMonitor")
public class FailureRateMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(FailureRateMonitor.class);

    public record HighFailureRate(UUID serviceId, long total, long permanentFailures, double rate) {
    }

    public record TvNumbers(UUID serviceId, long count) {
    }

    public record Findings(List<HighFailureRate> highFailureRates, List<TvNumbers> tvNumbers) {
        public boolean isEmpty() {
            return highFailureRates.isEmpty() && tvNumbers.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final String adminBaseUrl;
    private final long minSms;
    private final double threshold;
    private final long tvThreshold;

    @Autowired
    public FailureRateMonitor(JdbcTemplate jdbc, @Value("${notify.admin-base-url}") String adminBaseUrl,
                              @Value("${notify.schedules.failure-rate-min-sms:10000}") long minSms,
                              @Value("${notify.schedules.failure-rate-threshold:0.25}") double threshold,
                              @Value("${notify.schedules.tv-numbers-threshold:500}") long tvThreshold) {
        this.jdbc = jdbc;
        this.adminBaseUrl = adminBaseUrl;
        this.minSms = minSms;
        this.threshold = threshold;
        this.tvThreshold = tvThreshold;
    }

    /** Runs the check for the 24 hours up to now; logs and answers what it found. */
    public Findings check() {
        Instant now = Timestamps.now();
        Findings findings = find(now.minus(Duration.ofDays(1)), now);
        if (!findings.isEmpty()) {
            LOG.warn("{}", message(findings));
        }
        return findings;
    }

    Findings find(Instant from, Instant to) {
        Timestamp start = Timestamps.toSql(from);
        Timestamp end = Timestamps.toSql(to);
        String liveSms = """
                FROM notifications n JOIN services s ON s.id = n.service_id
                WHERE n.created_at >= ? AND n.created_at <= ? AND n.key_type <> 'test' AND n.notification_type = 'sms'
                  AND s.active AND NOT s.restricted AND NOT s.research_mode""";
        List<HighFailureRate> failures = jdbc.query("""
                SELECT n.service_id, count(*) AS total, count(*) FILTER (WHERE n.notification_status = 'permanent-failure') AS failed
                %s
                GROUP BY n.service_id
                HAVING count(*) >= ? AND count(*) FILTER (WHERE n.notification_status = 'permanent-failure')::float / count(*) >= ?
                ORDER BY n.service_id""".formatted(liveSms),
                (rs, i) -> new HighFailureRate(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), (double) rs.getLong(3) / rs.getLong(2)),
                start, end, minSms, threshold);
        List<TvNumbers> tv = jdbc.query("""
                SELECT n.service_id, count(*)
                %s AND substr(n.normalised_to, 3, 7) = '7700900'
                GROUP BY n.service_id
                HAVING count(*) > ?
                ORDER BY n.service_id""".formatted(liveSms),
                (rs, i) -> new TvNumbers(rs.getObject(1, UUID.class), rs.getLong(2)), start, end, tvThreshold);
        return new Findings(failures, tv);
    }

    String message(Findings findings) {
        StringBuilder message = new StringBuilder();
        if (!findings.highFailureRates().isEmpty()) {
            message.append(findings.highFailureRates().size()).append(" service(s) have had high permanent-failure rates for sms messages in last 24 hours:\n");
            for (HighFailureRate f : findings.highFailureRates()) {
                message.append("service: ").append(adminBaseUrl).append("/services/").append(f.serviceId())
                        .append(" failure rate: ").append(f.rate()).append(",\n");
            }
        }
        if (!findings.tvNumbers().isEmpty()) {
            message.append(findings.tvNumbers().size()).append(" service(s) have sent over ").append(tvThreshold)
                    .append(" sms messages to tv numbers in last 24 hours:\n");
            for (TvNumbers t : findings.tvNumbers()) {
                message.append("service: ").append(adminBaseUrl).append("/services/").append(t.serviceId())
                        .append(" count of sms to tv numbers: ").append(t.count()).append(",\n");
            }
        }
        return message.toString();
    }
}
