package org.notifyoncamel.queues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The visibility budget of the consumers that call out (ADR 0194). Every {@code sqs-task-consumer} extends the
 * visibility of the message it is processing (Camel's {@code extendMessageVisibility}), but a poll's messages are
 * processed one after another, and a message is only extended once its turn comes: the last message of a poll
 * must start before its visibility timeout runs out, or SQS hands it to another consumer while it waits, and it
 * is processed twice. So for each queue whose tasks call a provider or a service,
 * {@code (max-messages-per-poll - 1) x worst case per message < visibility-timeout}, where the worst case comes
 * from the configured timeouts. A violated budget is logged at start-up as an error naming the queue.
 */
@Component
public class VisibilityBudget {

    /** A queue over budget: the figures an operator needs to fix it. */
    public record Violation(String queue, int maxMessagesPerPoll, long worstCaseSeconds, long visibilityTimeoutSeconds) {
        @Override
        public String toString() {
            return queue + ": " + maxMessagesPerPoll + " messages per poll x up to " + worstCaseSeconds
                    + " s each leaves the last one past its visibility timeout of " + visibilityTimeoutSeconds + " s";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(VisibilityBudget.class);

    private final Environment env;

    public VisibilityBudget(Environment env) {
        this.env = env;
        violations().forEach(v -> LOG.error("Visibility budget exceeded (ADR 0194): {}", v));
    }

    /** The worst case of one message of each out-calling queue, in seconds, from the configured timeouts. */
    Map<String, ToLongFunction<Environment>> worstCases() {
        ToLongFunction<Environment> sms = e -> 2 * (Math.max(ms(e, "notify.providers.mmg-timeout-ms"), ms(e, "notify.providers.firetext-timeout-ms"))
                + ms(e, "notify.providers.connect-timeout-ms"));
        Map<String, ToLongFunction<Environment>> worst = new LinkedHashMap<>();
        worst.put(QueueNames.SEND_SMS, sms);
        worst.put(QueueNames.PRIORITY, sms);
        worst.put(QueueNames.RETRY, sms);
        worst.put(QueueNames.SEND_EMAIL, e -> ms(e, "notify.providers.ses-timeout-ms") + ms(e, "notify.providers.connect-timeout-ms"));
        worst.put(QueueNames.RESEARCH_MODE, e -> ms(e, "notify.delivery.research-receipt-timeout-ms"));
        worst.put(QueueNames.CALLBACKS, e -> ms(e, "notify.callbacks.timeout-ms"));
        return worst;
    }

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        worstCases().forEach((queue, worstMillis) -> {
            Integer perPoll = env.getProperty("notify.queues." + queue + ".max-messages-per-poll", Integer.class);
            Long visibility = env.getProperty("notify.queues." + queue + ".visibility-timeout", Long.class);
            if (perPoll == null || visibility == null) {
                return;
            }
            long worstSeconds = (worstMillis.applyAsLong(env) + 999) / 1000;
            if ((perPoll - 1) * worstSeconds >= visibility) {
                violations.add(new Violation(queue, perPoll, worstSeconds, visibility));
            }
        });
        return violations;
    }

    private static long ms(Environment env, String key) {
        return env.getProperty(key, Long.class, 0L);
    }
}
