package org.notifyoncamel.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Service callbacks (notifications-api app/celery/service_callback_tasks.py): a status change is snapshotted, with the service's callback URL
 * and bearer token, into an encrypted task on service-callbacks; the sender POSTs it. Connection
 * errors, timeouts and 5xx are retried on retry-tasks (max {@code notify.callbacks.max-retries});
 * 4xx are not ({@link CallbackPoster}). Reads service_callback_api (written by the internal API) and never changes it.
 */
@Component("deliveryStatusCallbacks")
public class DeliveryStatusCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusCallbacks.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final CallbackPoster poster;

    public DeliveryStatusCallbacks(JdbcTemplate jdbc, SecretCipher cipher, ObjectMapper mapper, CallbackPoster poster) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.mapper = mapper;
        this.poster = poster;
    }

    /** The send-delivery-status task for the notification's current state, if its service has a delivery-status callback. */
    public Optional<String> deliveryStatusTask(UUID notificationId) {
        return jdbc.query("""
                SELECT n.id, n.client_reference, n."to", n.notification_status, n.created_at, n.updated_at, n.sent_at,
                       n.notification_type::text, c.url, c.bearer_token
                FROM notifications n
                JOIN service_callback_api c ON c.service_id = n.service_id AND c.callback_type = 'delivery_status'
                WHERE n.id = ?""", rs -> {
            if (!rs.next()) {
                return Optional.<String>empty();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", rs.getObject(1, UUID.class).toString());
            body.put("reference", rs.getString(2));
            body.put("to", rs.getString(3));
            body.put("status", rs.getString(4));
            body.put("created_at", Timestamps.iso(rs.getTimestamp(5)));
            body.put("completed_at", Timestamps.iso(rs.getTimestamp(6)));
            body.put("sent_at", Timestamps.iso(rs.getTimestamp(7)));
            body.put("notification_type", rs.getString(8));
            return Optional.of(task(Task.DELIVERY_STATUS_CALLBACK, notificationId, rs.getString(9), rs.getString(10), body));
        }, notificationId);
    }

    /** The send-complaint task, if the service has a complaint callback. */
    public Optional<String> complaintTask(UUID notificationId, UUID complaintId, String complainedRecipient, String complaintDate) {
        return jdbc.query("""
                SELECT n.client_reference, c.url, c.bearer_token
                FROM notifications n
                JOIN service_callback_api c ON c.service_id = n.service_id AND c.callback_type = 'complaint'
                WHERE n.id = ?""", rs -> {
            if (!rs.next()) {
                return Optional.<String>empty();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("notification_id", notificationId.toString());
            body.put("complaint_id", complaintId.toString());
            body.put("reference", rs.getString(1));
            body.put("to", complainedRecipient);
            body.put("complaint_date", complaintDate);
            return Optional.of(task(Task.COMPLAINT_CALLBACK, notificationId, rs.getString(2), rs.getString(3), body));
        }, notificationId);
    }

    private String task(String name, UUID notificationId, String url, String encryptedToken, Map<String, Object> body) {
        ObjectNode snapshot = mapper.createObjectNode();
        snapshot.put("url", url);
        snapshot.put("bearer_token", cipher.decrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, encryptedToken));
        snapshot.set("body", mapper.valueToTree(body));
        ObjectNode message = mapper.createObjectNode();
        message.put("task", name);
        message.put("notification_id", notificationId.toString());
        // the snapshot holds the bearer token and the recipient: encrypted on the queue
        message.put("payload", cipher.encrypt(SecretColumn.CALLBACK_TASK_PAYLOAD, snapshot.toString()));
        return message.toString();
    }

    /** Sends one callback task. Returns the retry to publish, or null when done (delivered, refused or given up). */
    public RetryMessage send(@Body Task task) {
        JsonNode snapshot;
        try {
            String payload = task.text("payload");
            if (payload == null) {
                throw new InvalidTaskException("callback task without payload");
            }
            snapshot = mapper.readTree(cipher.decrypt(SecretColumn.CALLBACK_TASK_PAYLOAD, payload));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidTaskException("callback task payload unreadable");
        }
        String id = task.notificationId();
        CallbackPoster.Attempt attempt = poster.post(snapshot.path("url").asText(), snapshot.path("bearer_token").asText(),
                snapshot.path("body").toString());
        switch (attempt.outcome()) {
            case SENT -> {
                LOG.info("{} for notification {} sent ({})", task.name(), id, attempt.status());
                return null;
            }
            case NOT_ALLOWED -> {
                LOG.warn("{} for notification {} not sent: callback URL refused (not https or not a public address)", task.name(), id);
                return null;
            }
            case REFUSED -> {
                LOG.warn("{} for notification {} refused with {}: not retried", task.name(), id, attempt.status());
                return null;
            }
            default -> {
                if (!poster.retryAfter(attempt, task.retries())) {
                    LOG.warn("{} for notification {} given up after {} retries (last {})", task.name(), id, task.retries(), attempt.describe());
                    return null;
                }
                LOG.warn("{} for notification {} failed ({}), retry in {} s", task.name(), id, attempt.describe(), poster.retryDelaySeconds());
                return new RetryMessage(task.retryMessage(mapper, task.name()), poster.retryDelaySeconds());
            }
        }
    }
}
