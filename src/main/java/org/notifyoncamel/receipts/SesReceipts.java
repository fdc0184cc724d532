package org.notifyoncamel.receipts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.ops.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * process-ses-result (workers.md 3.7). Accepts the SNS envelope (its {@code Message} is the SES
 * notification as a string) or the SES notification itself. Bounces and deliveries update every
 * sending/pending notification with the SES message id; complaints are recorded. A receipt for a
 * reference not visible yet is retried while its mail is less than 5 minutes old.
 */
@Component("sesReceipts")
public class SesReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(SesReceipts.class);
    private static final Duration YOUNG = Duration.ofMinutes(5);

    private final ReceiptStore store;
    private final DeliveryStatusCallbacks callbacks;
    private final ObjectMapper mapper;
    private final int notFoundDelay;
    private final NotifyMetrics metrics;

    public SesReceipts(ReceiptStore store, DeliveryStatusCallbacks callbacks, ObjectMapper mapper, NotifyMetrics metrics,
                       @Value("${notify.receipts.not-found-retry-delay-seconds}") int notFoundDelay) {
        this.metrics = metrics;
        this.store = store;
        this.callbacks = callbacks;
        this.mapper = mapper;
        this.notFoundDelay = notFoundDelay;
    }

    public ReceiptResult process(@Body Task task) {
        JsonNode message = sesMessage(task);
        String type = message.path("notificationType").asText("");
        String reference = message.path("mail").path("messageId").asText(null);
        if (reference == null || reference.isBlank()) {
            throw new InvalidTaskException("SES notification without mail.messageId");
        }
        Instant now = Timestamps.now();
        switch (type) {
            case "Bounce", "Delivery" -> {
                String status = "Delivery".equals(type) ? "delivered"
                        : "Permanent".equals(message.path("bounce").path("bounceType").asText()) ? "permanent-failure" : "temporary-failure";
                List<UUID> updated = store.updateEmailByReference(reference, status, now);
                if (updated.isEmpty()) {
                    if (store.findByReference(reference).isEmpty()) {
                        return notFound(task, message, reference, now);
                    }
                    // the send's confirmation (which sets the reference) may have committed between the two
                    // statements: the row is visible now, so the update decides
                    updated = store.updateEmailByReference(reference, status, now);
                    if (updated.isEmpty()) {
                        LOG.warn("SES {} for reference {}: notification no longer sending, ignored", type, reference);
                        return ReceiptResult.done();
                    }
                }
                List<String> tasks = new ArrayList<>();
                for (UUID id : updated) {
                    LOG.info("SES callback: notification {} is {}", id, status);
                    metrics.finalStatus("email", "ses", status);
                    callbacks.deliveryStatusTask(id).ifPresent(tasks::add);
                }
                return ReceiptResult.withCallbacks(tasks);
            }
            case "Complaint" -> {
                Optional<ReceiptStore.Sent> sent = store.findByReference(reference);
                if (sent.isEmpty()) {
                    return notFound(task, message, reference, now);
                }
                JsonNode complaint = message.path("complaint");
                Instant date = parseInstant(complaint.path("timestamp").asText(null)).orElse(now);
                UUID complaintId = store.insertComplaint(sent.get(), complaint.path("feedbackId").asText(null),
                        complaint.path("complaintFeedbackType").asText(null), date);
                LOG.info("SES complaint {} recorded for notification {}", complaintId, sent.get().id());
                String recipient = complaint.path("complainedRecipients").path(0).path("emailAddress").asText(null);
                return ReceiptResult.withCallbacks(callbacks.complaintTask(sent.get().id(), complaintId, recipient,
                        Timestamps.iso(date)).map(List::of).orElse(List.of()));
            }
            default -> {
                LOG.warn("SES notification of type '{}' ignored", type);
                return ReceiptResult.done();
            }
        }
    }

    private ReceiptResult notFound(Task task, JsonNode message, String reference, Instant now) {
        Optional<Instant> sentAt = parseInstant(message.path("mail").path("timestamp").asText(null));
        if (sentAt.isPresent() && sentAt.get().isAfter(now.minus(YOUNG))) {
            int delay = ReceiptResult.notFoundRetryDelay(task.retries(), notFoundDelay);
            LOG.info("SES receipt for reference {} before its notification is visible: retry in {} s", reference, delay);
            return ReceiptResult.retryLater(new RetryMessage(task.retryMessage(mapper, Task.SES_RECEIPT), delay));
        }
        LOG.warn("SES receipt for unknown reference {} dropped", reference);
        return ReceiptResult.done();
    }

    private JsonNode sesMessage(Task task) {
        JsonNode inner = task.args().get("Message");
        if (inner != null && inner.isTextual()) {
            try {
                return mapper.readTree(inner.asText());
            } catch (JsonProcessingException e) {
                throw new InvalidTaskException("SNS Message is not JSON");
            }
        }
        if (inner != null && inner.isObject()) {
            return inner;
        }
        return task.args();
    }

    private static Optional<Instant> parseInstant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
