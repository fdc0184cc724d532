package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class NotificationStatusFactsTest {

    static final LocalDate DAY = LocalDate.of(2021, 6, 15); // British Summer Time: the London day starts at 23:00 UTC

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    NotificationStatusFacts facts;

    DeliveryTestData data;
    FactsFixtures rows;
    DeliveryTestData.Service service;
    DeliveryTestData.Template sms;
    DeliveryTestData.Template email;

    @BeforeEach
    void fixtures() {
        data = new DeliveryTestData(jdbc, cipher);
        rows = new FactsFixtures(jdbc);
        service = data.service();
        sms = data.smsTemplate(service, "hi");
        email = data.emailTemplate(service, "s", "hi");
    }

    List<String> facts(LocalDate day, String type) {
        return jdbc.query("SELECT key_type, notification_status, notification_count, job_id FROM ft_notification_status "
                + "WHERE service_id = ? AND bst_date = ? AND notification_type = ? ORDER BY 1, 2", (rs, i) -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getInt(3) + (NotificationStatusFacts.NO_JOB.equals(rs.getString(4)) ? "" : " job"),
                service.id(), Date.valueOf(day), type);
    }

    @Test
    void rebuildsOneLondonDayFromLiveAndArchivedNotifications() {
        rows.live(service, sms, "normal", Instant.parse("2021-06-14T23:30:00Z"), "delivered"); // 00:30 London on the 15th
        rows.live(service, sms, "normal", Instant.parse("2021-06-15T12:00:00Z"), "delivered");
        rows.row(false, true, service, sms, "team", Instant.parse("2021-06-15T10:00:00Z"), "permanent-failure", "mmg", 1, 1, false);
        // archived while still live: counted once
        rows.row(true, true, service, sms, "normal", Instant.parse("2021-06-15T13:00:00Z"), "delivered", "mmg", 1, 1, false);
        rows.live(service, sms, "test", Instant.parse("2021-06-15T13:00:00Z"), "delivered");
        rows.live(service, sms, "normal", Instant.parse("2021-06-15T23:30:00Z"), "delivered"); // the 16th in London
        rows.live(service, sms, "normal", Instant.parse("2021-06-14T22:30:00Z"), "sending"); // the 14th in London
        rows.live(service, email, "normal", Instant.parse("2021-06-15T12:00:00Z"), "delivered");
        jdbc.update("INSERT INTO ft_notification_status (bst_date, template_id, service_id, job_id, notification_type, key_type, "
                + "notification_status, notification_count, created_at) VALUES (?, ?, ?, ?::uuid, 'sms', 'normal', 'sending', 99, now())",
                Date.valueOf(DAY), sms.id(), service.id(), NotificationStatusFacts.NO_JOB);
        jdbc.update("INSERT INTO ft_notification_status (bst_date, template_id, service_id, job_id, notification_type, key_type, "
                + "notification_status, notification_count, created_at) VALUES (?, ?, ?, ?::uuid, 'email', 'normal', 'sending', 7, now())",
                Date.valueOf(DAY), email.id(), service.id(), NotificationStatusFacts.NO_JOB);

        assertThat(facts.rebuild(DAY, "sms")).isGreaterThanOrEqualTo(2);
        assertThat(facts(DAY, "sms")).containsExactly("normal delivered 3", "team permanent-failure 1");
        assertThat(facts(DAY, "email")).as("other types are left alone").containsExactly("normal sending 7");

        // idempotent
        facts.rebuild(DAY, "sms");
        assertThat(facts(DAY, "sms")).containsExactly("normal delivered 3", "team permanent-failure 1");
        facts.rebuild(DAY, "email");
        assertThat(facts(DAY, "email")).containsExactly("normal delivered 1");
    }

    @Test
    void keepsTheJobOfJobNotifications() {
        UUID job = UUID.randomUUID();
        jdbc.update("INSERT INTO jobs (id, original_file_name, service_id, template_id, template_version, created_at, notification_count, created_by_id) "
                + "VALUES (?, 'file.csv', ?, ?, 1, now(), 1, ?)", job, service.id(), sms.id(), service.userId());
        UUID id = rows.live(service, sms, "normal", Instant.parse("2021-06-15T12:00:00Z"), "delivered");
        jdbc.update("UPDATE notifications SET job_id = ? WHERE id = ?", job, id);
        facts.rebuild(DAY, "sms");
        assertThat(facts(DAY, "sms")).containsExactly("normal delivered 1 job");
    }

    @Test
    void nightlyRebuildsTheLastFourLondonDays() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        Instant midday = yesterday.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();
        rows.live(service, sms, "normal", midday, "delivered");
        rows.live(service, sms, "normal", midday.minusSeconds(3 * 86_400), "sending");
        rows.live(service, sms, "normal", midday.minusSeconds(4 * 86_400), "sending"); // five days ago: not rebuilt
        Map<String, Integer> written = facts.nightly();
        assertThat(written).containsOnlyKeys("sms", "email", "letter");
        assertThat(facts(yesterday, "sms")).containsExactly("normal delivered 1");
        assertThat(facts(yesterday.minusDays(3), "sms")).containsExactly("normal sending 1");
        assertThat(facts(yesterday.minusDays(4), "sms")).isEmpty();
    }

    @Test
    void refusesAnUnknownType() {
        assertThatThrownBy(() -> facts.rebuild(DAY, "fax")).isInstanceOf(IllegalArgumentException.class);
    }
}
