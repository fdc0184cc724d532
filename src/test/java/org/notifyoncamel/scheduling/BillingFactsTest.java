package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class BillingFactsTest {

    /** Days long before the seeded rates (2016): the test's own rates apply, nobody else's data is there. */
    static final LocalDate DAY = LocalDate.of(2010, 6, 15);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    BillingFacts billing;

    FactsFixtures rows;
    DeliveryTestData.Service service;
    DeliveryTestData.Service other;
    DeliveryTestData.Template sms;
    DeliveryTestData.Template email;
    DeliveryTestData.Template otherSms;

    @BeforeEach
    void fixtures() {
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        rows = new FactsFixtures(jdbc);
        service = data.service();
        other = data.service();
        sms = data.smsTemplate(service, "hi");
        email = data.emailTemplate(service, "s", "hi");
        otherSms = data.smsTemplate(other, "hi");
        // 2p from London midnight starting 15 June 2010, 3p from the 16th (fixed ids: reruns add nothing)
        jdbc.update("INSERT INTO rates (id, valid_from, rate, notification_type) VALUES "
                + "('0a0a0a0a-0000-4000-8000-000000201006', '2010-06-14 23:00:00', 0.02, 'sms'), "
                + "('0a0a0a0a-0000-4000-8000-000000201007', '2010-06-15 23:00:00', 0.03, 'sms') ON CONFLICT (id) DO NOTHING");
    }

    List<String> facts(DeliveryTestData.Service s, LocalDate day) {
        return jdbc.query("SELECT notification_type, provider, rate_multiplier, international, rate, postage, billable_units, notifications_sent "
                + "FROM ft_billing WHERE service_id = ? AND bst_date = ? ORDER BY 1, 2, 3", (rs, i) -> rs.getString(1) + " " + rs.getString(2)
                + " x" + rs.getInt(3) + (rs.getBoolean(4) ? " intl" : "") + " " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString()
                + " " + rs.getString(6) + " units=" + rs.getInt(7) + " sent=" + rs.getInt(8), s.id(), Date.valueOf(day));
    }

    @Test
    void rebuildsSmsAndEmailBillingForOneLondonDay() {
        Instant midday = Instant.parse("2010-06-15T11:00:00Z");
        rows.row(true, false, service, sms, "normal", Instant.parse("2010-06-14T23:10:00Z"), "delivered", "mmg", 2, 1, false);
        rows.row(true, false, service, sms, "team", midday, "sending", "mmg", 1, 1, false);
        rows.row(false, true, service, sms, "normal", midday, "delivered", null, 1, null, false);
        rows.row(true, true, service, sms, "normal", midday, "pending", "firetext", 1, 2, true);
        rows.row(true, false, service, sms, "normal", midday, "technical-failure", "mmg", 1, 1, false);
        rows.row(true, false, service, sms, "test", midday, "delivered", "mmg", 1, 1, false);
        rows.row(true, false, service, sms, "normal", Instant.parse("2010-06-15T23:10:00Z"), "delivered", "mmg", 1, 1, false);
        rows.row(true, false, service, email, "normal", midday, "delivered", "ses", 0, null, false);
        rows.row(false, true, service, email, "normal", midday, "permanent-failure", null, 0, null, false);
        rows.row(true, false, service, email, "normal", midday, "created", null, 0, null, false);
        rows.row(true, false, other, otherSms, "normal", midday, "delivered", "mmg", 1, 1, false);
        // stale rows: the other service's must survive a rebuild of one service
        jdbc.update("INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider, rate_multiplier, international, rate, "
                + "postage, billable_units, notifications_sent, created_at) VALUES (?, ?, ?, 'sms', 'mmg', 1, false, 0.5, 'none', 50, 50, now())",
                Date.valueOf(DAY), sms.id(), service.id());
        jdbc.update("INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider, rate_multiplier, international, rate, "
                + "postage, billable_units, notifications_sent, created_at) VALUES (?, ?, ?, 'sms', 'mmg', 1, false, 0.5, 'none', 50, 50, now())",
                Date.valueOf(DAY), otherSms.id(), other.id());

        BillingFacts.Rebuilt rebuilt = billing.rebuild(DAY, service.id());

        assertThat(rebuilt.deleted()).isEqualTo(1);
        assertThat(rebuilt.inserted()).isEqualTo(4);
        List<String> expected = List.of(
                "email ses x1 0 none units=0 sent=2",
                "sms firetext x2 intl 0.02 none units=1 sent=1",
                "sms mmg x1 0.02 none units=3 sent=2",
                "sms unknown x1 0.02 none units=1 sent=1");
        assertThat(facts(service, DAY)).containsExactlyElementsOf(expected);
        assertThat(facts(other, DAY)).containsExactly("sms mmg x1 0.5 none units=50 sent=50");

        // the whole day, twice: same rows
        billing.rebuild(DAY, null);
        billing.rebuild(DAY, null);
        assertThat(facts(service, DAY)).containsExactlyElementsOf(expected);
        assertThat(facts(other, DAY)).containsExactly("sms mmg x1 0.02 none units=1 sent=1");
        // the next day has the next rate
        billing.rebuild(DAY.plusDays(1), service.id());
        assertThat(facts(service, DAY.plusDays(1))).containsExactly("sms mmg x1 0.03 none units=1 sent=1");
    }

    @Test
    void aDayWithoutAnSmsRateIsAnError() {
        assertThatThrownBy(() -> billing.rebuild(LocalDate.of(1990, 1, 1), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No SMS rate is valid on 1990-01-01");
    }

    @Test
    void nightlyRebuildsTheLastFourLondonDays() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        Instant midday = yesterday.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();
        rows.row(true, false, service, sms, "normal", midday, "delivered", "mmg", 3, 1, false);
        rows.row(true, false, service, sms, "normal", midday.minusSeconds(4 * 86_400), "delivered", "mmg", 1, 1, false);
        List<BillingFacts.Rebuilt> done = billing.nightly();
        assertThat(done).extracting(BillingFacts.Rebuilt::day)
                .containsExactly(yesterday, yesterday.minusDays(1), yesterday.minusDays(2), yesterday.minusDays(3));
        assertThat(facts(service, yesterday)).hasSize(1).first().asString().endsWith("units=3 sent=1").startsWith("sms mmg x1 ");
        assertThat(facts(service, yesterday.minusDays(4))).isEmpty();
    }

    @Test
    void lettersAreBilledBySheetsAndPostageAtTheLetterRates() {
        LocalDate day = LocalDate.of(2021, 3, 10);
        Instant midday = Instant.parse("2021-03-10T12:00:00Z");
        letter(service, "normal", midday, "delivered", 1, "second", false);
        letter(service, "normal", midday, "sending", 1, "second", false);
        letter(service, "team", midday, "returned-letter", 2, "first", false);
        letter(service, "normal", midday, "delivered", 5, "europe", true);
        letter(service, "normal", midday, "created", 1, "second", false);
        letter(service, "test", midday, "delivered", 1, "second", false);
        letter(service, "normal", midday, "cancelled", 1, "second", false);
        letter(service, "normal", midday, "delivered", 0, "second", false);

        billing.rebuild(day, service.id());

        assertThat(facts(service, day)).containsExactlyInAnyOrder(
                "letter dvla x1 0 second units=0 sent=1",
                "letter dvla x1 0.39 second units=2 sent=2",
                "letter dvla x1 0.74 first units=2 sent=1",
                "letter dvla x1 intl 1.21 europe units=5 sent=1");
    }

    private void letter(DeliveryTestData.Service s, String keyType, Instant createdAt, String status, int sheets, String postage,
                        boolean international) {
        jdbc.update("INSERT INTO notifications (id, \"to\", service_id, template_id, template_version, key_type, notification_type, "
                + "created_at, notification_status, sent_by, billable_units, international, postage) "
                + "VALUES (?, 'a', ?, ?, 1, ?, 'letter', ?, ?, 'dvla', ?, ?, ?)", java.util.UUID.randomUUID(), s.id(), sms.id(), keyType,
                DeliveryTestData.sql(createdAt), status, sheets, international, postage);
    }
}
