package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.queues.DeadLetter;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A save task is never dropped (ADR 0192): retried with a doubling delay, then dead-lettered with its error's class only. */
class SaveApiNotificationsRetryTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void retryDelaysDoubleFromTheFirstDelayUpToSqsMaximum() {
        SaveApiNotifications policy = new SaveApiNotifications(null, mapper, 12, 30);
        assertThat(policy.retryDelaySeconds(0)).isEqualTo(30);
        assertThat(policy.retryDelaySeconds(1)).isEqualTo(60);
        assertThat(policy.retryDelaySeconds(4)).isEqualTo(480);
        assertThat(policy.retryDelaySeconds(5)).isEqualTo(RetryMessage.SQS_MAX_DELAY);
        assertThat(policy.retryDelaySeconds(40)).isEqualTo(RetryMessage.SQS_MAX_DELAY);
    }

    @Test
    void aFailingSaveIsRetriedUntilItsLastRetryThenDeadLetteredWithTheErrorClassOnly() throws Exception {
        SaveApiNotifications policy = new SaveApiNotifications(null, mapper, 3, 30);
        ObjectNode args = mapper.createObjectNode();
        args.putObject("notification").put("to", "07700900123");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("secret 07700900123"));
            exchange.setProperty("task", new Task("save-api-sms", 2, args));
            assertThat(policy.failed(exchange)).isInstanceOfSatisfying(RetryMessage.class,
                    retry -> assertThat(retry.delaySeconds()).isEqualTo(120));
            exchange.setProperty("task", new Task("save-api-sms", 3, args));
            assertThat(policy.failed(exchange)).isInstanceOfSatisfying(DeadLetter.class, dead -> {
                assertThat(dead.message()).contains("\"task\":\"save-api-sms\"", "\"retries\":3",
                        "\"dead_letter_error\":\"java.lang.IllegalStateException\"").doesNotContain("secret");
            });
        }
    }
}
