package org.notifyoncamel.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table (docs/adr/0150): one row per service and key, claimed atomically before the
 * request runs and completed with its first answer.
 */
@Repository
public class IdempotencyStore {

    /** A key's row: in progress while {@code status} is null. */
    public record Entry(String requestHash, Instant createdAt, Integer status, byte[] body) {
        public boolean completed() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request: true when no row existed, or the row was older than {@code expiredBefore}
     * (an expired key, or a claim whose request died with its process) and this request took it over.
     * Concurrent callers with one key: exactly one gets true.
     */
    public boolean claim(UUID serviceId, String key, String requestHash, Instant now, Instant expiredBefore,
                         Instant abandonedBefore) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_keys (service_id, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (service_id, idempotency_key) DO NOTHING""",
                serviceId, key, requestHash, Timestamps.toSql(now));
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("""
                UPDATE idempotency_keys SET request_hash = ?, created_at = ?, completed_at = NULL,
                    response_status = NULL, response_body = NULL
                WHERE service_id = ? AND idempotency_key = ?
                  AND (created_at < ? OR (completed_at IS NULL AND created_at < ?))""",
                requestHash, Timestamps.toSql(now), serviceId, key, Timestamps.toSql(expiredBefore),
                Timestamps.toSql(abandonedBefore)) == 1;
    }

    public Optional<Entry> find(UUID serviceId, String key) {
        return jdbc.query("""
                SELECT request_hash, created_at, response_status, response_body FROM idempotency_keys
                WHERE service_id = ? AND idempotency_key = ?""",
                (rs, i) -> new Entry(rs.getString(1), Timestamps.toInstant(rs.getTimestamp(2)),
                        (Integer) rs.getObject(3), rs.getBytes(4)), serviceId, key).stream().findFirst();
    }

    /** Stores the first answer of the claim made at {@code claimedAt}; false if the claim was lost meanwhile. */
    public boolean complete(UUID serviceId, String key, Instant claimedAt, int status, byte[] body, Instant now) {
        return jdbc.update("""
                UPDATE idempotency_keys SET completed_at = ?, response_status = ?, response_body = ?
                WHERE service_id = ? AND idempotency_key = ? AND created_at = ? AND completed_at IS NULL""",
                Timestamps.toSql(now), status, body, serviceId, key, Timestamps.toSql(claimedAt)) == 1;
    }

    /** Gives the key back (the request ended without an answer worth repeating): a retry runs afresh. */
    public void release(UUID serviceId, String key, Instant claimedAt) {
        jdbc.update("DELETE FROM idempotency_keys WHERE service_id = ? AND idempotency_key = ? AND created_at = ? AND completed_at IS NULL",
                serviceId, key, Timestamps.toSql(claimedAt));
    }

    /** Deletes keys claimed before {@code expiredBefore}; returns how many. */
    public int deleteExpired(Instant expiredBefore) {
        return jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", Timestamps.toSql(expiredBefore));
    }
}
