package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * notifications-api app/celery/service_callback_tasks.py: connection errors and 5xx are retried (5 times at most), 4xx
 * are not; after the last retry the task is parked and the service's callbacks suspended (docs/adr/0170).
 */
@DeliveryIntegrationTest
class ServiceCallbackRetryTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;
    @Autowired
    DeliveryStatusCallbacks callbacks;

    DeliveryTestData data;
    CallbackServer server;
    TestQueues queue;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeliveryTestData(jdbc, cipher);
        server = new CallbackServer();
        queue = new TestQueues(sqs, queues);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    UUID deliveredNotification(String path) {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", server.url(path), "retry-token-1234567890");
        UUID id = data.notification(service, data.smsTemplate(service, "Hi"), "07700900123", null, "normal");
        jdbc.update("UPDATE notifications SET notification_status = 'delivered', updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", id);
        return id;
    }

    @Test
    void serverErrorsAreRetriedUntilTheCallbackIsAccepted() {
        UUID id = deliveredNotification("/flaky");
        server.answer(500, 503);
        queue.send(QueueNames.CALLBACKS, callbacks.deliveryStatusTask(id).orElseThrow());
        Poll.untilEquals(Duration.ofSeconds(20), "three attempts", 3, () -> server.requestsFor(id.toString()).size());
        assertThat(server.requestsFor(id.toString())).allSatisfy(r -> assertThat(r.body().get("status").asText()).isEqualTo("delivered"));
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        UUID id = deliveredNotification("/refuses");
        server.answer(400);
        queue.send(QueueNames.CALLBACKS, callbacks.deliveryStatusTask(id).orElseThrow());
        Poll.untilEquals(Duration.ofSeconds(20), "one attempt", 1, () -> server.requestsFor(id.toString()).size());
        Poll.until(Duration.ofSeconds(10), "queues drained", () -> drained(QueueNames.CALLBACKS) && drained(QueueNames.RETRY));
        assertThat(server.requestsFor(id.toString())).hasSize(1);
    }

    @Test
    void retriesStopAfterTheMaximumAndTheTaskIsParked() {
        UUID id = deliveredNotification("/down");
        server.answer(500, 500, 500, 500, 500, 500, 500, 500);
        queue.send(QueueNames.CALLBACKS, callbacks.deliveryStatusTask(id).orElseThrow());
        Poll.untilEquals(Duration.ofSeconds(30), "1 attempt + 5 retries", 6, () -> server.requestsFor(id.toString()).size());
        Poll.until(Duration.ofSeconds(10), "queues drained", () -> drained(QueueNames.CALLBACKS) && drained(QueueNames.RETRY));
        assertThat(server.requestsFor(id.toString())).hasSize(6);
        UUID serviceId = jdbc.queryForObject("SELECT service_id FROM notifications WHERE id = ?", UUID.class, id);
        assertThat(circuits.suspended(serviceId)).as("suspended when retries ran out (docs/adr/0170)").isTrue();
        assertThat(circuits.parkedCount(serviceId)).as("parked, not dropped").isEqualTo(1);
    }

    @Autowired
    CallbackCircuitStore circuits;

    @Test
    void theTaskOnTheQueueDoesNotRevealTheTokenOrRecipient() {
        UUID id = deliveredNotification("/secret");
        String task = callbacks.deliveryStatusTask(id).orElseThrow();
        assertThat(task).doesNotContain("retry-token-1234567890").doesNotContain("07700900123");
    }

    @Test
    void callbacksToInternalAddressesAreRefusedAtSendTimeAndCountedAsFailed() {
        for (String url : new String[] {"https://10.255.255.1/cb", "https://169.254.169.254/latest/meta-data/"}) {
            DeliveryTestData.Service service = data.service();
            data.callbackApi(service, "delivery_status", url, "internal-token-1234567890");
            UUID id = data.notification(service, data.smsTemplate(service, "Hi"), "07700900123", null, "normal");
            jdbc.update("UPDATE notifications SET notification_status = 'delivered', updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", id);
            double before = refused();
            String message = callbacks.deliveryStatusTask(id).orElseThrow();
            org.notifyoncamel.queues.Task task = new org.notifyoncamel.queues.TaskMessages(new com.fasterxml.jackson.databind.ObjectMapper()).read(message, null);
            long start = System.nanoTime();
            assertThat(callbacks.send(task)).as("no retry for " + url).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without connecting").isLessThan(Duration.ofSeconds(2));
            assertThat(refused()).isEqualTo(before + 1);
        }
    }

    double refused() {
        io.micrometer.core.instrument.Counter counter = meters.find("notify_service_callback_failures_total")
                .tag("reason", "refused_internal_address").counter();
        return counter == null ? 0 : counter.count();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    boolean drained(String name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queues.url(name)).attributeNames(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().allMatch("0"::equals);
    }
}
