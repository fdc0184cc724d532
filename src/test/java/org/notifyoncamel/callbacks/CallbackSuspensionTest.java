package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ADR 0170 through the whole application (queues, workers, internal API, real HTTP endpoints): a service whose
 * callbacks keep failing is suspended automatically and its tasks parked; resumed through GC's suspend-callback
 * endpoint, every parked callback is sent once; a hanging endpoint does not hold up another service's callbacks.
 * The shared context suspends after 6 failures in a row, retries after 1 s and gives up after 3 s.
 */
@DeliveryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CallbackSuspensionTest {

    static final String TOKEN = "suspension-token-1234567890";

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
    @Autowired
    DeliveryStatusCallbacks callbacks;
    @Autowired
    CallbackCircuitStore circuits;
    @Autowired
    MeterRegistry meters;

    DeliveryTestData data;
    TestQueues queue;
    final List<CallbackServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new DeliveryTestData(jdbc, cipher);
        queue = new TestQueues(sqs, queues);
    }

    @AfterEach
    void tearDown() {
        servers.forEach(CallbackServer::close);
    }

    CallbackServer server() throws Exception {
        CallbackServer server = new CallbackServer();
        servers.add(server);
        return server;
    }

    DeliveryTestData.Service serviceCallingBack(CallbackServer server) {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", server.url("/callbacks/" + service.id()), TOKEN);
        return service;
    }

    List<UUID> delivered(DeliveryTestData.Service service, int count) {
        List<UUID> ids = new ArrayList<>();
        DeliveryTestData.Template template = data.smsTemplate(service, "Hi");
        for (int i = 0; i < count; i++) {
            UUID id = data.notification(service, template, "07700900123", null, "normal");
            jdbc.update("UPDATE notifications SET notification_status = 'delivered', updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", id);
            ids.add(id);
        }
        return ids;
    }

    void queueCallbacks(List<UUID> ids) {
        ids.forEach(id -> queue.send(QueueNames.CALLBACKS, callbacks.deliveryStatusTask(id).orElseThrow()));
    }

    Http.Response suspend(DeliveryTestData.Service service, boolean suspend) {
        return Http.admin(port).post("/service/" + service.id() + "/delivery-receipt-api/suspend-callback",
                Map.of("updated_by_id", service.userId().toString(), "suspend_unsuspend", suspend));
    }

    double suspensions(String trigger) {
        Counter counter = meters.find("notify_service_callback_suspensions_total").tag("trigger", trigger).counter();
        return counter == null ? 0 : counter.count();
    }

    boolean drained(String name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queues.url(name)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream().allMatch("0"::equals);
    }

    void quiet() {
        Poll.until(Duration.ofSeconds(20), "callback and retry queues drained",
                () -> drained(QueueNames.CALLBACKS) && drained(QueueNames.RETRY));
    }

    Map<UUID, Integer> requestsPerNotification(CallbackServer server, List<UUID> ids) {
        Map<UUID, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, server.requestsFor(id.toString()).size()));
        return counts;
    }

    @Test
    void aFailingServiceIsSuspendedAutomaticallyAndEveryParkedCallbackIsSentOnceWhenResumed(CapturedOutput output) throws Exception {
        CallbackServer server = server();
        server.answerAlways(500);
        DeliveryTestData.Service service = serviceCallingBack(server);
        List<UUID> ids = delivered(service, 6);
        double before = suspensions(CallbackCircuit.AUTOMATIC);

        queueCallbacks(ids);
        Poll.until(Duration.ofSeconds(30), "callbacks suspended after 6 failures in a row", () -> circuits.suspended(service.id()));
        Poll.untilEquals(Duration.ofSeconds(30), "every task parked, none dropped", 6, () -> circuits.parkedCount(service.id()));
        quiet();
        int attempts = server.requests().size();
        assertThat(attempts).as("no endpoint hammering: the sixth failure stopped the retries").isBetween(6, 9);
        assertThat(suspensions(CallbackCircuit.AUTOMATIC)).isEqualTo(before + 1);
        assertThat(output.getAll().lines().filter(l -> l.contains("Callbacks of service " + service.id() + " suspended")))
                .as("one log line per suspension").hasSize(1)
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain("/callbacks/").doesNotContain("07700900123"));
        Http.Response shown = Http.admin(port).get("/service/" + service.id() + "/delivery-receipt-api/"
                + jdbc.queryForObject("SELECT id FROM service_callback_api WHERE service_id = ?", UUID.class, service.id()));
        assertThat(shown.json().get("data").get("is_suspended").asBoolean()).isTrue();

        Map<UUID, Integer> beforeReplay = requestsPerNotification(server, ids);
        server.answerAlways(200);
        Http.Response resumed = suspend(service, false);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("data").get("is_suspended").asBoolean()).isFalse();
        Poll.until(Duration.ofSeconds(30), "every parked callback sent again",
                () -> ids.stream().allMatch(id -> server.requestsFor(id.toString()).size() == beforeReplay.get(id) + 1));
        quiet();
        assertThat(requestsPerNotification(server, ids)).as("each parked callback sent exactly once more")
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(beforeReplay.get(id) + 1));
        assertThat(circuits.parkedCount(service.id())).isZero();
        assertThat(server.requestsFor(ids.get(0).toString()).get(0).body().get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aManuallySuspendedServicesCallbacksAreParkedNotQueuedAndSentToItsCurrentUrlWhenResumed() throws Exception {
        CallbackServer broken = server();
        CallbackServer fixed = server();
        DeliveryTestData.Service service = serviceCallingBack(broken);
        List<UUID> ids = delivered(service, 4);
        double before = suspensions(CallbackCircuit.MANUAL);
        Http.Response suspended = suspend(service, true);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().get("data").get("is_suspended").asBoolean()).isTrue();
        assertThat(suspensions(CallbackCircuit.MANUAL)).isEqualTo(before + 1);

        ids.forEach(id -> assertThat(callbacks.deliveryStatusTask(id)).as("not queued while suspended (GC)").isEmpty());
        assertThat(circuits.parkedCount(service.id())).as("parked instead, not dropped").isEqualTo(4);

        // the service fixes its endpoint, then resumes: the parked callbacks go to the new URL
        jdbc.update("UPDATE service_callback_api SET url = ? WHERE service_id = ?", fixed.url("/fixed"), service.id());
        assertThat(suspend(service, false).status()).isEqualTo(200);
        Poll.untilEquals(Duration.ofSeconds(20), "every callback sent", 4, () -> fixed.requests().size());
        quiet();
        assertThat(requestsPerNotification(fixed, ids)).allSatisfy((id, n) -> assertThat(n).as("sent once").isEqualTo(1));
        assertThat(fixed.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(broken.requests()).isEmpty();
        assertThat(circuits.parkedCount(service.id())).isZero();
    }

    @Test
    void aHangingEndpointDoesNotHoldUpAnotherServicesCallbacks() throws Exception {
        CallbackServer slow = server();
        CallbackServer prompt = server();
        slow.hang();
        DeliveryTestData.Service slowService = serviceCallingBack(slow);
        DeliveryTestData.Service promptService = serviceCallingBack(prompt);
        List<UUID> slowIds = delivered(slowService, 8);
        UUID promptId = delivered(promptService, 1).get(0);

        queueCallbacks(slowIds);
        Poll.until(Duration.ofSeconds(20), "the slow endpoint holds its share of callbacks", () -> slow.requests().size() >= 4);
        long slowStarted = slow.requests().get(0).arrivedNanos();
        queueCallbacks(List.of(promptId));
        Poll.untilEquals(Duration.ofSeconds(20), "the other service's callback", 1, () -> prompt.requestsFor(promptId.toString()).size());

        Duration waited = Duration.ofNanos(prompt.requests().get(0).arrivedNanos() - slowStarted);
        // one consumer thread sending in turn could not send it before the slow endpoint's first call timed out (3 s)
        assertThat(waited).as("sent while the slow endpoint still held its first call").isLessThan(Duration.ofSeconds(3));
        assertThat(slow.maxInFlight()).as("bounded per-service concurrency").isLessThanOrEqualTo(4);
    }
}
