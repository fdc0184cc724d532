package org.notifyoncamel.delivery;

import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.common.LoggedErrors;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.templates.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code delivery-errors} policy: a failed attempt gives its claim back and is retried on
 * retry-tasks (SMS: first retry at once, then every {@code retry-delay-seconds}; email: always the
 * delay) until {@code max-retries}, after which the notification is a technical-failure without a
 * service callback (notifications-api app/celery/provider_tasks.py and app/delivery/send_to_providers.py). Errors that
 * a retry cannot fix fail the notification at once.
 */
@Component("deliveryFailures")
public class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final DeliveryStore store;
    private final ObjectMapper mapper;
    private final int maxRetries;
    private final int retryDelay;
    private final int smsFirstRetryDelay;

    public DeliveryFailures(DeliveryStore store, ObjectMapper mapper,
                            @Value("${notify.delivery.max-retries}") int maxRetries,
                            @Value("${notify.delivery.retry-delay-seconds}") int retryDelay,
                            @Value("${notify.delivery.sms-first-retry-delay-seconds}") int smsFirstRetryDelay) {
        this.store = store;
        this.mapper = mapper;
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
        this.smsFirstRetryDelay = smsFirstRetryDelay;
    }

    /** Returns the retry to publish, or null when this notification is finished with. */
    public RetryMessage handle(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Task task = exchange.getProperty("task", Task.class);
        Object send = exchange.getProperty("send");
        if (task == null || error instanceof InvalidTaskException) {
            LOG.error("Deliver task dropped: {}", LoggedErrors.describe(error));
            return null;
        }
        String id = task.notificationId();
        if (send instanceof SimulatedSend) {
            // already marked as sent; a retry would find nothing to do (notifications-api app/celery/research_mode_tasks.py)
            LOG.warn("Notification {}: simulated receipt failed: {}", id, describe(error));
            return null;
        }
        String retryName = task.name();
        if (send instanceof SmsSend sms) {
            store.release(sms.notificationId(), sms.claimedAt(), sms.fragments(), Timestamps.now());
            retryName = Task.DELIVER_SMS;
        } else if (send instanceof EmailSend email) {
            store.release(email.notificationId(), email.claimedAt(), null, Timestamps.now());
            retryName = Task.DELIVER_EMAIL;
        }
        if (!retryable(error)) {
            LOG.warn("Notification {} set to technical-failure: {}", id, describe(error));
            technicalFailure(id);
            return null;
        }
        if (task.retries() >= maxRetries) {
            LOG.error("Notification {} set to technical-failure after {} retries: {}", id, task.retries(), describe(error));
            technicalFailure(id);
            return null;
        }
        boolean firstSmsRetry = task.retries() == 0 && Task.DELIVER_SMS.equals(retryName);
        int delay = firstSmsRetry ? smsFirstRetryDelay : retryDelay;
        if (error instanceof ProviderException) {
            LOG.warn("Notification {}: attempt {} failed ({}), retry in {} s", id, task.retries() + 1, LoggedErrors.describe(error), delay);
        } else {
            LOG.error("Notification {}: attempt {} failed, retry in {} s", id, task.retries() + 1, delay, LoggedErrors.redacted(error));
        }
        return new RetryMessage(task.retryMessage(mapper, retryName), delay);
    }

    private void technicalFailure(String id) {
        if (id != null) {
            store.technicalFailure(UUID.fromString(id), Timestamps.now());
        }
    }

    static boolean retryable(Throwable error) {
        if (error instanceof ProviderException p) {
            return p.retryable();
        }
        if (error instanceof software.amazon.awssdk.services.ses.model.SesException ses) {
            return ses.awsErrorDetails() == null || !"InvalidParameterValue".equals(ses.awsErrorDetails().errorCode());
        }
        return !(error instanceof InvalidRecipientException || error instanceof TemplateException);
    }

    private static String describe(Throwable error) {
        return LoggedErrors.describe(error);
    }
}
