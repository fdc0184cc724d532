package org.notifyoncamel.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixtures for the public API, written straight into the tables (the internal API that
 * creates them lives on other branches): a user, a service with history, permissions and team
 * membership, a default SMS sender, templates with history and API keys with encrypted secrets.
 */
public final class ApiTestData {

    public record TestService(UUID id, String name, UUID userId, String userEmail, String userMobile, UUID smsSenderId) {
    }

    public record TestKey(UUID id, UUID serviceId, String secret, String keyType) {
        /** The combined string users are given: {@code {name}-{service_id}-{secret}}. */
        public String combined() {
            return "key-name-" + serviceId + "-" + secret;
        }
    }

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;

    /** {@code events} receives the ServiceDataChanged events the internal API would publish for these writes. */
    public ApiTestData(JdbcTemplate jdbc, SecretCipher cipher, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
    }

    private void changed(UUID serviceId, ServiceDataChanged.Part part) {
        events.publishEvent(ServiceDataChanged.of(serviceId, part));
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A live (not restricted) service with sms, email and international_sms permissions unless told otherwise. */
    public TestService service(boolean restricted, String... permissions) {
        String suffix = unique();
        UUID userId = UUID.randomUUID();
        String email = "user-" + suffix + "@digital.cabinet-office.gov.uk";
        String mobile = "077009" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000));
        Timestamp now = now();
        jdbc.update("INSERT INTO users (id, name, email_address, created_at, _password, mobile_number, password_changed_at, state, "
                + "auth_type, email_access_validated_at) VALUES (?, ?, ?, ?, 'x', ?, ?, 'active', 'sms_auth', ?)",
                userId, "Test User " + suffix, email, now, mobile, now, now);
        UUID serviceId = UUID.randomUUID();
        String name = "Service " + suffix;
        for (String table : List.of("services", "services_history")) {
            jdbc.update("INSERT INTO " + table + " (id, name, created_at, active, message_limit, restricted, research_mode, email_from, "
                    + "created_by_id, prefix_sms, rate_limit, version) VALUES (?, ?, ?, true, 1000, ?, false, ?, ?, true, 3000, 1)",
                    serviceId, name, now, restricted, "service." + suffix, userId);
        }
        String[] granted = permissions.length == 0 ? new String[] {"sms", "email", "international_sms"} : permissions;
        for (String permission : granted) {
            jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, ?, ?)", serviceId, permission, now);
        }
        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", userId, serviceId);
        UUID senderId = smsSender(serviceId, "testing", true);
        return new TestService(serviceId, name, userId, email, mobile, senderId);
    }

    public UUID smsSender(UUID serviceId, String sender, boolean isDefault) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_sms_senders (id, sms_sender, service_id, is_default, archived, created_at) VALUES (?, ?, ?, ?, false, ?)",
                id, sender, serviceId, isDefault, now());
        changed(serviceId, ServiceDataChanged.Part.SENDERS);
        return id;
    }

    public UUID replyTo(UUID serviceId, String email, boolean isDefault) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_email_reply_to (id, service_id, email_address, is_default, archived, created_at) VALUES (?, ?, ?, ?, false, ?)",
                id, serviceId, email, isDefault, now());
        changed(serviceId, ServiceDataChanged.Part.SENDERS);
        return id;
    }

    public UUID letterContact(UUID serviceId, String contactBlock) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_letter_contacts (id, service_id, contact_block, is_default, archived, created_at) VALUES (?, ?, ?, true, false, ?)",
                id, serviceId, contactBlock, now());
        changed(serviceId, ServiceDataChanged.Part.SENDERS);
        return id;
    }

    public void guestList(UUID serviceId, String type, String recipient) {
        jdbc.update("INSERT INTO service_whitelist (id, service_id, recipient_type, recipient, created_at) VALUES (?, ?, ?::recipient_type, ?, ?)",
                UUID.randomUUID(), serviceId, type, recipient, now());
        changed(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST);
    }

    public UUID template(TestService service, String type, String name, String subject, String content) {
        return template(service, type, name, subject, content, "normal", null);
    }

    public UUID template(TestService service, String type, String name, String subject, String content, String processType,
                         UUID letterContactId) {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        for (String table : List.of("templates", "templates_history")) {
            jdbc.update("INSERT INTO " + table + " (id, name, template_type, created_at, content, archived, hidden, subject, postage, "
                    + "service_id, created_by_id, process_type, service_letter_contact_id, version) "
                    + "VALUES (?, ?, ?::template_type, ?, ?, false, false, ?, ?, ?, ?, ?, ?, 1)",
                    id, name, type, now, content, subject, "letter".equals(type) ? "second" : null, service.id(), service.userId(),
                    processType, letterContactId);
        }
        events.publishEvent(ServiceDataChanged.template(service.id(), id));
        return id;
    }

    /** A new version of the template (content changed), as the admin API would write it. */
    public void newTemplateVersion(UUID templateId, String content) {
        jdbc.update("UPDATE templates SET content = ?, version = version + 1, updated_at = ? WHERE id = ?", content, now(), templateId);
        jdbc.update("INSERT INTO templates_history (id, name, template_type, created_at, updated_at, content, archived, hidden, subject, "
                + "postage, service_id, created_by_id, process_type, service_letter_contact_id, version) SELECT id, name, template_type, "
                + "created_at, updated_at, content, archived, hidden, subject, postage, service_id, created_by_id, process_type, "
                + "service_letter_contact_id, version FROM templates WHERE id = ?", templateId);
        templateChanged(templateId);
    }

    private void templateChanged(UUID templateId) {
        UUID serviceId = jdbc.queryForObject("SELECT service_id FROM templates WHERE id = ?", UUID.class, templateId);
        events.publishEvent(ServiceDataChanged.template(serviceId, templateId));
    }

    public void archiveTemplate(UUID templateId) {
        jdbc.update("UPDATE templates SET archived = true WHERE id = ?", templateId);
        templateChanged(templateId);
    }

    public TestKey apiKey(TestService service, String keyType) {
        UUID id = UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        String encrypted = cipher.encrypt(SecretColumn.API_KEY_SECRET, secret);
        for (String table : List.of("api_keys", "api_keys_history")) {
            jdbc.update("INSERT INTO " + table + " (id, name, secret, service_id, key_type, created_at, created_by_id, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 1)", id, "key " + keyType + " " + unique(), encrypted, service.id(), keyType, now(),
                    service.userId());
        }
        changed(service.id(), ServiceDataChanged.Part.API_KEYS);
        return new TestKey(id, service.id(), secret, keyType);
    }

    public void revoke(TestKey key, Instant when) {
        jdbc.update("UPDATE api_keys SET expiry_date = ? WHERE id = ?", Timestamp.valueOf(LocalDateTime.ofInstant(when, ZoneOffset.UTC)), key.id());
        changed(key.serviceId(), ServiceDataChanged.Part.API_KEYS);
    }

    public UUID inboundSms(UUID serviceId, String content, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider, content) "
                + "VALUES (?, ?, ?, '07900900123', '447700900111', 'mmg', ?)",
                id, Timestamp.valueOf(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)), serviceId, cipher.encrypt(SecretColumn.INBOUND_SMS_CONTENT, content));
        return id;
    }

    /** Changes a service row (e.g. its limits) and tells the caches, as an admin update would. */
    public void updateService(UUID serviceId, String setClause, Object... args) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = serviceId;
        jdbc.update("UPDATE services SET " + setClause + " WHERE id = ?", all);
        changed(serviceId, ServiceDataChanged.Part.SERVICE);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }
}
