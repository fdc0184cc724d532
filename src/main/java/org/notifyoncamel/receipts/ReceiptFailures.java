package org.notifyoncamel.receipts;

import org.notifyoncamel.common.LoggedErrors;
import org.apache.camel.Exchange;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code receipt-errors} policy: an unexpected error retries the receipt on retry-tasks (5 x 300 s by default). */
@Component("receiptFailures")
public class ReceiptFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptFailures.class);

    private final ObjectMapper mapper;
    private final int delay;
    private final int maxRetries;

    public ReceiptFailures(ObjectMapper mapper, @Value("${notify.receipts.error-retry-delay-seconds}") int delay,
                           @Value("${notify.receipts.error-max-retries}") int maxRetries) {
        this.mapper = mapper;
        this.delay = delay;
        this.maxRetries = maxRetries;
    }

    public RetryMessage handle(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Task task = exchange.getProperty("task", Task.class);
        if (task == null || error instanceof InvalidTaskException) {
            LOG.error("Receipt dropped: {}", LoggedErrors.describe(error));
            return null;
        }
        if (task.retries() >= maxRetries) {
            LOG.error("{} given up after {} retries", task.name(), task.retries(), LoggedErrors.redacted(error));
            return null;
        }
        LOG.error("{} failed, retry in {} s", task.name(), delay, LoggedErrors.redacted(error));
        return new RetryMessage(task.retryMessage(mapper, task.name()), delay);
    }
}
