package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.simulators.SimulatorSettings;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Workers log no personal data (ADR 0061, docs/security.md): a text delivered with its receipt and callback, and
 * a text whose providers both fail until it is a technical failure, with recognisable recipients, personalisation
 * and callback token, and our code at DEBUG; none of them appears in what was logged, while the notification ids
 * (which workers do log) do, which shows the capture saw the workers.
 */
@DeliveryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WorkerLogsTest {

    static final Duration WAIT = Duration.ofSeconds(40);

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

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    DeliveryTestData data;
    TestQueues queue;
    CallbackServer callbacks;

    @BeforeEach
    void setUp() throws Exception {
        logging.setLogLevel("org.notifyoncamel", LogLevel.DEBUG);
        data = new DeliveryTestData(jdbc, cipher);
        queue = new TestQueues(sqs, queues);
        callbacks = new CallbackServer();
        simulator.reset();
    }

    @AfterEach
    void tearDown() {
        logging.setLogLevel("org.notifyoncamel", null);
        simulator.reset();
        callbacks.close();
    }

    @Test
    void aSendAFailureAndAReceiptLogNoRecipientPersonalisationOrToken(CapturedOutput output) {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", callbacks.url("/logs"), "worker-callback-token-4711");
        DeliveryTestData.Template template = data.smsTemplate(service, "Hello ((name))");
        UUID delivered = data.notification(service, template, "07700 900471", Map.of("name", "Zebedee-Personal-4711"), "normal");
        queue.deliver(QueueNames.SEND_SMS, delivered);
        Poll.untilEquals(WAIT, "delivered after its receipt", "delivered", () -> data.status(delivered));
        Poll.until(WAIT, "delivery-status callback", () -> !callbacks.requestsFor(delivered.toString()).isEmpty());

        simulator.setErrorPercent("mmg", 100);
        simulator.setErrorPercent("firetext", 100);
        UUID failed = data.notification(service, template, "07700900472", Map.of("name", "Zebedee-Personal-4712"), "normal");
        queue.deliver(QueueNames.SEND_SMS, failed);
        Poll.untilEquals(WAIT, "technical-failure", "technical-failure", () -> data.status(failed));

        String logged = output.getAll();
        assertThat(logged).as("the capture saw the workers").contains(failed.toString());
        for (String personal : new String[] {"900471", "900472", "7700900471", "7700900472", "Zebedee-Personal", "worker-callback-token"}) {
            assertThat(logged).as("logs must not hold " + personal).doesNotContain(personal);
        }
    }
}
