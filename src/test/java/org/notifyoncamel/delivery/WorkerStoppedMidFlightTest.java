package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.simulators.ProviderSimulators;
import org.notifyoncamel.simulators.SimulatorSettings;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The send-sms-tasks worker stops while it holds a batch of messages (visibility timeout 4 s in
 * this context): the messages it had not processed come back after the visibility timeout, the
 * restarted worker sends them, and every notification reaches the provider exactly once.
 */
@DeliveryIntegrationTest
class WorkerStoppedMidFlightTest {

    static final String ROUTE = "consume-send-sms-tasks";

    @Autowired
    CamelContext camel;
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

    @AfterEach
    void restore() throws Exception {
        simulator.reset();
        camel.getRouteController().startRoute(ROUTE);
    }

    @Test
    void messagesInFlightComeBackAndAreSentExactlyOnce() throws Exception {
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "In flight ((n))");
        camel.getRouteController().stopRoute(ROUTE);
        simulator.setResponseDelayMs(300);
        List<UUID> ids = new ArrayList<>();
        TestQueues queue = new TestQueues(sqs, queues);
        for (int i = 0; i < 6; i++) {
            UUID id = data.notification(service, template, "07700900" + (800 + i), Map.of("n", i), "normal");
            ids.add(id);
            queue.deliver(QueueNames.SEND_SMS, id);
        }

        camel.getRouteController().startRoute(ROUTE);
        Poll.until(Duration.ofSeconds(20), "the first send", () -> sent(ids) >= 1);
        camel.getRouteController().stopRoute(ROUTE);
        int sentBeforeStop = sent(ids);
        assertThat(sentBeforeStop).as("the worker stopped with messages still to process").isLessThan(ids.size());

        // the unprocessed messages of the batch become visible again once their visibility timeout expires
        Poll.until(Duration.ofSeconds(15), "messages visible again", () -> Integer.parseInt(sqs.getQueueAttributes(b -> b
                .queueUrl(queues.url(QueueNames.SEND_SMS)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) > 0);
        assertThat(sent(ids)).as("nothing is sent while the worker is stopped").isEqualTo(sentBeforeStop);

        camel.getRouteController().startRoute(ROUTE);
        for (UUID id : ids) {
            Poll.untilEquals(Duration.ofSeconds(30), "delivered " + id, "delivered", () -> data.status(id));
        }
        for (UUID id : ids) {
            assertThat(providers.sends("mmg", id.toString()) + providers.sends("firetext", id.toString()))
                    .as("sends of " + id).isEqualTo(1);
        }
    }

    int sent(List<UUID> ids) {
        return ids.stream().mapToInt(id -> providers.sends("mmg", id.toString()) + providers.sends("firetext", id.toString())).sum();
    }
}
