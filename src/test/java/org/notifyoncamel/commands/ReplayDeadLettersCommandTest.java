package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.simulators.ProviderSimulators;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.TestQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A save task given up is kept on dead-letter-tasks, and replay-dead-letters takes it to delivery (ADR 0192). */
@DeliveryIntegrationTest
class ReplayDeadLettersCommandTest {

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
    ObjectMapper mapper;
    @Autowired
    ProviderSimulators providers;

    DeliveryTestData data;

    @BeforeEach
    void setUp() {
        data = new DeliveryTestData(jdbc, cipher);
    }

    @Test
    void aSaveGivenUpIsKeptOnTheDeadLettersAndTheCommandReplaysItToDelivery() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Saved later ((who))");
        UUID id = UUID.randomUUID();
        // version 2 of the template does not exist yet: the insert fails on its foreign key, on the last retry
        String message = """
                {"task": "save-api-sms", "retries": 12, "notification": {"id": "%s", "template_id": "%s", "template_version": 2,
                 "to": "07700900701", "service_id": "%s", "_personalisation": "%s", "notification_type": "sms",
                 "key_type": "normal", "client_reference": "dead-1", "status": "created"}}"""
                .formatted(id, template.id(), service.id(), cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, "{\"who\": \"you\"}"));
        new TestQueues(sqs, queues).send(QueueNames.SAVE_API_SMS, message);

        Poll.until(WAIT, "the task kept on dead-letter-tasks", () -> waiting(QueueNames.DEAD_LETTERS) >= 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE id = ?", Integer.class, id)).isZero();

        jdbc.update("""
                INSERT INTO templates_history (id, name, template_type, created_at, content, subject, service_id, created_by_id, version)
                SELECT id, name, template_type, created_at, content, subject, service_id, created_by_id, 2 FROM templates_history
                WHERE id = ? AND version = 1""", template.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = new ReplayDeadLettersCommand(sqs, queues, mapper, print, print).run(new String[0]);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Replayed ");

        Poll.untilEquals(WAIT, "saved and delivered", "delivered", () -> jdbc.queryForObject(
                "SELECT coalesce(max(notification_status), 'missing') FROM notifications WHERE id = ?", String.class, id));
        String sentBy = jdbc.queryForObject("SELECT sent_by FROM notifications WHERE id = ?", String.class, id);
        assertThat(providers.sends(sentBy, id.toString())).isEqualTo(1);
        assertThat(waiting(QueueNames.DEAD_LETTERS)).isZero();
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new ReplayDeadLettersCommand(sqs, queues, mapper, print, print).run(new String[] {"-n", "0"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max must be at least 1", "Usage: command replay-dead-letters");
    }

    @Test
    void onlyTasksAreReplayedWithTheirRetriesResetAndTheNoteRemoved() {
        ReplayDeadLettersCommand command = new ReplayDeadLettersCommand(sqs, queues, mapper);
        assertThat(command.replayable("{\"task\":\"save-api-sms\",\"retries\":12,\"dead_letter_error\":\"x.Y\",\"notification\":{}}"))
                .isEqualTo("{\"task\":\"save-api-sms\",\"retries\":0,\"notification\":{}}");
        assertThat(command.replayable("not json")).isNull();
        assertThat(command.replayable("{\"notification\":{}}")).isNull();
    }

    private int waiting(String queue) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queues.url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
