package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class FailureRateMonitorTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;

    void send(DeliveryTestData data, DeliveryTestData.Service service, DeliveryTestData.Template template, String to, String status, int n) {
        for (int i = 0; i < n; i++) {
            data.notification(service, template, to, null, "normal", Instant.now().minusSeconds(3600), status);
        }
    }

    @Test
    void namesLiveServicesWithHighFailureRatesAndThoseSendingToTvNumbers() {
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service failing = data.service();
        DeliveryTestData.Template failingSms = data.smsTemplate(failing, "hi");
        send(data, failing, failingSms, "+447900900123", "permanent-failure", 2);
        send(data, failing, failingSms, "+447900900123", "delivered", 4);
        DeliveryTestData.Service healthy = data.service();
        DeliveryTestData.Template healthySms = data.smsTemplate(healthy, "hi");
        send(data, healthy, healthySms, "+447900900123", "permanent-failure", 1);
        send(data, healthy, healthySms, "+447900900123", "delivered", 5);
        DeliveryTestData.Service tv = data.service();
        send(data, tv, data.smsTemplate(tv, "hi"), "+447700900123", "delivered", 3);
        DeliveryTestData.Service restricted = data.service();
        send(data, restricted, data.smsTemplate(restricted, "hi"), "+447700900123", "permanent-failure", 6);
        jdbc.update("UPDATE services SET restricted = true WHERE id = ?", restricted.id());

        FailureRateMonitor monitor = new FailureRateMonitor(jdbc, "https://admin.example", 6, 0.25, 2);
        FailureRateMonitor.Findings findings = monitor.check();

        assertThat(findings.highFailureRates()).filteredOn(f -> f.serviceId().equals(failing.id()))
                .singleElement().satisfies(f -> {
                    assertThat(f.total()).isEqualTo(6);
                    assertThat(f.permanentFailures()).isEqualTo(2);
                });
        assertThat(findings.highFailureRates()).noneMatch(f -> f.serviceId().equals(healthy.id()) || f.serviceId().equals(restricted.id()));
        assertThat(findings.tvNumbers()).filteredOn(t -> t.serviceId().equals(tv.id())).singleElement()
                .extracting(FailureRateMonitor.TvNumbers::count).isEqualTo(3L);
        assertThat(findings.tvNumbers()).noneMatch(t -> t.serviceId().equals(restricted.id()) || t.serviceId().equals(failing.id()));
        // both lists are reported together
        assertThat(monitor.message(findings))
                .contains("service(s) have had high permanent-failure rates for sms messages in last 24 hours:\n")
                .contains("service: https://admin.example/services/" + failing.id() + " failure rate: 0.333")
                .contains("service(s) have sent over 2 sms messages to tv numbers in last 24 hours:\n")
                .contains("service: https://admin.example/services/" + tv.id() + " count of sms to tv numbers: 3,");
    }

    @Test
    void findsNothingOutsideTheLast24Hours() {
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service old = data.service();
        DeliveryTestData.Template sms = data.smsTemplate(old, "hi");
        for (int i = 0; i < 3; i++) {
            data.notification(old, sms, "+447700900123", null, "normal", Instant.now().minusSeconds(25 * 3600), "permanent-failure");
        }
        FailureRateMonitor.Findings findings = new FailureRateMonitor(jdbc, "https://admin.example", 1, 0.25, 1).check();
        assertThat(findings.highFailureRates()).noneMatch(f -> f.serviceId().equals(old.id()));
        assertThat(findings.tvNumbers()).noneMatch(t -> t.serviceId().equals(old.id()));
    }
}
