package org.notifyoncamel.apikeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * api_keys and api_keys_history. {@code api_keys.secret} holds {@code SecretCipher.encrypt(API_KEY_SECRET, <secret uuid string>)};
 * the public API decrypts it to verify JWTs. Every create and expiry writes a history row in the same transaction.
 */
@Repository
public class ApiKeyStore {

    public static final List<String> KEY_TYPES = List.of("normal", "team", "test");

    /** How long a revoked key is still listed (and still recognised, to answer "API key revoked"). */
    public static final java.time.Duration LISTED_AFTER_EXPIRY = java.time.Duration.ofDays(7);

    /** Raised when the service already has an unexpired key with that name. */
    public static class DuplicateName extends RuntimeException {
        public DuplicateName() {
            super("duplicate api key name");
        }
    }

    public record ApiKey(UUID id, String name, UUID serviceId, String keyType, Instant expiryDate, Instant createdAt,
                         Instant updatedAt, UUID createdById, int version) {
    }

    /** A new key and its secret, which is never readable again through the internal API. */
    public record Created(ApiKey key, String secret) {
    }

    private static final String COLUMNS = "id, name, service_id, key_type, expiry_date, created_at, updated_at, created_by_id, version";
    private static final String ALL_COLUMNS = "id, name, secret, service_id, key_type, expiry_date, created_at, updated_at, created_by_id, version";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public ApiKeyStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional
    public Created create(UUID serviceId, String name, String keyType, UUID createdBy) {
        UUID id = UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO api_keys (" + ALL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?, 1)",
                    id, name, cipher.encrypt(SecretColumn.API_KEY_SECRET, secret), serviceId, keyType, Timestamps.toSql(Timestamps.now()), createdBy);
        } catch (DuplicateKeyException e) {
            throw new DuplicateName();
        }
        writeHistory(id);
        return new Created(find(serviceId, id).orElseThrow(), secret);
    }

    public Optional<ApiKey> find(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_keys WHERE service_id = ? AND id = ?", ApiKeyStore::row, serviceId, id)
                .stream().findFirst();
    }

    /** Unexpired keys and keys expired less than {@link #LISTED_AFTER_EXPIRY} ago. */
    public List<ApiKey> listed(UUID serviceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_keys WHERE service_id = ? AND (expiry_date IS NULL OR expiry_date > ?) "
                + "ORDER BY created_at, id", ApiKeyStore::row, serviceId, Timestamps.toSql(Timestamps.now().minus(LISTED_AFTER_EXPIRY)));
    }

    public List<ApiKey> history(UUID serviceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_keys_history WHERE service_id = ? ORDER BY created_at, id, version",
                ApiKeyStore::row, serviceId);
    }

    /** Expires an unexpired key (new version); false when the key is unknown for this service or already expired. */
    @Transactional
    public boolean expire(UUID serviceId, UUID id) {
        Instant now = Timestamps.now();
        int updated = jdbc.update("UPDATE api_keys SET expiry_date = ?, updated_at = ?, version = version + 1 "
                + "WHERE service_id = ? AND id = ? AND expiry_date IS NULL", Timestamps.toSql(now), Timestamps.toSql(now), serviceId, id);
        if (updated > 0) {
            writeHistory(id);
        }
        return updated > 0;
    }

    /** Expires every unexpired key of the service, each with a new version; answers how many. */
    @Transactional
    public int expireAll(UUID serviceId) {
        Instant now = Timestamps.now();
        List<UUID> ids = jdbc.queryForList("UPDATE api_keys SET expiry_date = ?, updated_at = ?, version = version + 1 "
                + "WHERE service_id = ? AND expiry_date IS NULL RETURNING id", UUID.class, Timestamps.toSql(now), Timestamps.toSql(now), serviceId);
        ids.forEach(this::writeHistory);
        return ids.size();
    }

    private void writeHistory(UUID id) {
        jdbc.update("INSERT INTO api_keys_history (" + ALL_COLUMNS + ") SELECT " + ALL_COLUMNS + " FROM api_keys WHERE id = ?", id);
    }

    private static ApiKey row(ResultSet rs, int n) throws SQLException {
        return new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                Timestamps.toInstant(rs.getTimestamp(5)), Timestamps.toInstant(rs.getTimestamp(6)), Timestamps.toInstant(rs.getTimestamp(7)),
                rs.getObject(8, UUID.class), rs.getInt(9));
    }
}
