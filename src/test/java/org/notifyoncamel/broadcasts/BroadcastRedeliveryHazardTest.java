package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.BroadcastQueueWatch;
import org.notifyoncamel.support.BroadcastScenario;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * ADR 0001's scenario with the fix switched off, as the original ran: ten messages per poll, a
 * retry delay cap above the visibility timeout, no visibility extension. SQS then delivers
 * messages that wait for a retry a second time: the assertion BroadcastDeliveryTest makes
 * (every message received once) fails here, so that test can fail.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "notify.queues.broadcast-tasks.visibility-timeout=3",
        "notify.queues.broadcast-tasks.max-messages-per-poll=10",
        "notify.queues.broadcast-tasks.extend-message-visibility=false",
        "notify.queues.broadcast-tasks.concurrent-consumers=4",
        "notify.queues.broadcast-tasks.wait-time-seconds=1",
        "notify.broadcasts.redelivery-delay=200",
        "notify.broadcasts.backoff-multiplier=2",
        "notify.broadcasts.maximum-redelivery-delay=6000",
        "notify.broadcasts.allow-delay-beyond-visibility-timeout=true",
        "notify.broadcasts.cbc.timeout=500",
})
class BroadcastRedeliveryHazardTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    CbcSimulator simulator;

    @Test
    void withoutTheFixSqsDeliversWaitingMessagesAgain() {
        Sqs2Endpoint endpoint = (Sqs2Endpoint) camel.getRoute("consume-broadcast-tasks").getEndpoint();
        assertThat(endpoint.getMaxMessagesPerPoll()).isEqualTo(10);
        assertThat(endpoint.getConfiguration().isExtendMessageVisibility()).isFalse();

        BroadcastQueueWatch watch = BroadcastQueueWatch.attach(camel);
        try {
            BroadcastScenario.Outcome outcome = BroadcastScenario.run(port, jdbc, simulator, watch, 6, Duration.ofSeconds(5),
                    Duration.ofSeconds(60));
            assertThat(outcome.statuses()).containsOnly("returned-ack");
            // BroadcastDeliveryTest asserts every value is 1: here, without the fix, some are not
            assertThat(outcome.receivesPerMessage().values()).as("SQS receives per message").anyMatch(n -> n > 1);
            assertThat(watch.receives()).extracting(BroadcastQueueWatch.Receive::receiveCount).anyMatch(n -> n > 1);
        } finally {
            watch.detach(camel);
            simulator.reset();
        }
    }
}
