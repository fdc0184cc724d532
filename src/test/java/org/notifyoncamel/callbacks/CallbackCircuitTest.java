package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.routes.RouteLevelTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The per-service circuit against the real database (the route-level context: suspension after 25 failures in a
 * row, 5 retries, backoff 3 s × 2^n): what counts as a failure, what resets the count, one suspension however many
 * failures follow, parked tasks restarting from their first attempt.
 */
@RouteLevelTest
@ExtendWith(OutputCaptureExtension.class)
class CallbackCircuitTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final CallbackPoster.Attempt FAILED = new CallbackPoster.Attempt(CallbackPoster.Outcome.FAILED, 503);
    static final CallbackPoster.Attempt REFUSED = new CallbackPoster.Attempt(CallbackPoster.Outcome.REFUSED, 400);
    static final CallbackPoster.Attempt SENT = new CallbackPoster.Attempt(CallbackPoster.Outcome.SENT, 200);

    @Autowired
    CallbackCircuit circuit;
    @Autowired
    CallbackCircuitStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;

    DeliveryTestData.Service service;

    @BeforeEach
    void setUp() {
        service = new DeliveryTestData(jdbc, cipher).service();
    }

    Task task(int retries) {
        return new Task("send-delivery-status", retries, MAPPER.createObjectNode().put("notification_id", UUID.randomUUID().toString())
                .put("service_id", service.id().toString()));
    }

    int failures() {
        return jdbc.queryForObject("SELECT consecutive_failures FROM service_callback_circuits WHERE service_id = ?", Integer.class, service.id());
    }

    @Test
    void failuresInARowSuspendOnceAndParkTheRest(CapturedOutput output) throws Exception {
        for (int i = 1; i < 25; i++) {
            RetryMessage retry = circuit.after(service.id(), task(0), FAILED, "test callback");
            assertThat(retry).as("failure %d is retried", i).isNotNull();
            assertThat(retry.delaySeconds()).isEqualTo(3);
            assertThat(circuit.after(service.id(), task(0), REFUSED, "test callback")).as("a refusal is not retried").isNull();
        }
        assertThat(failures()).as("refusals neither count nor reset").isEqualTo(24);
        assertThat(store.suspended(service.id())).isFalse();

        Task last = task(2);
        assertThat(circuit.after(service.id(), last, FAILED, "test callback")).as("the 25th failure parks its task").isNull();
        assertThat(store.suspended(service.id())).isTrue();
        assertThat(circuit.after(service.id(), task(0), FAILED, "test callback")).isNull();
        assertThat(store.parkedCount(service.id())).isEqualTo(2);
        assertThat(output.getAll().lines().filter(l -> l.contains("Callbacks of service " + service.id() + " suspended (automatic)")))
                .as("one log line per suspension").hasSize(1);

        String parked = store.claim(service.id(), 1, 1).get(0).task();
        assertThat(MAPPER.readTree(parked).has("retries")).as("replayed from its first attempt").isFalse();
        assertThat(MAPPER.readTree(parked).get("task").asText()).isEqualTo("send-delivery-status");
        assertThat(MAPPER.readTree(parked).get("notification_id").asText()).isEqualTo(last.notificationId());

        assertThat(circuit.parkedWhileSuspended(service.id(), task(0), "test callback")).isTrue();
        assertThat(circuit.resume(service.id(), service.userId())).as("parked tasks to replay").isTrue();
        assertThat(failures()).as("resuming starts a new count").isZero();
        assertThat(circuit.parkedWhileSuspended(service.id(), task(0), "test callback")).isFalse();
    }

    @Test
    void anAcceptedCallbackEndsTheRunOfFailuresAndTheLastRetrySuspends() {
        circuit.after(service.id(), task(0), FAILED, "test callback");
        circuit.after(service.id(), task(1), FAILED, "test callback");
        assertThat(failures()).isEqualTo(2);
        assertThat(circuit.after(service.id(), task(2), SENT, "test callback")).isNull();
        assertThat(failures()).isZero();
        assertThat(circuit.after(service.id(), task(4), FAILED, "test callback").delaySeconds()).as("3 s × 2^4").isEqualTo(48);

        assertThat(circuit.after(service.id(), task(5), FAILED, "test callback")).as("the last retry's failure").isNull();
        assertThat(store.suspended(service.id())).as("retries ran out: suspended, as GC Notify").isTrue();
        assertThat(store.parkedCount(service.id())).isEqualTo(1);
        assertThat(circuit.resume(service.id(), service.userId())).isTrue();
        assertThat(circuit.resume(service.id(), service.userId())).as("still parked until replayed").isTrue();
    }

    @Test
    void resumingAServiceWithNothingParkedQueuesNoReplay() {
        circuit.suspend(service.id(), CallbackCircuit.MANUAL, service.userId(), "test");
        assertThat(store.suspension(service.id()).suspendedAt()).isNotNull();
        assertThat(circuit.resume(service.id(), service.userId())).isFalse();
        assertThat(store.suspension(service.id()).suspended()).isFalse();
        assertThat(store.suspension(service.id()).suspendedAt()).as("GC keeps suspended_at").isNotNull();
    }
}
