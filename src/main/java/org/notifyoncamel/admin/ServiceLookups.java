package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.ApiError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups the service-scoped admin routes (templates, senders, callbacks) share: does the
 * service exist, which permissions does it have, who is a user. The service and user stores own writes.
 */
@Component
public class ServiceLookups {

    private final JdbcTemplate jdbc;

    public ServiceLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The path's service id; malformed or unknown is a 404 ("No result found" for an unknown service). */
    public UUID existingService(String pathId) {
        UUID serviceId = AdminIds.path(pathId);
        Integer count = jdbc.queryForObject("SELECT count(*) FROM services WHERE id = ?", Integer.class, serviceId);
        if (count == null || count == 0) {
            throw AdminError.noResultFound();
        }
        return serviceId;
    }

    public Set<String> permissions(UUID serviceId) {
        return Set.copyOf(jdbc.queryForList("SELECT permission FROM service_permissions WHERE service_id = ?", String.class, serviceId));
    }

    public boolean userExists(UUID userId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM users WHERE id = ?", Integer.class, userId);
        return count != null && count > 0;
    }

    /**
     * A user id from a body field that already passed the schema's UUID check: the user must exist
     * (the original failed on the foreign key with a 500; we answer 400).
     */
    public UUID existingUser(String field, String value) {
        UUID userId = Uuids.parse(value).orElseThrow(() -> ApiError.validation(field + " is not a valid UUID"));
        if (!userExists(userId)) {
            throw ApiError.badRequest(field + " " + Uuids.canonical(userId) + " is not a known user");
        }
        return userId;
    }

    /** {@code {id, name, email_address}} or empty. */
    public Optional<Map<String, Object>> userSummary(UUID userId) {
        List<Map<String, Object>> users = jdbc.query("SELECT id, name, email_address FROM users WHERE id = ?", (rs, n) -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", rs.getObject(1, UUID.class).toString());
            user.put("name", rs.getString(2));
            user.put("email_address", rs.getString(3));
            return user;
        }, userId);
        return users.stream().findFirst();
    }
}
