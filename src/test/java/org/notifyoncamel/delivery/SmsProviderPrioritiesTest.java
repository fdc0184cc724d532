package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** notifications-api app/dao/provider_details_dao.py against the real provider_details rows (restored afterwards). */
@DeliveryIntegrationTest
class SmsProviderPrioritiesTest {

    static final String MMG = "764dbffa-1a8d-4765-ba10-47b736a23e6e";
    static final String FIRETEXT = "32cbaac7-dcba-43fe-9d1a-8fa2deb989e3";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SmsProviderPriorities priorities;

    Map<String, Object> mmgBefore;
    Map<String, Object> firetextBefore;

    @BeforeEach
    void remember() {
        mmgBefore = jdbc.queryForMap("SELECT priority, updated_at FROM provider_details WHERE id = ?::uuid", MMG);
        firetextBefore = jdbc.queryForMap("SELECT priority, updated_at FROM provider_details WHERE id = ?::uuid", FIRETEXT);
    }

    @AfterEach
    void restore() {
        jdbc.update("UPDATE provider_details SET priority = ?, updated_at = ? WHERE id = ?::uuid", mmgBefore.get("priority"), mmgBefore.get("updated_at"), MMG);
        jdbc.update("UPDATE provider_details SET priority = ?, updated_at = ? WHERE id = ?::uuid", firetextBefore.get("priority"), firetextBefore.get("updated_at"), FIRETEXT);
    }

    void set(int mmg, int firetext, Duration ago) {
        jdbc.update("UPDATE provider_details SET priority = ?, updated_at = (now() AT TIME ZONE 'UTC') - ? * interval '1 second' WHERE id = ?::uuid", mmg, ago.toSeconds(), MMG);
        jdbc.update("UPDATE provider_details SET priority = ?, updated_at = (now() AT TIME ZONE 'UTC') - ? * interval '1 second' WHERE id = ?::uuid", firetext, ago.toSeconds(), FIRETEXT);
    }

    int priority(String id) {
        return jdbc.queryForObject("SELECT priority FROM provider_details WHERE id = ?::uuid", Integer.class, id);
    }

    @Test
    void aFailingProviderLosesTenPointsToTheOtherOncePerThreshold() {
        set(50, 50, Duration.ofHours(2));
        int version = jdbc.queryForObject("SELECT version FROM provider_details WHERE id = ?::uuid", Integer.class, MMG);

        assertThat(priorities.reduce("mmg", Duration.ofMinutes(1))).isTrue();
        assertThat(priority(MMG)).isEqualTo(40);
        assertThat(priority(FIRETEXT)).isEqualTo(60);
        Map<String, Object> history = jdbc.queryForMap(
                "SELECT priority, created_by_id FROM provider_details_history WHERE id = ?::uuid AND version = ?", MMG, version + 1);
        assertThat(history.get("priority")).isEqualTo(40);
        assertThat(history.get("created_by_id")).isEqualTo(SmsProviderPriorities.NOTIFY_USER_ID);

        assertThat(priorities.reduce("mmg", Duration.ofMinutes(1))).as("changed within the last minute").isFalse();
        assertThat(priority(MMG)).isEqualTo(40);
    }

    @Test
    void prioritiesNeverLeaveZeroToAHundred() {
        set(5, 95, Duration.ofHours(2));
        priorities.reduce("mmg", Duration.ofMinutes(1));
        assertThat(priority(MMG)).isZero();
        assertThat(priority(FIRETEXT)).isEqualTo(100);
    }

    @Test
    void afterAQuietHourPrioritiesTendTowardsFiftyFiftyWithoutOvershooting() {
        set(45, 55, Duration.ofHours(2));
        assertThat(priorities.tendTowardsRestingPoints()).isTrue();
        assertThat(priority(MMG)).isEqualTo(50);
        assertThat(priority(FIRETEXT)).isEqualTo(50);

        set(20, 80, Duration.ofMinutes(30));
        assertThat(priorities.tendTowardsRestingPoints()).as("something changed within the hour").isFalse();
        assertThat(priority(MMG)).isEqualTo(20);
    }

    @Test
    void aSlowProviderIsReducedWhenTheOtherIsFast() {
        set(50, 50, Duration.ofHours(2));
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Slow");
        // the job judges every service's texts of the 10 minutes before "now"; the shared test database holds
        // other classes' (and earlier runs') recent texts, so this judges a window of its own, far in the future
        Instant judged = Instant.now().plus(Duration.ofDays(400 + ThreadLocalRandom.current().nextInt(10_000)))
                .truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            UUID slow = data.notification(service, template, "07700900123", Map.of(), "normal", judged.minus(Duration.ofMinutes(6)), "sending");
            sent(slow, "mmg", judged.minus(Duration.ofMinutes(5)), null);
            UUID fast = data.notification(service, template, "07700900123", Map.of(), "normal", judged.minus(Duration.ofMinutes(2)), "delivered");
            sent(fast, "firetext", judged.minus(Duration.ofMinutes(1)), judged.minus(Duration.ofSeconds(50)));
        }
        try {
            assertThat(priorities.switchOnSlowDeliveryAt(judged)).containsExactly("mmg");
            assertThat(priority(MMG)).isEqualTo(40);
            assertThat(priority(FIRETEXT)).isEqualTo(60);
        } finally {
            jdbc.update("DELETE FROM notifications WHERE service_id = ?", service.id());
        }
    }

    @Test
    void noProviderIsReducedWhenBothAreSlow() {
        set(50, 50, Duration.ofHours(2));
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Slow");
        Instant judged = Instant.now().plus(Duration.ofDays(400 + ThreadLocalRandom.current().nextInt(10_000)))
                .truncatedTo(ChronoUnit.SECONDS);
        for (String provider : new String[] {"mmg", "firetext"}) {
            UUID slow = data.notification(service, template, "07700900123", Map.of(), "normal", judged.minus(Duration.ofMinutes(6)), "sending");
            sent(slow, provider, judged.minus(Duration.ofMinutes(5)), null);
        }
        try {
            assertThat(priorities.switchOnSlowDeliveryAt(judged)).isEmpty();
            assertThat(priority(MMG)).isEqualTo(50);
        } finally {
            jdbc.update("DELETE FROM notifications WHERE service_id = ?", service.id());
        }
    }

    private void sent(UUID id, String provider, Instant sentAt, Instant updatedAt) {
        jdbc.update("UPDATE notifications SET sent_by = ?, sent_at = ?, updated_at = ? WHERE id = ?", provider,
                DeliveryTestData.sql(sentAt), updatedAt == null ? null : DeliveryTestData.sql(updatedAt), id);
    }
}
