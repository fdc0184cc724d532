package org.notifyoncamel.delivery;

import org.notifyoncamel.common.LoggedErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic SMS provider priorities (notifications-api app/dao/provider_details_dao.py): a failing or slow provider loses 10 points to
 * the other; when nothing has changed for an hour, priorities drift 10 points towards their resting
 * points. Every change is a versioned provider_details update by the Notify service user, with history.
 */
@Component
public class SmsProviderPriorities {

    public static final UUID NOTIFY_USER_ID = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");
    private static final Logger LOG = LoggerFactory.getLogger(SmsProviderPriorities.class);
    private static final int STEP = 10;

    record Provider(UUID id, String identifier, int priority, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ProviderDetailsStore store;
    private final SmsProviderSelection selection;
    private final Duration failureThreshold;
    private final Duration slowThreshold;
    private final Duration slowDelivery;
    private final double slowRatio;
    private final Duration tendQuiet;
    private final Map<String, Integer> restingPoints;

    public SmsProviderPriorities(JdbcTemplate jdbc, ProviderDetailsStore store, SmsProviderSelection selection,
                                 @Value("${notify.delivery.failure-reduce-threshold-seconds}") long failureThreshold,
                                 @Value("${notify.delivery.slow-reduce-threshold-seconds}") long slowThreshold,
                                 @Value("${notify.delivery.slow-delivery-seconds}") long slowDelivery,
                                 @Value("${notify.delivery.slow-ratio}") double slowRatio,
                                 @Value("${notify.delivery.tend-quiet-seconds}") long tendQuiet,
                                 @Value("${notify.delivery.resting-point-mmg}") int mmgRest,
                                 @Value("${notify.delivery.resting-point-firetext}") int firetextRest) {
        this.jdbc = jdbc;
        this.store = store;
        this.selection = selection;
        this.failureThreshold = Duration.ofSeconds(failureThreshold);
        this.slowThreshold = Duration.ofSeconds(slowThreshold);
        this.slowDelivery = Duration.ofSeconds(slowDelivery);
        this.slowRatio = slowRatio;
        this.tendQuiet = Duration.ofSeconds(tendQuiet);
        this.restingPoints = Map.of("mmg", mmgRest, "firetext", firetextRest);
    }

    /** A provider raised an error while sending: reduce it unless priorities changed in the last minute. */
    public void reduceAfterFailure(String identifier) {
        try {
            reduce(identifier, failureThreshold);
        } catch (RuntimeException e) {
            // a lock timeout or deadlock here must never fail the delivery itself
            LOG.warn("Could not reduce the priority of {}: {}", identifier, LoggedErrors.describe(e));
        }
    }

    /**
     * Moves 10 points from the provider to the other active SMS provider(s), unless any of them was
     * updated within the threshold. Returns whether anything changed.
     */
    @Transactional
    public boolean reduce(String identifier, Duration threshold) {
        List<Provider> providers = lockActiveSmsProviders();
        Instant now = Timestamps.now();
        if (recentlyUpdated(providers, now.minus(threshold))) {
            return false;
        }
        Provider reduced = providers.stream().filter(p -> p.identifier().equals(identifier)).findFirst().orElse(null);
        if (reduced == null || providers.size() < 2) {
            return false;
        }
        for (Provider p : providers) {
            int priority = p == reduced ? Math.max(0, p.priority() - STEP) : Math.min(100, p.priority() + STEP);
            set(p, priority);
        }
        LOG.warn("SMS provider {} priority reduced to {}", identifier, Math.max(0, reduced.priority() - STEP));
        selection.invalidate();
        return true;
    }

    /** Every minute: reduce providers whose recent messages are slow, when not all are slow. */
    @Transactional
    public List<String> switchOnSlowDelivery() {
        return switchOnSlowDeliveryAt(Timestamps.now());
    }

    /** Judges the texts created in the 10 minutes before {@code now}; returns the providers found slow. */
    @Transactional
    public List<String> switchOnSlowDeliveryAt(Instant now) {
        Map<String, double[]> counts = new HashMap<>();
        jdbc.query("""
                SELECT sent_by, count(*),
                       count(*) FILTER (WHERE (notification_status = 'delivered' AND updated_at - sent_at >= ? * interval '1 second')
                                           OR (notification_status <> 'delivered' AND ? - sent_at >= ? * interval '1 second'))
                FROM notifications
                WHERE notification_type = 'sms' AND key_type <> 'test' AND created_at >= ? AND sent_at IS NOT NULL
                  AND sent_by IS NOT NULL AND notification_status IN ('delivered', 'pending', 'sending')
                GROUP BY sent_by""",
                rs -> {
                    counts.put(rs.getString(1), new double[] {rs.getLong(2), rs.getLong(3)});
                },
                slowDelivery.toSeconds(), Timestamps.toSql(now), slowDelivery.toSeconds(), Timestamps.toSql(now.minus(Duration.ofMinutes(10))));
        List<Provider> providers = activeSmsProviders();
        List<String> slow = providers.stream().map(Provider::identifier).filter(id -> {
            double[] c = counts.get(id);
            return c != null && c[0] > 0 && c[1] / c[0] >= slowRatio;
        }).toList();
        if (slow.isEmpty() || slow.size() == providers.size()) {
            return List.of();
        }
        for (String identifier : slow) {
            LOG.warn("SMS provider {} is slow to deliver", identifier);
            reduce(identifier, slowThreshold);
        }
        return slow;
    }

    /** Every 5 minutes: when nothing changed for an hour, move each provider 10 points towards its resting point. */
    @Transactional
    public boolean tendTowardsRestingPoints() {
        List<Provider> providers = lockActiveSmsProviders();
        if (recentlyUpdated(providers, Timestamps.now().minus(tendQuiet))) {
            return false;
        }
        boolean changed = false;
        for (Provider p : providers) {
            Integer rest = restingPoints.get(p.identifier());
            if (rest == null || p.priority() == rest) {
                continue;
            }
            int target = p.priority() > rest ? Math.max(rest, p.priority() - STEP) : Math.min(rest, p.priority() + STEP);
            set(p, target);
            changed = true;
        }
        if (changed) {
            selection.invalidate();
        }
        return changed;
    }

    private void set(Provider p, int priority) {
        store.update(p.id(), new ProviderDetailsStore.Change(priority, null, NOTIFY_USER_ID));
    }

    private static boolean recentlyUpdated(List<Provider> providers, Instant since) {
        return providers.stream().anyMatch(p -> p.updatedAt() != null && p.updatedAt().isAfter(since));
    }

    private List<Provider> lockActiveSmsProviders() {
        return jdbc.query("SELECT id, identifier, priority, updated_at FROM provider_details "
                + "WHERE active AND notification_type = 'sms' ORDER BY identifier FOR UPDATE", SmsProviderPriorities::provider);
    }

    private List<Provider> activeSmsProviders() {
        return jdbc.query("SELECT id, identifier, priority, updated_at FROM provider_details "
                + "WHERE active AND notification_type = 'sms' ORDER BY identifier", SmsProviderPriorities::provider);
    }

    private static Provider provider(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Provider(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), Timestamps.toInstant(rs.getTimestamp(4)));
    }
}
