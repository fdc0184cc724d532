package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.simulators.ProviderSimulators;
import org.notifyoncamel.simulators.SimulatorSettings;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;

/** End to end from the queues: real ElasticMQ, PostgreSQL, simulators over HTTP, a service's callback server. */
@DeliveryIntegrationTest
class DeliveryPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;
    @Autowired
    SimulatorSettings simulator;
    @Autowired
    ProviderSimulators providers;

    DeliveryTestData data;
    TestQueues queue;
    CallbackServer callbacks;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeliveryTestData(jdbc, cipher);
        queue = new TestQueues(sqs, queues);
        callbacks = new CallbackServer();
        simulator.reset();
    }

    @AfterEach
    void tearDown() {
        simulator.reset();
        callbacks.close();
    }

    @Test
    void anSmsIsRenderedSentAndDeliveredAndTheServiceIsCalledBack() {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", callbacks.url("/delivery"), "callback-token-1234567890");
        DeliveryTestData.Template template = data.smsTemplate(service, "Hello ((name)), your code is ((code))");
        UUID id = data.notification(service, template, "07700 900123", Map.of("name", "Jo", "code", "123"), "normal");

        queue.deliver(QueueNames.SEND_SMS, id);

        Poll.untilEquals(WAIT, "SMS delivered", "delivered", () -> data.status(id));
        Map<String, Object> row = data.row(id);
        assertThat(row.get("sent_by")).isIn("mmg", "firetext");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("billable_units")).isEqualTo(1);
        assertThat(providers.sends((String) row.get("sent_by"), id.toString())).isEqualTo(1);

        Poll.until(WAIT, "delivery-status callback", () -> !callbacks.requestsFor(id.toString()).isEmpty());
        CallbackServer.Request callback = callbacks.requestsFor(id.toString()).get(0);
        assertThat(callback.authorization()).isEqualTo("Bearer callback-token-1234567890");
        assertThat(callback.contentType()).startsWith("application/json");
        JsonNode body = callback.body();
        assertThat(body.get("id").asText()).isEqualTo(id.toString());
        assertThat(body.get("reference").asText()).isEqualTo(row.get("client_reference"));
        assertThat(body.get("to").asText()).isEqualTo("07700 900123");
        assertThat(body.get("status").asText()).isEqualTo("delivered");
        assertThat(body.get("notification_type").asText()).isEqualTo("sms");
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.get("completed_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.get("sent_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.size()).isEqualTo(8);
    }

    @Test
    void anEmailGoesThroughSesAndIsDeliveredWithACallback() {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", callbacks.url("/email"), "email-token-1234567890");
        DeliveryTestData.Template template = data.emailTemplate(service, "Hi ((name))", "# Welcome\n\nYour reference is ((ref))");
        UUID id = data.notification(service, template, "someone@example.com", Map.of("name", "Sam", "ref", "ABC"), "normal");

        queue.deliver(QueueNames.SEND_EMAIL, id);

        Poll.untilEquals(WAIT, "email delivered", "delivered", () -> data.status(id));
        Map<String, Object> row = data.row(id);
        assertThat(row.get("sent_by")).isEqualTo("ses");
        assertThat((String) row.get("reference")).isNotBlank();
        assertThat(providers.sends("ses", id.toString())).isEqualTo(1);
        Poll.until(WAIT, "email callback", () -> !callbacks.requestsFor(id.toString()).isEmpty());
        JsonNode body = callbacks.requestsFor(id.toString()).get(0).body();
        assertThat(body.get("status").asText()).isEqualTo("delivered");
        assertThat(body.get("notification_type").asText()).isEqualTo("email");
        assertThat(body.get("to").asText()).isEqualTo("someone@example.com");
    }

    @Test
    void whenMmgAnswers5xxEverySmsGoesThroughFiretextOnceAndNoneIsLost() {
        simulator.setErrorPercent("mmg", 100);
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Failover ((n))");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID id = data.notification(service, template, "07700900" + (200 + i), Map.of("n", i), "normal");
            ids.add(id);
            queue.deliver(QueueNames.SEND_SMS, id);
        }
        for (UUID id : ids) {
            Poll.untilEquals(WAIT, "SMS " + id + " delivered", "delivered", () -> data.status(id));
            assertThat(data.row(id).get("sent_by")).isEqualTo("firetext");
            assertThat(providers.sends("firetext", id.toString())).as("firetext sends of " + id).isEqualTo(1);
            assertThat(providers.sends("mmg", id.toString())).isZero();
        }
    }

    @Test
    void whenBothProvidersAreDownTheSmsIsRetriedThenATechnicalFailureWithoutCallback() {
        simulator.setErrorPercent("mmg", 100);
        simulator.setErrorPercent("firetext", 100);
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", callbacks.url("/down"), "down-token-1234567890");
        DeliveryTestData.Template template = data.smsTemplate(service, "Nobody home");
        int mmgBefore = providers.requests("mmg");
        int firetextBefore = providers.requests("firetext");
        UUID id = data.notification(service, template, "07700900300", Map.of(), "normal");

        queue.deliver(QueueNames.SEND_SMS, id);

        Poll.untilEquals(WAIT, "technical-failure after retries", "technical-failure", () -> data.status(id));
        // max-retries=2: three attempts, each trying both providers
        assertThat(providers.requests("mmg") - mmgBefore).isGreaterThanOrEqualTo(3);
        assertThat(providers.requests("firetext") - firetextBefore).isGreaterThanOrEqualTo(3);
        Map<String, Object> row = data.row(id);
        assertThat(row.get("sent_by")).isNull();
        assertThat(row.get("billable_units")).isEqualTo(1);
        assertThat(callbacks.requestsFor(id.toString())).isEmpty();
    }

    @Test
    void anInactiveServicesNotificationFailsOnceWithoutCallingAProvider() {
        DeliveryTestData.Service service = data.service(false, false, true);
        DeliveryTestData.Template template = data.smsTemplate(service, "Inactive");
        UUID id = data.notification(service, template, "07700900400", Map.of(), "normal");

        queue.deliver(QueueNames.SEND_SMS, id);

        Poll.untilEquals(WAIT, "technical-failure", "technical-failure", () -> data.status(id));
        assertThat(providers.sends("mmg", id.toString()) + providers.sends("firetext", id.toString())).isZero();
        assertThat(data.row(id).get("sent_at")).isNull();
    }

    @Test
    void aMessageDeliveredManyTimesSendsTheSmsOnce() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Only once");
        UUID id = data.notification(service, template, "07700900500", Map.of(), "normal");

        for (int i = 0; i < 5; i++) {
            queue.deliver(QueueNames.SEND_SMS, id);
            queue.deliver(QueueNames.PRIORITY, id);
        }

        Poll.untilEquals(WAIT, "delivered", "delivered", () -> data.status(id));
        Poll.until(WAIT, "queues drained", () -> queueEmpty(QueueNames.SEND_SMS) && queueEmpty(QueueNames.PRIORITY));
        assertThat(providers.sends("mmg", id.toString()) + providers.sends("firetext", id.toString())).isEqualTo(1);
    }

    @Test
    void aClaimAbandonedByACrashedWorkerIsTakenOverOnceTheLeaseExpires() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "After a crash");
        UUID fresh = data.notification(service, template, "07700900600", Map.of(), "normal");
        UUID stale = data.notification(service, template, "07700900601", Map.of(), "normal");
        // a worker claimed each row and died: sending, no provider recorded
        jdbc.update("UPDATE notifications SET notification_status = 'sending', sent_at = now() AT TIME ZONE 'UTC' WHERE id = ?", fresh);
        jdbc.update("UPDATE notifications SET notification_status = 'sending', sent_at = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE id = ?", stale);

        queue.deliver(QueueNames.SEND_SMS, fresh);
        queue.deliver(QueueNames.SEND_SMS, stale);

        Poll.untilEquals(WAIT, "stale claim delivered", "delivered", () -> data.status(stale));
        Poll.until(WAIT, "queue drained", () -> queueEmpty(QueueNames.SEND_SMS));
        assertThat(providers.sends("mmg", fresh.toString()) + providers.sends("firetext", fresh.toString()))
                .as("a live claim (within its lease) is left alone").isZero();
        assertThat(data.status(fresh)).isEqualTo("sending");
    }

    @Test
    void researchModeAndTestKeysCallNoProviderAndSimulateReceipts() {
        DeliveryTestData.Service research = data.service(true, true, true);
        DeliveryTestData.Template sms = data.smsTemplate(research, "Research ((x))");
        DeliveryTestData.Template email = data.emailTemplate(research, "Research", "Body");
        UUID delivered = data.notification(research, sms, "07700900111", Map.of("x", "1"), "normal");
        UUID temporary = data.notification(research, sms, "07700900003", Map.of("x", "1"), "normal");
        UUID permanent = data.notification(research, sms, "07700900002", Map.of("x", "1"), "normal");
        UUID emailDelivered = data.notification(research, email, "ok@example.com", Map.of(), "normal");
        UUID emailPermanent = data.notification(research, email, "perm-fail@simulator.notify", Map.of(), "normal");
        UUID emailTemporary = data.notification(research, email, "temp-fail@simulator.notify", Map.of(), "normal");
        DeliveryTestData.Service live = data.service();
        UUID testKey = data.notification(live, data.smsTemplate(live, "Test key"), "07700900999", Map.of(), "test");

        for (UUID id : List.of(delivered, temporary, permanent, emailDelivered, emailPermanent, emailTemporary, testKey)) {
            queue.deliver(QueueNames.RESEARCH_MODE, id);
        }

        Poll.untilEquals(WAIT, "research delivered", "delivered", () -> data.status(delivered));
        Poll.untilEquals(WAIT, "research temporary", "temporary-failure", () -> data.status(temporary));
        Poll.untilEquals(WAIT, "research permanent", "permanent-failure", () -> data.status(permanent));
        Poll.untilEquals(WAIT, "research email delivered", "delivered", () -> data.status(emailDelivered));
        Poll.untilEquals(WAIT, "research email permanent", "permanent-failure", () -> data.status(emailPermanent));
        Poll.untilEquals(WAIT, "research email temporary", "temporary-failure", () -> data.status(emailTemporary));
        Poll.untilEquals(WAIT, "test key delivered", "delivered", () -> data.status(testKey));
        for (UUID id : List.of(delivered, temporary, permanent, testKey)) {
            assertThat(providers.sends("mmg", id.toString()) + providers.sends("firetext", id.toString())).isZero();
            assertThat(data.row(id).get("sent_by")).isIn("mmg", "firetext");
            assertThat(data.row(id).get("billable_units")).as("units set by the receipt").isEqualTo(1);
        }
        assertThat(providers.sends("ses", emailDelivered.toString())).isZero();
        assertThat(data.row(emailDelivered).get("sent_by")).isEqualTo("ses");
    }

    @Test
    void aSaveApiTaskPersistsTheNotificationAndDeliversIt() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Saved ((who))");
        UUID id = UUID.randomUUID();
        String message = """
                {"notification": {"id": "%s", "template_id": "%s", "template_version": 1, "to": "07700900700",
                 "service_id": "%s", "_personalisation": "%s", "notification_type": "sms", "api_key_id": null,
                 "key_type": "normal", "client_reference": "hv-1", "reply_to_text": "GOVUK", "document_download_count": null,
                 "status": "created", "created_at": "2026-01-05T12:19:44.123456Z"}}"""
                .formatted(id, template.id(), service.id(), cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, "{\"who\": \"you\"}"));

        queue.send(QueueNames.SAVE_API_SMS, message);
        queue.send(QueueNames.SAVE_API_SMS, message);

        Poll.untilEquals(WAIT, "saved and delivered", "delivered", () -> jdbc.queryForObject(
                "SELECT coalesce(max(notification_status), 'missing') FROM notifications WHERE id = ?", String.class, id));
        Map<String, Object> row = data.row(id);
        assertThat(row.get("client_reference")).isEqualTo("hv-1");
        assertThat(row.get("reply_to_text")).isEqualTo("GOVUK");
        assertThat(row.get("created_at").toString()).startsWith("2026-01-05 12:19:44.123456");
        Poll.until(WAIT, "queues drained", () -> queueEmpty(QueueNames.SAVE_API_SMS) && queueEmpty(QueueNames.SEND_SMS));
        assertThat(providers.sends((String) row.get("sent_by"), id.toString())).isEqualTo(1);
    }

    boolean queueEmpty(String name) {
        Map<software.amazon.awssdk.services.sqs.model.QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b
                .queueUrl(queues.url(name)).attributeNames(
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }
}
