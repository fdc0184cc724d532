package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class RetentionJobTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionJob job;

    UUID serviceId;
    UUID otherServiceId;
    UUID templateId;

    @BeforeEach
    void fixtures() {
        UUID userId = UUID.randomUUID();
        jdbc.update("INSERT INTO users (id, name, email_address, created_at, _password, password_changed_at, state, auth_type, email_access_validated_at) "
                + "VALUES (?, 'Retention', ?, now(), 'x', now(), 'active', 'email_auth', now())", userId, userId + "@example.com");
        serviceId = service(userId);
        otherServiceId = service(userId);
        templateId = UUID.randomUUID();
        jdbc.update("INSERT INTO templates (id, name, template_type, created_at, content, service_id, created_by_id, version, process_type) "
                + "VALUES (?, 't', 'sms', now(), 'hi', ?, ?, 1, 'normal')", templateId, serviceId, userId);
        jdbc.update("INSERT INTO templates_history (id, name, template_type, created_at, content, service_id, created_by_id, version, process_type) "
                + "VALUES (?, 't', 'sms', now(), 'hi', ?, ?, 1, 'normal')", templateId, serviceId, userId);
        // the other service keeps its SMS for 3 days only
        jdbc.update("INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at) VALUES (?, ?, 'sms', 3, now())",
                UUID.randomUUID(), otherServiceId);
    }

    private UUID service(UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO services (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, prefix_sms, rate_limit, count_as_live, version) "
                + "VALUES (?, ?, now(), true, 1000, false, false, ?, ?, true, 3000, true, 1)", id, "retention " + id, "retention." + id, userId);
        return id;
    }

    private UUID notification(UUID service, String keyType, int daysOld) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notifications (id, \"to\", service_id, template_id, template_version, key_type, notification_type, created_at, notification_status, _personalisation) "
                + "VALUES (?, '07700900123', ?, ?, 1, ?, 'sms', ?, 'delivered', 'secret')",
                id, service, templateId, keyType, Timestamp.from(Instant.now().minus(daysOld, ChronoUnit.DAYS)));
        return id;
    }

    private boolean live(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM notifications WHERE id = ?", Integer.class, id) == 1;
    }

    private boolean archived(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_history WHERE id = ?", Integer.class, id) == 1;
    }

    @Test
    void movesExpiredNotificationsToHistoryAndDeletesTestOnes() {
        UUID recent = notification(serviceId, "normal", 2);
        UUID old = notification(serviceId, "normal", 9);
        UUID oldTest = notification(serviceId, "test", 9);
        UUID shortRetentionOld = notification(otherServiceId, "team", 5);
        UUID shortRetentionRecent = notification(otherServiceId, "normal", 1);

        job.run();

        assertThat(live(recent)).isTrue();
        assertThat(archived(recent)).isFalse();
        assertThat(live(old)).isFalse();
        assertThat(archived(old)).isTrue();
        assertThat(live(oldTest)).isFalse();
        assertThat(archived(oldTest)).as("test-key rows are deleted, not archived").isFalse();
        assertThat(live(shortRetentionOld)).isFalse();
        assertThat(archived(shortRetentionOld)).isTrue();
        assertThat(live(shortRetentionRecent)).isTrue();
        assertThat(jdbc.queryForObject("SELECT key_type FROM notification_history WHERE id = ?", String.class, old)).isEqualTo("normal");
    }
}
