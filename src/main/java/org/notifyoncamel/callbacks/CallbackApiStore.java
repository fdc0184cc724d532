package org.notifyoncamel.callbacks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.common.InvalidRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's callback APIs: the delivery-status callback (service_callback_api, callback_type
 * {@code delivery_status}) and the inbound SMS API (service_inbound_api). Both are versioned: create
 * and every update write a {@code *_history} row in the same transaction; delete removes only the
 * live row. Bearer tokens are stored encrypted with {@link SecretCipher} and only leave this class
 * decrypted through {@link #endpoint}, for the workers that call the service.
 */
@Repository
public class CallbackApiStore {

    /** Which of the two APIs. */
    public enum Kind {
        DELIVERY_STATUS("service_callback_api", "delivery_status", SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN),
        INBOUND_SMS("service_inbound_api", null, SecretColumn.SERVICE_INBOUND_BEARER_TOKEN);

        private final String table;
        private final String callbackType;
        /** The binding of the table's bearer_token (and of its history's copies). */
        private final SecretColumn secret;

        Kind(String table, String callbackType, SecretColumn secret) {
            this.table = table;
            this.callbackType = callbackType;
            this.secret = secret;
        }
    }

    /** What the internal API shows (never the token). */
    public record CallbackApi(UUID id, UUID serviceId, String url, UUID updatedById, Instant createdAt, Instant updatedAt, int version) {
    }

    /** Where to call and with which token (decrypted). */
    public record Endpoint(UUID id, String url, String bearerToken) {
        @Override
        public String toString() {
            return "Endpoint[id=" + id + ", url=" + url + "]";
        }
    }

    public static final String ONLY_ONE = "You can only have one URL and bearer token for your service.";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public CallbackApiStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Creates version 1; a second API of the same kind for the service is a 400. */
    @Transactional
    public CallbackApi create(Kind kind, UUID serviceId, String url, String bearerToken, UUID updatedBy) {
        if (existing(kind, serviceId).isPresent()) {
            throw onlyOne();
        }
        UUID id = UUID.randomUUID();
        var now = Timestamps.toSql(Timestamps.now());
        try {
            if (kind.callbackType == null) {
                jdbc.update("INSERT INTO " + kind.table + " (id, service_id, url, bearer_token, created_at, updated_by_id, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 1)", id, serviceId, url, cipher.encrypt(kind.secret, bearerToken), now, updatedBy);
            } else {
                jdbc.update("INSERT INTO " + kind.table + " (id, service_id, url, callback_type, bearer_token, created_at, updated_by_id, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 1)", id, serviceId, url, kind.callbackType, cipher.encrypt(kind.secret, bearerToken), now, updatedBy);
            }
        } catch (DuplicateKeyException raced) {
            throw onlyOne();
        }
        writeHistory(kind, id);
        return find(kind, serviceId, id).orElseThrow();
    }

    /** Applies the non-empty url/token and the updater: a new version with its history row. */
    @Transactional
    public Optional<CallbackApi> update(Kind kind, UUID serviceId, UUID id, String url, String bearerToken, UUID updatedBy) {
        String encrypted = bearerToken == null || bearerToken.isEmpty() ? null : cipher.encrypt(kind.secret, bearerToken);
        int updated = jdbc.update("UPDATE " + kind.table + " SET url = coalesce(?, url), bearer_token = coalesce(?, bearer_token), "
                + "updated_by_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND service_id = ?" + typeFilter(kind),
                url == null || url.isEmpty() ? null : url, encrypted, updatedBy, Timestamps.toSql(Timestamps.now()), id, serviceId);
        if (updated == 0) {
            return Optional.empty();
        }
        writeHistory(kind, id);
        return find(kind, serviceId, id);
    }

    public Optional<CallbackApi> find(Kind kind, UUID serviceId, UUID id) {
        return jdbc.query("SELECT id, service_id, url, updated_by_id, created_at, updated_at, version FROM " + kind.table
                + " WHERE id = ? AND service_id = ?" + typeFilter(kind), CallbackApiStore::row, id, serviceId).stream().findFirst();
    }

    /** The service's API of this kind, if it has one. */
    public Optional<CallbackApi> existing(Kind kind, UUID serviceId) {
        return jdbc.query("SELECT id, service_id, url, updated_by_id, created_at, updated_at, version FROM " + kind.table
                + " WHERE service_id = ?" + typeFilter(kind), CallbackApiStore::row, serviceId).stream().findFirst();
    }

    /** The service's first service_callback_api row of any callback type (what GC's suspend-callback acts on). */
    public Optional<CallbackApi> firstServiceCallbackApi(UUID serviceId) {
        return jdbc.query("SELECT id, service_id, url, updated_by_id, created_at, updated_at, version FROM service_callback_api"
                + " WHERE service_id = ? ORDER BY created_at, id LIMIT 1", CallbackApiStore::row, serviceId).stream().findFirst();
    }

    /** Deletes the live row (history stays); false when there is none. */
    @Transactional
    public boolean delete(Kind kind, UUID serviceId, UUID id) {
        return jdbc.update("DELETE FROM " + kind.table + " WHERE id = ? AND service_id = ?" + typeFilter(kind), id, serviceId) > 0;
    }

    /** The URL and decrypted bearer token to call for this service, for the callback and inbound SMS workers. */
    public Optional<Endpoint> endpoint(Kind kind, UUID serviceId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, url, bearer_token FROM " + kind.table + " WHERE service_id = ?"
                + typeFilter(kind), serviceId);
        return rows.stream().findFirst().map(r -> new Endpoint((UUID) r.get("id"), (String) r.get("url"),
                cipher.decrypt(kind.secret, (String) r.get("bearer_token"))));
    }

    private static String typeFilter(Kind kind) {
        return kind.callbackType == null ? "" : " AND callback_type = '" + kind.callbackType + "'";
    }

    private void writeHistory(Kind kind, UUID id) {
        String columns = kind.callbackType == null
                ? "id, service_id, url, bearer_token, created_at, updated_at, updated_by_id, version"
                : "id, service_id, url, callback_type, bearer_token, created_at, updated_at, updated_by_id, version";
        jdbc.update("INSERT INTO " + kind.table + "_history (" + columns + ") SELECT " + columns + " FROM " + kind.table + " WHERE id = ?", id);
    }

    private static InvalidRequest onlyOne() {
        return new InvalidRequest(Map.of("name", List.of(ONLY_ONE)));
    }

    private static CallbackApi row(ResultSet rs, int n) throws SQLException {
        return new CallbackApi(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                Timestamps.toInstant(rs.getTimestamp(5)), Timestamps.toInstant(rs.getTimestamp(6)), rs.getInt(7));
    }
}
