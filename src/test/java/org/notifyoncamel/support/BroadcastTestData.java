package org.notifyoncamel.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Users, services and templates for broadcast tests, inserted with SQL (unique random names; shared
 * tables are never truncated): a service with the broadcast permission, its services_history
 * version 1 and its team (user_to_service).
 */
public final class BroadcastTestData {

    private final JdbcTemplate jdbc;

    public BroadcastTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public UUID user() {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        jdbc.update("""
                INSERT INTO users (id, name, email_address, created_at, _password, password_changed_at, state, auth_type,
                                   email_access_validated_at)
                VALUES (?, ?, ?, ?, 'not-a-real-hash', ?, 'active', 'email_auth', ?)""",
                id, "Broadcast tester " + id, "broadcast-" + id + "@test.notify.com", now, now, now);
        return id;
    }

    /** A live (restricted=false) or training-mode (restricted=true) service with the broadcast permission. */
    public UUID service(UUID createdBy, boolean restricted) {
        UUID id = UUID.randomUUID();
        String name = "Broadcast service " + id;
        jdbc.update("""
                INSERT INTO services (id, name, created_at, active, message_limit, restricted, research_mode, email_from,
                                      created_by_id, version)
                VALUES (?, ?, ?, true, 1000, ?, false, ?, ?, 1)""",
                id, name, now(), restricted, "broadcast." + id, createdBy);
        jdbc.update("""
                INSERT INTO services_history (id, name, created_at, active, message_limit, restricted, research_mode, email_from,
                                              created_by_id, version)
                SELECT id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, version
                FROM services WHERE id = ?""", id);
        jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, 'broadcast', ?)", id, now());
        member(createdBy, id);
        return id;
    }

    public void member(UUID user, UUID service) {
        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", user, service);
    }

    public void restrictTo(UUID service, String provider) {
        jdbc.update("INSERT INTO service_broadcast_provider_restriction (service_id, provider, created_at) VALUES (?, ?, ?)",
                service, provider, now());
    }

    public void channel(UUID service, String channel) {
        jdbc.update("INSERT INTO service_broadcast_settings (service_id, channel, created_at) VALUES (?, ?, ?)", service, channel, now());
    }

    public UUID template(UUID service, UUID createdBy, String type, String content) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO templates (id, name, template_type, created_at, content, service_id, created_by_id, version)
                VALUES (?, ?, ?::template_type, ?, ?, ?, ?, 1)""", id, "Template " + id, type, now(), content, service, createdBy);
        jdbc.update("""
                INSERT INTO templates_history (id, name, template_type, created_at, content, service_id, created_by_id, version)
                SELECT id, name, template_type, created_at, content, service_id, created_by_id, version FROM templates WHERE id = ?""", id);
        return id;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
    }
}
