package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.InboundTestData;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * send-inbound-sms (notifications-api app/celery/tasks.py send_inbound_sms_to_service): a stored text is POSTed to the service's inbound API with its bearer
 * token; connection errors and 5xx are retried (5 times at most, on retry-tasks), 4xx are not.
 */
@DeliveryIntegrationTest
class InboundSmsCallbackTest {

    static final String TOKEN = "inbound-token-1234567890";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;

    DeliveryTestData data;
    InboundTestData inbound;
    CallbackServer server;
    TestQueues queue;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeliveryTestData(jdbc, cipher);
        inbound = new InboundTestData(jdbc, cipher);
        server = new CallbackServer();
        queue = new TestQueues(sqs, queues);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    record Stored(UUID serviceId, UUID textId, Instant createdAt) {
    }

    Stored storedText(String path) {
        DeliveryTestData.Service service = data.service();
        if (path != null) {
            inbound.inboundApi(service.id(), service.userId(), server.url(path), TOKEN);
        }
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = inbound.text(service.id(), "07900900123", "447700900111", "Reply \uD83D\uDCE9 with \"quotes\"", createdAt);
        return new Stored(service.id(), id, createdAt);
    }

    void queueTask(Stored stored) {
        queue.send(QueueNames.NOTIFY, "{\"task\":\"send-inbound-sms\",\"inbound_sms_id\":\"" + stored.textId() + "\",\"service_id\":\""
                + stored.serviceId() + "\"}");
    }

    @Test
    void theTextIsPostedWithTheBearerTokenAndTheSpecsPayload() {
        Stored stored = storedText("/inbound");
        jdbc.update("UPDATE inbound_sms SET provider_date = '2017-05-21 11:56:11' WHERE id = ?", stored.textId());
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(20), "one callback", 1, () -> server.requestsFor(stored.textId().toString()).size());
        CallbackServer.Request request = server.requestsFor(stored.textId().toString()).get(0);
        assertThat(request.path()).isEqualTo("/inbound");
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode body = request.body();
        assertThat(body.size()).isEqualTo(5);
        assertThat(body.get("id").asText()).isEqualTo(stored.textId().toString());
        assertThat(body.get("source_number").asText()).isEqualTo("447700900111");
        assertThat(body.get("destination_number").asText()).isEqualTo("07900900123");
        assertThat(body.get("message").asText()).isEqualTo("Reply \uD83D\uDCE9 with \"quotes\"");
        assertThat(body.get("date_received").asText()).isEqualTo("2017-05-21T11:56:11.000000Z");
    }

    @Test
    void withoutAProviderDateTheReceiptTimeIsSent() {
        Stored stored = storedText("/no-date");
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(20), "one callback", 1, () -> server.requestsFor(stored.textId().toString()).size());
        assertThat(server.requestsFor(stored.textId().toString()).get(0).body().get("date_received").asText())
                .isEqualTo(Timestamps.iso(stored.createdAt()));
    }

    @Autowired
    CallbackCircuit circuit;
    @Autowired
    CallbackCircuitStore circuits;
    @Autowired
    ParkedCallbacks parked;

    @Test
    void aSuspendedServicesTextIsParkedAndForwardedWhenResumed() {
        Stored stored = storedText("/suspended");
        DeliveryTestData.Service by = data.service();
        circuit.suspend(stored.serviceId(), CallbackCircuit.MANUAL, by.userId(), "test");
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(20), "the task parked (docs/adr/0170)", 1, () -> circuits.parkedCount(stored.serviceId()));
        assertThat(server.requests()).isEmpty();

        assertThat(circuit.resume(stored.serviceId(), by.userId())).isTrue();
        queue.send(QueueNames.CALLBACKS, parked.replayTask(stored.serviceId()));
        Poll.untilEquals(Duration.ofSeconds(20), "the text forwarded", 1, () -> server.requestsFor(stored.textId().toString()).size());
        assertThat(circuits.parkedCount(stored.serviceId())).isZero();
    }

    @Test
    void serverErrorsAreRetriedUntilAccepted() {
        Stored stored = storedText("/flaky");
        server.answer(500, 503);
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(30), "three attempts", 3, () -> server.requestsFor(stored.textId().toString()).size());
        Poll.until(Duration.ofSeconds(10), "queues drained", () -> drained(QueueNames.NOTIFY) && drained(QueueNames.RETRY));
        assertThat(server.requestsFor(stored.textId().toString())).hasSize(3)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void clientErrorsAreNotRetried() {
        Stored stored = storedText("/refuses");
        server.answer(404);
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(20), "one attempt", 1, () -> server.requestsFor(stored.textId().toString()).size());
        Poll.until(Duration.ofSeconds(10), "queues drained", () -> drained(QueueNames.NOTIFY) && drained(QueueNames.RETRY));
        assertThat(server.requestsFor(stored.textId().toString())).hasSize(1);
    }

    @Test
    void retriesStopAfterTheMaximum() {
        Stored stored = storedText("/down");
        server.answer(500, 500, 500, 500, 500, 500, 500, 500);
        queueTask(stored);
        Poll.untilEquals(Duration.ofSeconds(40), "1 attempt + 5 retries", 6, () -> server.requestsFor(stored.textId().toString()).size());
        Poll.until(Duration.ofSeconds(10), "queues drained", () -> drained(QueueNames.NOTIFY) && drained(QueueNames.RETRY));
        assertThat(server.requestsFor(stored.textId().toString())).hasSize(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_sms WHERE id = ?", Integer.class, stored.textId()))
                .as("the text stays readable").isEqualTo(1);
    }

    @Test
    void aServiceWithoutAnInboundApiGetsNothingAndTheTaskIsDone() {
        Stored stored = storedText(null);
        queueTask(stored);
        Poll.until(Duration.ofSeconds(15), "queues drained", () -> drained(QueueNames.NOTIFY) && drained(QueueNames.RETRY));
        assertThat(server.requests()).isEmpty();
    }

    boolean drained(String name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queues.url(name)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().allMatch("0"::equals);
    }
}
