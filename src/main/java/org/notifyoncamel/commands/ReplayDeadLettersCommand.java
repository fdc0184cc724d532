package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.util.List;

import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code replay-dead-letters [-n MAX]}: the tasks kept on {@code dead-letter-tasks} (ADR 0192) go back on
 * {@code retry-tasks} with their retry count reset, where {@code dispatch-retry-task} hands each to the route
 * that failed it. Each message is deleted from the dead letters only after its copy is sent, so a crash in between
 * replays it twice at worst, which the save and deliver tasks tolerate (they insert if absent and claim before
 * sending).
 */
@Component
public class ReplayDeadLettersCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-n", "max", true));

    private final SqsClient sqs;
    private final Queues queues;
    private final ObjectMapper mapper;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public ReplayDeadLettersCommand(SqsClient sqs, Queues queues, ObjectMapper mapper) {
        this(sqs, queues, mapper, System.out, System.err);
    }

    ReplayDeadLettersCommand(SqsClient sqs, Queues queues, ObjectMapper mapper, PrintStream out, PrintStream err) {
        this.sqs = sqs;
        this.queues = queues;
        this.mapper = mapper;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "replay-dead-letters";
    }

    @Override
    public String help() {
        return """
                Usage: command replay-dead-letters [-n MAX]
                  Puts the tasks kept on the dead-letter-tasks queue (given up after their retries) back on retry-tasks,
                  with their retry count reset, and removes them from dead-letter-tasks.
                  -n, --max N      replay at most N tasks (default: all)
                  --help           show this message""";
    }

    @Override
    public int run(String[] options) {
        long max;
        try {
            CommandOptions parsed = CommandOptions.parse(options, OPTIONS);
            max = Long.parseLong(parsed.get("max").orElse(String.valueOf(Long.MAX_VALUE)));
            if (max < 1) {
                throw new IllegalArgumentException("--max must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        String deadLetters = queues.url(QueueNames.DEAD_LETTERS);
        String retries = queues.url(QueueNames.RETRY);
        long replayed = 0;
        long unreadable = 0;
        while (replayed + unreadable < max) {
            int batch = (int) Math.min(10, max - replayed - unreadable);
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(batch)
                    .waitTimeSeconds(1).visibilityTimeout(60)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                String task = replayable(message.body());
                if (task == null) {
                    unreadable++;
                    continue; // left on the queue for an operator to read
                }
                sqs.sendMessage(r -> r.queueUrl(retries).messageBody(task));
                sqs.deleteMessage(r -> r.queueUrl(deadLetters).receiptHandle(message.receiptHandle()));
                replayed++;
            }
        }
        out.println("Replayed " + replayed + " dead-lettered tasks onto " + queues.name(QueueNames.RETRY)
                + (unreadable > 0 ? "; " + unreadable + " unreadable ones left on " + queues.name(QueueNames.DEAD_LETTERS) : ""));
        return unreadable > 0 ? 1 : 0;
    }

    /** The task with its retry count reset and the dead-letter note removed, or null when it is not a task. */
    String replayable(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (!(node instanceof ObjectNode task) || !task.path("task").isTextual()) {
                return null;
            }
            task.remove("dead_letter_error");
            task.put("retries", 0);
            return task.toString();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
