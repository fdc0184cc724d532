package org.notifyoncamel.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's callback circuit and its parked callback tasks (service_callback_circuits, parked_callbacks;
 * docs/adr/0170-callback-backoff-suspension-and-parking.md). A service without a row has never failed and is not
 * suspended.
 */
@Repository
public class CallbackCircuitStore {

    /** Whether a service's callbacks are suspended, and since when (GC keeps suspended_at after resuming). */
    public record Suspension(boolean suspended, Instant suspendedAt) {
        public static final Suspension NONE = new Suspension(false, null);
    }

    /** A parked task leased to one replay. */
    public record Parked(long id, String task) {
    }

    private final JdbcTemplate jdbc;

    public CallbackCircuitStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Suspension suspension(UUID serviceId) {
        return jdbc.query("SELECT is_suspended, suspended_at FROM service_callback_circuits WHERE service_id = ?",
                (rs, n) -> new Suspension(rs.getBoolean(1), Timestamps.toInstant(rs.getTimestamp(2))), serviceId)
                .stream().findFirst().orElse(Suspension.NONE);
    }

    public boolean suspended(UUID serviceId) {
        return suspension(serviceId).suspended();
    }

    /** Counts one more failed attempt in a row; returns the count. */
    public int failed(UUID serviceId) {
        return jdbc.queryForObject("""
                INSERT INTO service_callback_circuits (service_id, consecutive_failures, updated_at) VALUES (?, 1, ?)
                ON CONFLICT (service_id) DO UPDATE SET consecutive_failures = service_callback_circuits.consecutive_failures + 1,
                                                       updated_at = excluded.updated_at
                RETURNING consecutive_failures""", Integer.class, serviceId, Timestamps.toSql(Timestamps.now()));
    }

    /** A callback was accepted: the run of failures is over (no write when there was none). */
    public void succeeded(UUID serviceId) {
        jdbc.update("UPDATE service_callback_circuits SET consecutive_failures = 0 WHERE service_id = ? AND consecutive_failures > 0", serviceId);
    }

    /**
     * Suspends ({@code true}) or resumes ({@code false}) the service's callbacks; resuming also clears the run of
     * failures. Returns whether the state changed (a second suspension is not a new one).
     */
    @Transactional
    public boolean set(UUID serviceId, boolean suspend, UUID updatedBy) {
        var now = Timestamps.toSql(Timestamps.now());
        // the row exists before it is locked, so two concurrent suspensions are one change, not two
        jdbc.update("INSERT INTO service_callback_circuits (service_id) VALUES (?) ON CONFLICT (service_id) DO NOTHING", serviceId);
        boolean before = jdbc.queryForObject("SELECT is_suspended FROM service_callback_circuits WHERE service_id = ? FOR UPDATE",
                Boolean.class, serviceId);
        jdbc.update("""
                UPDATE service_callback_circuits SET is_suspended = ?, suspended_at = ?, updated_by_id = ?, updated_at = ?,
                    consecutive_failures = CASE WHEN ? THEN consecutive_failures ELSE 0 END
                WHERE service_id = ?""", suspend, now, updatedBy, now, suspend, serviceId);
        return before != suspend;
    }

    /** Keeps a task until the service's callbacks are resumed. */
    public void park(UUID serviceId, String task) {
        jdbc.update("INSERT INTO parked_callbacks (service_id, task, parked_at) VALUES (?, ?, ?)", serviceId, task,
                Timestamps.toSql(Timestamps.now()));
    }

    /**
     * Leases the service's next parked tasks, oldest first, for {@code leaseSeconds}: rows leased by a replay that
     * is still running are skipped, rows of one that died are taken again once its lease has run out.
     */
    public List<Parked> claim(UUID serviceId, int limit, int leaseSeconds) {
        Instant now = Timestamps.now();
        return jdbc.query("""
                UPDATE parked_callbacks SET claimed_until = ?
                WHERE id IN (SELECT id FROM parked_callbacks
                             WHERE service_id = ? AND (claimed_until IS NULL OR claimed_until < ?)
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, task""", (rs, n) -> new Parked(rs.getLong(1), rs.getString(2)),
                Timestamps.toSql(now.plusSeconds(leaseSeconds)), serviceId, Timestamps.toSql(now), limit)
                .stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    /** Removes parked tasks once they are published again. */
    public void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("DELETE FROM parked_callbacks WHERE id = ANY (?)", (Object) ids.toArray(Long[]::new));
        }
    }

    public int parkedCount(UUID serviceId) {
        return jdbc.queryForObject("SELECT count(*) FROM parked_callbacks WHERE service_id = ?", Integer.class, serviceId);
    }

    /** For the gauges: services suspended now, and tasks parked. */
    public long suspendedServices() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT count(*) FROM service_callback_circuits WHERE is_suspended", Long.class)).orElse(0L);
    }

    public long parkedTasks() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT count(*) FROM parked_callbacks", Long.class)).orElse(0L);
    }
}
