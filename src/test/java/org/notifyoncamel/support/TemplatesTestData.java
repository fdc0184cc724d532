package org.notifyoncamel.support;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixtures for the template/sender/callback tests: a user and a service (with its services_history
 * v1 row, service permissions and membership) inserted directly, with unique random names, so tests
 * never depend on the service and user routes or on each other.
 */
public final class TemplatesTestData {

    public record Fixture(UUID userId, UUID serviceId) {
        public String service() {
            return serviceId.toString();
        }

        public String user() {
            return userId.toString();
        }
    }

    private final JdbcTemplate jdbc;

    public TemplatesTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A user and a service with the sms, email and letter permissions. */
    public Fixture service() {
        return service(List.of("sms", "email", "letter"));
    }

    public Fixture service(List<String> permissions) {
        UUID userId = user();
        UUID serviceId = UUID.randomUUID();
        Timestamp now = now();
        String name = "templates-test-" + serviceId;
        jdbc.update("INSERT INTO services (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, "
                + "prefix_sms, rate_limit, count_as_live, version) VALUES (?, ?, ?, true, 1000, true, false, ?, ?, true, 3000, true, 1)",
                serviceId, name, now, name, userId);
        jdbc.update("INSERT INTO services_history (id, name, created_at, active, message_limit, restricted, research_mode, email_from, "
                + "created_by_id, prefix_sms, rate_limit, count_as_live, version) SELECT id, name, created_at, active, message_limit, restricted, "
                + "research_mode, email_from, created_by_id, prefix_sms, rate_limit, count_as_live, version FROM services WHERE id = ?", serviceId);
        for (String permission : permissions) {
            jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, ?, ?)", serviceId, permission, now);
        }
        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", userId, serviceId);
        return new Fixture(userId, serviceId);
    }

    /** Another user (not a member of anything). */
    public UUID user() {
        UUID userId = UUID.randomUUID();
        Timestamp now = now();
        jdbc.update("INSERT INTO users (id, name, email_address, created_at, _password, mobile_number, password_changed_at, state, "
                + "auth_type, email_access_validated_at) VALUES (?, ?, ?, ?, 'x', '07700900000', ?, 'active', 'sms_auth', ?)",
                userId, "Test User " + userId, "test-" + userId + "@example.gov.uk", now, now, now);
        return userId;
    }

    public UUID folder(UUID serviceId) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO template_folder (id, service_id, name) VALUES (?, ?, 'folder')", id, serviceId);
        return id;
    }

    /** An active, unallocated inbound number with a unique random number. */
    public UUID inboundNumber() {
        UUID id = UUID.randomUUID();
        String number = "07" + String.format("%09d", Math.floorMod(id.getLeastSignificantBits(), 1_000_000_000L));
        jdbc.update("INSERT INTO inbound_numbers (id, number, provider, active, created_at) VALUES (?, ?, 'mmg', true, ?)", id, number, now());
        return id;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }
}
