package org.notifyoncamel.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fixtures for the delivery pipeline, written straight to the database as the public API would
 * (its code is another engineer's): a user, a service with history and permissions, templates with
 * history, notifications with encrypted personalisation, callback APIs. Every name is unique.
 */
public final class DeliveryTestData {

    public record Service(UUID id, String name, UUID userId) {
    }

    public record Template(UUID id, int version, String type) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public DeliveryTestData(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Service service() {
        return service(false, true, true);
    }

    public Service service(boolean researchMode, boolean active, boolean prefixSms) {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        UUID user = UUID.randomUUID();
        Timestamp now = now();
        jdbc.update("""
                INSERT INTO users (id, name, email_address, created_at, _password, mobile_number, password_changed_at,
                                   state, auth_type, email_access_validated_at)
                VALUES (?, ?, ?, ?, 'x', '+447700900986', ?, 'active', 'sms_auth', ?)""",
                user, "Delivery tester " + unique, "delivery-" + unique + "@digital.cabinet-office.gov.uk", now, now, now);
        UUID service = UUID.randomUUID();
        String name = "Delivery service " + unique;
        for (String table : new String[] {"services", "services_history"}) {
            jdbc.update("INSERT INTO " + table + """
                     (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id,
                      prefix_sms, version) VALUES (?, ?, ?, ?, 1000, false, ?, ?, ?, ?, 1)""",
                    service, name, now, active, researchMode, "delivery." + unique, user, prefixSms);
        }
        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", user, service);
        for (String permission : new String[] {"sms", "email", "international_sms"}) {
            jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, ?, ?)", service, permission, now);
        }
        for (String permission : new String[] {"send_texts", "send_emails", "manage_api_keys"}) {
            jdbc.update("INSERT INTO permissions (id, service_id, user_id, permission, created_at) VALUES (?, ?, ?, ?::permission_types, ?)",
                    UUID.randomUUID(), service, user, permission, now);
        }
        return new Service(service, name, user);
    }

    public Template smsTemplate(Service service, String content) {
        return template(service, "sms", null, content);
    }

    public Template emailTemplate(Service service, String subject, String content) {
        return template(service, "email", subject, content);
    }

    private Template template(Service service, String type, String subject, String content) {
        UUID id = UUID.randomUUID();
        for (String table : new String[] {"templates", "templates_history"}) {
            jdbc.update("INSERT INTO " + table + """
                     (id, name, template_type, created_at, content, subject, service_id, created_by_id, version)
                    VALUES (?, ?, ?::template_type, ?, ?, ?, ?, ?, 1)""",
                    id, type + " template " + id, type, now(), content, subject, service.id(), service.userId());
        }
        return new Template(id, 1, type);
    }

    /** A notification as the API persists it: status created, personalisation encrypted. */
    public UUID notification(Service service, Template template, String to, Map<String, ?> personalisation, String keyType) {
        return notification(service, template, to, personalisation, keyType, Instant.now(), "created");
    }

    public UUID notification(Service service, Template template, String to, Map<String, ?> personalisation, String keyType,
                             Instant createdAt, String status) {
        UUID id = UUID.randomUUID();
        boolean sms = "sms".equals(template.type());
        String encrypted;
        try {
            encrypted = personalisation == null ? null : cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, MAPPER.writeValueAsString(personalisation));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("""
                INSERT INTO notifications (id, "to", normalised_to, service_id, template_id, template_version, key_type,
                    billable_units, notification_type, created_at, notification_status, client_reference, _personalisation,
                    international, phone_prefix, rate_multiplier)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?::notification_type, ?, ?, ?, ?, false, ?, ?)""",
                id, to, sms ? to.replaceAll("[^0-9]", "") : to.toLowerCase(), service.id(), template.id(), template.version(),
                keyType, template.type(), sql(createdAt), status, "client-ref-" + id.toString().substring(0, 8), encrypted,
                sms ? "44" : null, sms ? 1 : null);
        return id;
    }

    public void callbackApi(Service service, String type, String url, String bearerToken) {
        Timestamp now = now();
        jdbc.update("""
                INSERT INTO service_callback_api (id, service_id, url, callback_type, bearer_token, created_at, updated_by_id, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)""",
                UUID.randomUUID(), service.id(), url, type, cipher.encrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, bearerToken), now, service.userId());
    }

    public String status(UUID notification) {
        return jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, notification);
    }

    public Map<String, Object> row(UUID notification) {
        return jdbc.queryForMap("SELECT * FROM notifications WHERE id = ?", notification);
    }

    public static Timestamp sql(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private static Timestamp now() {
        return sql(Instant.now());
    }
}
