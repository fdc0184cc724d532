package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.ops.NotifyMetrics;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Per-service callback slots: a service over its limit does not take slots from another. */
class CallbackSlotsTest {

    final CallbackSlots slots = new CallbackSlots(2, 7, NotifyMetrics.detached());

    @Test
    void eachServiceHasItsOwnSlots() {
        assertThat(slots.tryTake("slow")).isTrue();
        assertThat(slots.tryTake("slow")).isTrue();
        assertThat(slots.tryTake("slow")).as("the slow service's limit").isFalse();
        assertThat(slots.tryTake("other")).as("another service is not held up").isTrue();
        slots.release("slow");
        assertThat(slots.inFlight("slow")).isEqualTo(1);
        assertThat(slots.tryTake("slow")).isTrue();
        slots.release("slow");
        slots.release("slow");
        slots.release("slow");
        assertThat(slots.inFlight("slow")).as("never below zero").isZero();
        assertThat(slots.tryTake("slow")).isTrue();
    }

    @Test
    void aTaskOverTheLimitIsPutOffAsTheSameAttempt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Task task = new Task("send-delivery-status", 3, mapper.createObjectNode().put("service_id", "s").put("notification_id", "n"));
        RetryMessage later = slots.putOff(task);
        assertThat(later.delaySeconds()).isEqualTo(7);
        assertThat(mapper.readTree(later.message()).get("retries").asInt()).isEqualTo(3);
        assertThat(mapper.readTree(later.message()).get("task").asText()).isEqualTo("send-delivery-status");
        assertThat(CallbackSlots.key(task)).isEqualTo("s");
    }
}
