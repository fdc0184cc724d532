package org.notifyoncamel.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Every status mapping of notifications-api app/clients/sms/mmg.py and firetext.py and app/celery/process_ses_receipts_tasks.py, through the real receipt endpoints and queues. */
@DeliveryIntegrationTest
class ReceiptMappingTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;

    DeliveryTestData data;
    DeliveryTestData.Service service;
    DeliveryTestData.Template sms;
    DeliveryTestData.Template email;
    CallbackServer callbacks;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeliveryTestData(jdbc, cipher);
        service = data.service();
        sms = data.smsTemplate(service, "Receipt test");
        email = data.emailTemplate(service, "Subject", "Body");
        callbacks = new CallbackServer();
        data.callbackApi(service, "delivery_status", callbacks.url("/status"), "receipt-token-1234567890");
        data.callbackApi(service, "complaint", callbacks.url("/complaint"), "complaint-token-1234567890");
    }

    @AfterEach
    void tearDown() {
        callbacks.close();
    }

    UUID sending(DeliveryTestData.Template template, String to) {
        UUID id = data.notification(service, template, to, Map.of(), "normal", Instant.now(), "sending");
        jdbc.update("UPDATE notifications SET sent_at = now() AT TIME ZONE 'UTC', sent_by = ? WHERE id = ?",
                template == sms ? "mmg" : "ses", id);
        return id;
    }

    @Test
    void mmgStatuses() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("2", "permanent-failure");
        expected.put("3", "delivered");
        expected.put("4", "temporary-failure");
        expected.put("5", "permanent-failure");
        expected.put("99", "technical-failure");
        Map<UUID, String> sent = new LinkedHashMap<>();
        expected.forEach((status, notifyStatus) -> {
            UUID id = sending(sms, "07700900123");
            // MSISDN and substatus are optional
            Http.Response response = Http.anonymous(port).post("/notifications/sms/mmg",
                    "{\"reference\": \"mmg-ref\", \"CID\": \"" + id + "\", \"status\": " + status + ", \"deliverytime\": \"2021-02-05 12:00:00\"}");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("result").asText()).isEqualTo("success");
            sent.put(id, notifyStatus);
        });
        sent.forEach((id, notifyStatus) -> Poll.untilEquals(WAIT, "MMG receipt for " + id, notifyStatus, () -> data.status(id)));
        UUID delivered = sent.keySet().stream().filter(id -> sent.get(id).equals("delivered")).findFirst().orElseThrow();
        Poll.until(WAIT, "callback for the delivered SMS", () -> !callbacks.requestsFor(delivered.toString()).isEmpty());
        assertThat(callbacks.requestsFor(delivered.toString()).get(0).body().get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void firetextStatusesAndFailureCodes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("status=0", "delivered");
        expected.put("status=1", "permanent-failure");
        expected.put("status=2", "pending");
        expected.put("status=1&code=000", "permanent-failure");
        for (String code : List.of("101", "201", "301", "401")) {
            expected.put("status=1&code=" + code, "permanent-failure");
        }
        for (String code : List.of("102", "103", "104", "302", "900")) {
            expected.put("status=1&code=" + code, "temporary-failure");
        }
        expected.put("status=7", "technical-failure");
        Map<UUID, String> sent = new LinkedHashMap<>();
        expected.forEach((form, notifyStatus) -> {
            UUID id = sending(sms, "07700900123");
            // no mobile field: it is optional
            HttpResponse<String> response = form("/notifications/sms/firetext", form + "&reference=" + id + "&time=2016-03-10+14%3A17%3A00");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            sent.put(id, notifyStatus);
        });
        sent.forEach((id, notifyStatus) -> Poll.untilEquals(WAIT, "Firetext receipt for " + id, notifyStatus, () -> data.status(id)));
        UUID pending = sent.keySet().stream().filter(id -> sent.get(id).equals("pending")).findFirst().orElseThrow();
        assertThat(callbacks.requestsFor(pending.toString())).as("no callback for pending").isEmpty();
    }

    @Test
    void aPermanentFailureAfterPendingIsStoredAsTemporary() {
        UUID id = sending(sms, "07700900123");
        form("/notifications/sms/firetext", "mobile=447700900123&status=2&reference=" + id);
        Poll.untilEquals(WAIT, "pending", "pending", () -> data.status(id));
        form("/notifications/sms/firetext", "mobile=447700900123&status=1&reference=" + id);
        Poll.untilEquals(WAIT, "temporary-failure", "temporary-failure", () -> data.status(id));
    }

    @Test
    void aSecondReceiptDoesNotChangeAFinalStatus() {
        UUID id = sending(sms, "07700900123");
        Http.anonymous(port).post("/notifications/sms/mmg", "{\"CID\": \"" + id + "\", \"status\": \"3\"}");
        Poll.untilEquals(WAIT, "delivered", "delivered", () -> data.status(id));
        Http.anonymous(port).post("/notifications/sms/mmg", "{\"CID\": \"" + id + "\", \"status\": \"5\"}");
        Poll.until(WAIT, "receipts processed", () -> queueEmpty(QueueNames.SMS_CALLBACKS));
        assertThat(data.status(id)).isEqualTo("delivered");
    }

    @Test
    void missingRequiredFieldsAre400sInTheLegacyShape() {
        Http.Response mmg = Http.anonymous(port).post("/notifications/sms/mmg", "{\"MSISDN\": \"447700900123\"}");
        assertThat(mmg.status()).isEqualTo(400);
        assertThat(mmg.json().get("result").asText()).isEqualTo("error");
        assertThat(mmg.json().get("message")).extracting(JsonNode::asText)
                .containsExactly("MMG callback failed: status missing", "MMG callback failed: CID missing");

        HttpResponse<String> firetext = form("/notifications/sms/firetext", "mobile=447700900123&status=&time=x");
        assertThat(firetext.statusCode()).isEqualTo(400);
        assertThat(firetext.body()).contains("Firetext callback failed: status missing", "Firetext callback failed: reference missing");

        assertThat(Http.anonymous(port).post("/notifications/sms/mmg", "not json").status()).isEqualTo(400);
    }

    @Test
    void unknownOrMalformedReferencesAreAcceptedAndNeverA500() {
        Http.Response unknown = Http.anonymous(port).post("/notifications/sms/mmg", "{\"CID\": \"" + UUID.randomUUID() + "\", \"status\": 3}");
        assertThat(unknown.status()).isEqualTo(200);
        Http.Response malformed = Http.anonymous(port).post("/notifications/sms/mmg", "{\"CID\": \"not-a-uuid\", \"status\": 3}");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(form("/notifications/sms/firetext", "status=0&reference=nope").statusCode()).isEqualTo(200);
    }

    @Test
    void aReceiptThatArrivesBeforeItsNotificationIsVisibleIsRetried() throws Exception {
        UUID id = UUID.randomUUID();
        Http.Response response = Http.anonymous(port).post("/notifications/sms/mmg", "{\"CID\": \"" + id + "\", \"status\": 3}");
        assertThat(response.status()).isEqualTo(200);
        // the row commits after the receipt was first processed
        Poll.until(WAIT, "first attempt", () -> queueEmpty(QueueNames.SMS_CALLBACKS));
        jdbc.update("""
                INSERT INTO notifications (id, "to", service_id, template_id, template_version, key_type, notification_type,
                    created_at, notification_status, sent_at, sent_by)
                VALUES (?, '07700900123', ?, ?, 1, 'normal', 'sms', now() AT TIME ZONE 'UTC', 'sending', now() AT TIME ZONE 'UTC', 'mmg')""",
                id, service.id(), sms.id());
        Poll.untilEquals(WAIT, "late receipt applied", "delivered", () -> data.status(id));
    }

    @Test
    void sesDeliveriesBouncesAndComplaints() {
        TestQueues queue = new TestQueues(sqs, queues);
        UUID delivered = sendingEmail("ref-d-");
        UUID permanent = sendingEmail("ref-p-");
        UUID temporary = sendingEmail("ref-t-");
        UUID complained = sendingEmail("ref-c-");
        jdbc.update("UPDATE notifications SET notification_status = 'delivered' WHERE id = ?", complained);

        queue.send(QueueNames.SES_CALLBACKS, SesNotifications.delivery(reference(delivered), "a@example.com"));
        queue.send(QueueNames.SES_CALLBACKS, SesNotifications.bounce(reference(permanent), "a@example.com", true));
        queue.send(QueueNames.SES_CALLBACKS, SesNotifications.bounce(reference(temporary), "a@example.com", false));
        queue.send(QueueNames.SES_CALLBACKS, SesNotifications.complaint(reference(complained), "a@example.com"));

        Poll.untilEquals(WAIT, "SES delivery", "delivered", () -> data.status(delivered));
        Poll.untilEquals(WAIT, "SES hard bounce", "permanent-failure", () -> data.status(permanent));
        Poll.untilEquals(WAIT, "SES soft bounce", "temporary-failure", () -> data.status(temporary));
        Poll.untilEquals(WAIT, "complaint recorded", 1, () -> jdbc.queryForObject(
                "SELECT count(*) FROM complaints WHERE notification_id = ? AND complaint_type = 'abuse'", Integer.class, complained));
        assertThat(data.status(complained)).as("a complaint does not change the status").isEqualTo("delivered");
        Poll.until(WAIT, "callbacks", () -> callbacks.requestsFor(permanent.toString()).size() == 1
                && callbacks.requests().stream().anyMatch(r -> r.path().equals("/complaint")));
        CallbackServer.Request complaint = callbacks.requests().stream().filter(r -> r.path().equals("/complaint")).findFirst().orElseThrow();
        assertThat(complaint.authorization()).isEqualTo("Bearer complaint-token-1234567890");
        assertThat(complaint.body().get("notification_id").asText()).isEqualTo(complained.toString());
        assertThat(complaint.body().get("to").asText()).isEqualTo("a@example.com");
        assertThat(complaint.body().has("complaint_id")).isTrue();
        assertThat(complaint.body().has("complaint_date")).isTrue();
        assertThat(callbacks.requestsFor(permanent.toString()).get(0).body().get("status").asText()).isEqualTo("permanent-failure");
    }

    UUID sendingEmail(String prefix) {
        UUID id = sending(email, "a@example.com");
        jdbc.update("UPDATE notifications SET reference = ? WHERE id = ?", prefix + id, id);
        return id;
    }

    String reference(UUID id) {
        return jdbc.queryForObject("SELECT reference FROM notifications WHERE id = ?", String.class, id);
    }

    HttpResponse<String> form(String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean queueEmpty(String name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queues.url(name)).attributeNames(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().allMatch("0"::equals);
    }
}
