package org.notifyoncamel.scheduling;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ft_billing for SMS and email: per London day, template, service, provider, rate multiplier and
 * international flag, the billable units and the number of billable notifications (SMS: sending,
 * sent, delivered, pending, temporary- and permanent-failure; email: sending, delivered, temporary-
 * and permanent-failure), non-test keys only, from notifications and notification_history. SMS rows
 * carry the rates row valid at the day's London midnight; email rows rate 0, provider ses, 0 units.
 * A day (optionally one service) is rebuilt by delete-then-insert in one transaction. Letters (notifications-api
 * migrations/versions/0341_new_letter_rates.py):
 * sending, delivered and returned-letter, non-test keys, per postage and international flag, provider {@code dvla},
 * billable units = sheets, rate from {@code letter_rates} (newest start_date at or before the day's London midnight,
 * the service's crown flag now, the sheet count and postage); 0 sheets cost 0.
 */
@Component("billingFacts")
public class BillingFacts {

    private static final Logger LOG = LoggerFactory.getLogger(BillingFacts.class);

    /** What a rebuild did. */
    public record Rebuilt(LocalDate day, int deleted, int inserted) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int days;

    public BillingFacts(JdbcTemplate jdbc, TransactionTemplate transactions, @Value("${notify.schedules.billing-days:4}") int days) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.days = days;
    }

    /** create-nightly-billing: the last 4 London days, from yesterday back. */
    public List<Rebuilt> nightly() {
        LocalDate yesterday = LocalDate.now(HousekeepingJobs.LONDON).minusDays(1);
        List<Rebuilt> done = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            done.add(rebuild(yesterday.minusDays(i), null));
        }
        LOG.info("create-nightly-billing: {}", done);
        return done;
    }

    /** Replaces the day's SMS and email rows (of one service, or of all when {@code serviceId} is null). */
    public Rebuilt rebuild(LocalDate day, UUID serviceId) {
        Timestamp start = HousekeepingJobs.cutoff(day, 0);
        Timestamp end = HousekeepingJobs.cutoff(day.plusDays(1), 0);
        BigDecimal smsRate = jdbc.query("SELECT rate FROM rates WHERE notification_type = 'sms' AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
                rs -> rs.next() ? rs.getBigDecimal(1) : null, start);
        if (smsRate == null) {
            throw new IllegalStateException("No SMS rate is valid on " + day + "; add one to the rates table");
        }
        String serviceFilter = serviceId == null ? "" : " AND service_id = ?";
        Rebuilt rebuilt = transactions.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", SingleInstancePolicy.lockKey("ft_billing:" + day));
            List<Object> deleteArgs = new ArrayList<>(List.of(Date.valueOf(day)));
            List<Object> insertArgs = new ArrayList<>(List.of(Date.valueOf(day), smsRate, Timestamps.toSql(Timestamps.now()), start, end));
            if (serviceId != null) {
                deleteArgs.add(serviceId);
                insertArgs.add(serviceId);
            }
            insertArgs.addAll(List.of(start, end));
            if (serviceId != null) {
                insertArgs.add(serviceId);
            }
            int deleted = jdbc.update("DELETE FROM ft_billing WHERE bst_date = ? AND notification_type IN ('sms', 'email', 'letter')" + serviceFilter,
                    deleteArgs.toArray());
            String where = "notification_type IN ('sms', 'email') AND created_at >= ? AND created_at < ? AND key_type <> 'test'"
                    + " AND ((notification_type = 'sms' AND notification_status IN ('sending', 'sent', 'delivered', 'pending', 'temporary-failure', 'permanent-failure'))"
                    + "   OR (notification_type = 'email' AND notification_status IN ('sending', 'delivered', 'temporary-failure', 'permanent-failure')))"
                    + serviceFilter;
            int inserted = jdbc.update("""
                    INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider, rate_multiplier, international,
                                            rate, postage, billable_units, notifications_sent, created_at)
                    SELECT ?, template_id, service_id, notification_type, provider, rate_multiplier, international,
                           CASE WHEN notification_type = 'sms' THEN ? ELSE 0 END, 'none', sum(units), count(*), ?
                    FROM (
                        SELECT template_id, service_id, notification_type::text AS notification_type,
                               CASE WHEN notification_type = 'email' THEN 'ses' ELSE coalesce(sent_by, 'unknown') END AS provider,
                               CASE WHEN notification_type = 'email' THEN 1 ELSE coalesce(rate_multiplier, 1)::integer END AS rate_multiplier,
                               CASE WHEN notification_type = 'email' THEN false ELSE coalesce(international, false) END AS international,
                               CASE WHEN notification_type = 'email' THEN 0 ELSE billable_units END AS units
                        FROM (
                            SELECT template_id, service_id, notification_type, sent_by, rate_multiplier, international, billable_units
                            FROM notifications WHERE %1$s
                            UNION ALL
                            SELECT template_id, service_id, notification_type, sent_by, rate_multiplier, international, billable_units
                            FROM notification_history h WHERE %1$s AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = h.id)
                        ) day_rows
                    ) billable
                    GROUP BY template_id, service_id, notification_type, provider, rate_multiplier, international""".formatted(where),
                    insertArgs.toArray());
            inserted += letters(day, start, end, serviceId);
            return new Rebuilt(day, deleted, inserted);
        });
        return rebuilt;
    }

    private int letters(LocalDate day, Timestamp start, Timestamp end, UUID serviceId) {
        String serviceFilter = serviceId == null ? "" : " AND service_id = ?";
        String where = "notification_type = 'letter' AND created_at >= ? AND created_at < ? AND key_type <> 'test'"
                + " AND notification_status IN ('sending', 'delivered', 'returned-letter')" + serviceFilter;
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(day), Timestamps.toSql(Timestamps.now()), start));
        for (int i = 0; i < 2; i++) {
            args.add(start);
            args.add(end);
            if (serviceId != null) {
                args.add(serviceId);
            }
        }
        return jdbc.update("""
                INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider, rate_multiplier, international,
                                        rate, postage, billable_units, notifications_sent, created_at)
                SELECT ?, template_id, service_id, 'letter', provider, 1, international, rate, postage, sum(billable_units), count(*), ?
                FROM (
                    SELECT l.template_id, l.service_id, coalesce(l.sent_by, 'dvla') AS provider, coalesce(l.international, false) AS international,
                           coalesce(l.postage, 'second') AS postage, l.billable_units,
                           CASE WHEN l.billable_units = 0 THEN 0 ELSE (
                               SELECT r.rate FROM letter_rates r
                               WHERE r.start_date <= ? AND r.sheet_count = l.billable_units
                                 AND r.post_class = coalesce(l.postage, 'second') AND r.crown = coalesce(s.crown, false)
                               ORDER BY r.start_date DESC LIMIT 1) END AS rate
                    FROM (
                        SELECT template_id, service_id, sent_by, international, postage, billable_units FROM notifications WHERE %1$s
                        UNION ALL
                        SELECT template_id, service_id, sent_by, international, postage, billable_units
                        FROM notification_history h WHERE %1$s AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = h.id)
                    ) l JOIN services s ON s.id = l.service_id
                ) billable
                GROUP BY template_id, service_id, provider, international, rate, postage""".formatted(where), args.toArray());
    }
}
