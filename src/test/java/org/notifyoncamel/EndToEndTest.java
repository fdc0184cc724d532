package org.notifyoncamel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;

/**
 * The whole system in one JVM, as `make run` starts it: a service set up through the internal API,
 * a text and an email sent with the official Java client, delivered through the provider simulators
 * (MMG/Firetext over HTTP, SES through the AWS SDK), read back as `delivered`, and the service's
 * callback endpoint told about each.
 */
@IntegrationTest
class EndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecretCipher cipher;

    @Test
    void aTextAndAnEmailAreDeliveredAndTheServiceIsCalledBack() throws Exception {
        Http admin = Http.admin(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.post("/user", Map.of("name", "E2E " + unique, "email_address", "e2e+" + unique + "@example.gov.uk",
                "password", "correct horse battery staple", "mobile_number", "07700900123", "state", "active"))
                .json().get("data").get("id").asText();
        Http.Response service = admin.post("/service", Map.of("user_id", userId, "created_by", userId, "name", "E2E " + unique,
                "email_from", "e2e." + unique, "message_limit", 1000, "restricted", false));
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        String serviceId = service.json().get("data").get("id").asText();
        String sms = admin.post("/service/" + serviceId + "/template", Map.of("name", "sms", "template_type", "sms",
                "content", "Hello ((name))", "service", serviceId, "created_by", userId)).json().get("data").get("id").asText();
        String email = admin.post("/service/" + serviceId + "/template", Map.of("name", "email", "template_type", "email",
                "subject", "Hi ((name))", "content", "Hello ((name))", "service", serviceId, "created_by", userId))
                .json().get("data").get("id").asText();
        String secret = admin.post("/service/" + serviceId + "/api-key", Map.of("name", "live", "created_by", userId, "key_type", "normal"))
                .json().get("data").asText();

        try (CallbackServer callbacks = new CallbackServer()) {
            // the internal API only takes https callback URLs; this local test endpoint is http, so it goes in directly
            jdbc.update("INSERT INTO service_callback_api (id, service_id, url, callback_type, bearer_token, created_at, updated_by_id, version) "
                    + "VALUES (?, ?::uuid, ?, 'delivery_status', ?, now(), ?::uuid, 1)",
                    UUID.randomUUID(), serviceId, callbacks.url("/delivery-status"), cipher.encrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, "a-secret-bearer-token"), userId);

            NotificationClient client = new NotificationClient("live-" + serviceId + "-" + secret, "http://localhost:" + port);
            SendSmsResponse text = client.sendSms(sms, "07700900123", Map.of("name", "Ada"), "e2e-sms");
            SendEmailResponse mail = client.sendEmail(email, "ada@example.com", Map.of("name", "Ada"), "e2e-email");

            for (UUID id : List.of(text.getNotificationId(), mail.getNotificationId())) {
                Poll.untilEquals(Duration.ofSeconds(90), "status of " + id, "delivered",
                        () -> fetchStatus(client, id));
                Poll.until(Duration.ofSeconds(90), "callback for " + id, () -> !callbacks.requestsFor(id.toString()).isEmpty());
                CallbackServer.Request callback = callbacks.requestsFor(id.toString()).get(0);
                assertThat(callback.authorization()).isEqualTo("Bearer a-secret-bearer-token");
                assertThat(callback.body().get("status").asText()).isEqualTo("delivered");
                assertThat(callback.body().get("reference").asText()).startsWith("e2e-");
            }
            assertThat(client.getNotificationById(text.getNotificationId().toString()).getBody()).isEqualTo("Hello Ada");

            String metrics = Http.anonymous(port).get("/actuator/prometheus").body();
            assertThat(metrics).contains("notify_notifications_accepted_total{").contains("notify_notifications_sent_total{")
                    .containsPattern("notify_notifications_completed_total\\{.*status=\"delivered\".*type=\"email\"")
                    .contains("routeId=\"email-provider-ses\"").contains("notify_queue_depth{");
            assertThat(jdbc.queryForObject("SELECT sent_by FROM notifications WHERE id = ?", String.class, text.getNotificationId()))
                    .isIn("mmg", "firetext");
            assertThat(jdbc.queryForObject("SELECT sent_by FROM notifications WHERE id = ?", String.class, mail.getNotificationId()))
                    .isEqualTo("ses");
        }
    }

    private static String fetchStatus(NotificationClient client, UUID id) {
        try {
            return client.getNotificationById(id.toString()).getStatus();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
