package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class HousekeepingJobsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    HousekeepingJobs jobs;

    DeliveryTestData.Service service;

    @BeforeEach
    void fixtures() {
        service = new DeliveryTestData(jdbc, cipher).service();
    }

    static java.sql.Timestamp ago(Duration age) {
        return DeliveryTestData.sql(Instant.now().minus(age));
    }

    int count(String table, UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
    }

    UUID verifyCode(Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO verify_codes (id, user_id, _code, code_type, expiry_datetime, created_at) VALUES (?, ?, 'hash', 'sms', ?, ?)",
                id, service.userId(), ago(age.minusMinutes(30)), ago(age));
        return id;
    }

    UUID invitation(Duration age, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO invited_users (id, email_address, user_id, service_id, created_at, status, permissions) "
                + "VALUES (?, 'invitee@example.gov.uk', ?, ?, ?, ?::invited_users_status_types, 'send_texts')", id, service.userId(), service.id(), ago(age), status);
        return id;
    }

    UUID inbound(DeliveryTestData.Service s, Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider_date, provider_reference, provider, content) "
                + "VALUES (?, ?, ?, '07700900555', '447700900111', ?, ?, 'mmg', ?)", id, ago(age), s.id(), ago(age), "ref-" + id,
                cipher.encrypt(SecretColumn.INBOUND_SMS_CONTENT, "secret words"));
        return id;
    }

    @Test
    void deletesVerifyCodesOlderThanADay() {
        UUID old = verifyCode(Duration.ofHours(25));
        UUID recent = verifyCode(Duration.ofHours(23));
        assertThat(jobs.deleteVerifyCodes()).isGreaterThanOrEqualTo(1);
        assertThat(count("verify_codes", old)).isZero();
        assertThat(count("verify_codes", recent)).isOne();
    }

    @Test
    void deletesInvitationsOlderThanTwoDays() {
        UUID old = invitation(Duration.ofDays(2).plusMinutes(5), "pending");
        UUID oldAccepted = invitation(Duration.ofDays(3), "accepted");
        UUID recent = invitation(Duration.ofDays(1), "pending");
        assertThat(jobs.deleteInvitations()).isGreaterThanOrEqualTo(2);
        assertThat(count("invited_users", old)).isZero();
        assertThat(count("invited_users", oldAccepted)).isZero();
        assertThat(count("invited_users", recent)).isOne();
    }

    @Test
    void archivesAndDeletesInboundSmsPastTheServicesRetention() {
        DeliveryTestData.Service shortRetention = new DeliveryTestData(jdbc, cipher).service();
        jdbc.update("INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at) VALUES (?, ?, 'sms', 3, now())",
                UUID.randomUUID(), shortRetention.id());
        UUID old = inbound(service, Duration.ofDays(8));
        UUID keptByDefault = inbound(service, Duration.ofDays(5));
        UUID pastShort = inbound(shortRetention, Duration.ofDays(5));
        UUID withinShort = inbound(shortRetention, Duration.ofDays(1));

        assertThat(jobs.deleteInboundSms()).isGreaterThanOrEqualTo(2);

        assertThat(count("inbound_sms", old)).isZero();
        assertThat(count("inbound_sms", pastShort)).isZero();
        assertThat(count("inbound_sms", keptByDefault)).isOne();
        assertThat(count("inbound_sms", withinShort)).isOne();
        assertThat(count("inbound_sms_history", keptByDefault)).isZero();
        Map<String, Object> archived = jdbc.queryForMap("SELECT * FROM inbound_sms_history WHERE id = ?", old);
        assertThat(archived).containsEntry("service_id", service.id()).containsEntry("notify_number", "07700900555")
                .containsEntry("provider", "mmg").containsEntry("provider_reference", "ref-" + old)
                .doesNotContainKeys("content", "user_number");
        assertThat(count("inbound_sms_history", pastShort)).isOne();
        // a second run finds nothing of these
        jobs.deleteInboundSms();
        assertThat(count("inbound_sms", keptByDefault)).isOne();
    }
}
