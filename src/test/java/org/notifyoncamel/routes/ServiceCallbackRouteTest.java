package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.callbacks.CallbackCircuitStore;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Routes service-callback and replay-parked-callbacks (routes/callbacks-service.camel.yaml, ADR 0170) against a real
 * HTTP endpoint: 5xx and 429 are retried after the backoff delay of their attempt (3 s × 2^retries here, no jitter),
 * other 4xx are not; a resumed service's parked tasks are published again oldest first, in batches, once.
 */
@RouteLevelTest
class ServiceCallbackRouteTest extends RouteLevelTestSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    DeliveryStatusCallbacks callbacks;
    @Autowired
    CallbackCircuitStore circuits;

    @EndpointInject("mock:direct:publish-retry")
    MockEndpoint retries;
    @EndpointInject("mock:direct:publish-service-callback")
    MockEndpoint republished;

    DeliveryTestData data;
    CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        RouteAdvice.mockAndSkip(camel, "service-callback", "direct:publish-retry");
        RouteAdvice.mockAndSkip(camel, "replay-parked-callbacks", "direct:publish-service-callback");
        MockEndpoint.resetMocks(camel);
        data = new DeliveryTestData(jdbc, cipher);
        server = new CallbackServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Task deliveredTask(int retriesSoFar) {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", server.url("/status"), "route-token-1234567890");
        UUID id = data.notification(service, data.smsTemplate(service, "Hi"), "07700900123", null, "normal");
        jdbc.update("UPDATE notifications SET notification_status = 'delivered', updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", id);
        Task first = tasks.read(callbacks.deliveryStatusTask(id).orElseThrow(), null);
        return new Task(first.name(), retriesSoFar, first.args());
    }

    /** What the route publishes on retry-tasks when the endpoint answers {@code status} to the task. */
    RetryMessage retriedAfter(int status, Task task) throws Exception {
        server.answer(status);
        retries.expectedMessageCount(1);
        producer.sendBody("direct:service-callback", task);
        retries.assertIsSatisfied();
        return retries.getReceivedExchanges().get(0).getMessage().getBody(RetryMessage.class);
    }

    @Test
    void aServerErrorIsRetriedAfterTheBackoffDelayOfItsAttempt() throws Exception {
        Task task = deliveredTask(2);
        RetryMessage retried = retriedAfter(503, task);
        assertThat(retried.delaySeconds()).as("3 s × 2^2").isEqualTo(12);
        JsonNode next = MAPPER.readTree(retried.message());
        assertThat(next.get("task").asText()).isEqualTo("send-delivery-status");
        assertThat(next.get("retries").asInt()).isEqualTo(3);
        assertThat(next.get("payload").asText()).isEqualTo(task.text("payload"));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetriedLikeAServerError() throws Exception {
        assertThat(retriedAfter(429, deliveredTask(0)).delaySeconds()).as("the first retry waits the base delay").isEqualTo(3);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        Task task = deliveredTask(0);
        server.answer(400);
        retries.expectedMessageCount(0);
        producer.sendBody("direct:service-callback", task);
        retries.assertIsSatisfied();
        assertThat(server.requests()).hasSize(1);
        assertThat(circuits.suspended(UUID.fromString(task.text("service_id")))).isFalse();
    }

    Task replay(UUID serviceId) {
        return new Task("replay-parked-callbacks", 0, MAPPER.createObjectNode().put("service_id", serviceId.toString()));
    }

    List<String> republishedBodies() {
        return republished.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList();
    }

    @Test
    void aResumedServicesParkedTasksArePublishedAgainOldestFirstAndOnlyOnce() throws Exception {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Service other = data.service();
        for (int i = 1; i <= 5; i++) {
            circuits.park(service.id(), "{\"task\":\"send-delivery-status\",\"n\":" + i + "}");
        }
        circuits.park(other.id(), "{\"task\":\"send-delivery-status\",\"n\":99}");
        republished.expectedMessageCount(5);
        producer.sendBody("direct:replay-parked-callbacks", replay(service.id()));
        republished.assertIsSatisfied();
        assertThat(republishedBodies()).extracting(b -> MAPPER.readTree(b).get("n").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(circuits.parkedCount(service.id())).isZero();
        assertThat(circuits.parkedCount(other.id())).as("another service's tasks stay parked").isEqualTo(1);

        producer.sendBody("direct:replay-parked-callbacks", replay(service.id()));
        assertThat(republished.getReceivedCounter()).as("a second replay finds nothing to send again").isEqualTo(5);
    }

    @Test
    void aServiceSuspendedAgainKeepsItsParkedTasks() throws Exception {
        DeliveryTestData.Service service = data.service();
        circuits.park(service.id(), "{\"task\":\"send-delivery-status\",\"n\":1}");
        circuits.set(service.id(), true, service.userId());
        producer.sendBody("direct:replay-parked-callbacks", replay(service.id()));
        assertThat(republished.getReceivedCounter()).isZero();
        assertThat(circuits.parkedCount(service.id())).isEqualTo(1);
    }

    @Test
    void aBatchLeasedByAnotherReplayIsLeftToIt() throws Exception {
        DeliveryTestData.Service service = data.service();
        for (int i = 1; i <= 3; i++) {
            circuits.park(service.id(), "{\"task\":\"send-delivery-status\",\"n\":" + i + "}");
        }
        assertThat(circuits.claim(service.id(), 1, 300)).extracting(CallbackCircuitStore.Parked::task).containsExactly("{\"task\":\"send-delivery-status\",\"n\":1}");
        republished.expectedMessageCount(2);
        producer.sendBody("direct:replay-parked-callbacks", replay(service.id()));
        republished.assertIsSatisfied();
        assertThat(republishedBodies()).extracting(b -> MAPPER.readTree(b).get("n").asInt()).containsExactly(2, 3);
        assertThat(circuits.parkedCount(service.id())).as("the leased row waits for its own replay").isEqualTo(1);
        jdbc.update("UPDATE parked_callbacks SET claimed_until = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE service_id = ?", service.id());
        producer.sendBody("direct:replay-parked-callbacks", replay(service.id()));
        assertThat(republishedBodies()).extracting(b -> MAPPER.readTree(b).get("n").asInt()).as("an expired lease is taken again").containsExactly(2, 3, 1);
    }

    @Test
    void aQueueMessageDeliveredAgainAfterItsCallbackWasSentIsNotSentTwice() throws Exception {
        Task task = deliveredTask(0);
        server.answer(200);
        String messageId = "sqs-" + UUID.randomUUID();
        producer.sendBodyAndHeader("direct:service-callback", task, "CamelAwsSqsMessageId", messageId);
        producer.sendBodyAndHeader("direct:service-callback", task, "CamelAwsSqsMessageId", messageId);
        assertThat(server.requests()).as("the same message delivered twice").hasSize(1);
        assertThat(jdbc.queryForObject("SELECT done_at IS NOT NULL FROM service_callback_claims WHERE message_id = ?", Boolean.class, messageId))
                .isTrue();
        // a new message for the same callback (a retry, a replay) is a new send
        producer.sendBodyAndHeader("direct:service-callback", task, "CamelAwsSqsMessageId", "sqs-" + UUID.randomUUID());
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aClaimLeftInFlightByADeadWorkerIsTakenOverAfterItsLease() throws Exception {
        Task task = deliveredTask(0);
        server.answer(200);
        String fresh = "sqs-" + UUID.randomUUID();
        String stale = "sqs-" + UUID.randomUUID();
        jdbc.update("INSERT INTO service_callback_claims (message_id, claimed_at) VALUES (?, now() AT TIME ZONE 'UTC')", fresh);
        jdbc.update("INSERT INTO service_callback_claims (message_id, claimed_at) VALUES (?, now() AT TIME ZONE 'UTC' - interval '1 hour')", stale);
        producer.sendBodyAndHeader("direct:service-callback", task, "CamelAwsSqsMessageId", fresh);
        assertThat(server.requests()).as("in flight elsewhere, within its lease").isEmpty();
        producer.sendBodyAndHeader("direct:service-callback", task, "CamelAwsSqsMessageId", stale);
        assertThat(server.requests()).as("its worker died before posting").hasSize(1);
    }
}
