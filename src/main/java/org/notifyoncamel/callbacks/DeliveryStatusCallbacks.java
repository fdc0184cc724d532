package org.notifyoncamel.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
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
 * and bearer token, into an encrypted task on service-callbacks; the sender POSTs the body to the service's current URL
 * with its current token (as GC Notify now does), or drops it when the callback was deleted. What follows an attempt
 * (retry with backoff, suspension, parking) is {@link CallbackCircuit}'s, shared with inbound SMS; the task
 * names its {@code service_id} in clear for that circuit and for {@link CallbackSlots}. Reads
 * service_callback_api (written by the internal API) and never changes it.
 */
@Component("deliveryStatusCallbacks")
public class DeliveryStatusCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusCallbacks.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final CallbackPoster poster;
    private final CallbackCircuit circuit;

    public DeliveryStatusCallbacks(JdbcTemplate jdbc, SecretCipher cipher, ObjectMapper mapper, CallbackPoster poster, CallbackCircuit circuit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.mapper = mapper;
        this.poster = poster;
        this.circuit = circuit;
    }

    /**
     * The send-delivery-status task for the notification's current state, if its service has a delivery-status
     * callback; empty too when the service's callbacks are suspended: the task is parked instead of queued (GC Notify's
     * "do not queue while suspended", without losing the status; docs/adr/0170).
     */
    public Optional<String> deliveryStatusTask(UUID notificationId) {
        return jdbc.query("""
                SELECT n.id, n.client_reference, n."to", n.notification_status, n.created_at, n.updated_at, n.sent_at,
                       n.notification_type::text, c.url, c.bearer_token, n.service_id, coalesce(k.is_suspended, false)
                FROM notifications n
                JOIN service_callback_api c ON c.service_id = n.service_id AND c.callback_type = 'delivery_status'
                LEFT JOIN service_callback_circuits k ON k.service_id = n.service_id
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
            return task(Task.DELIVERY_STATUS_CALLBACK, notificationId, rs.getObject(11, UUID.class), rs.getString(9), rs.getString(10), body,
                    rs.getBoolean(12));
        }, notificationId);
    }

    /** The send-complaint task, if the service has a complaint callback (parked instead while suspended). */
    public Optional<String> complaintTask(UUID notificationId, UUID complaintId, String complainedRecipient, String complaintDate) {
        return jdbc.query("""
                SELECT n.client_reference, c.url, c.bearer_token, n.service_id, coalesce(k.is_suspended, false)
                FROM notifications n
                JOIN service_callback_api c ON c.service_id = n.service_id AND c.callback_type = 'complaint'
                LEFT JOIN service_callback_circuits k ON k.service_id = n.service_id
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
            return task(Task.COMPLAINT_CALLBACK, notificationId, rs.getObject(4, UUID.class), rs.getString(2), rs.getString(3), body, rs.getBoolean(5));
        }, notificationId);
    }

    private Optional<String> task(String name, UUID notificationId, UUID serviceId, String url, String encryptedToken, Map<String, Object> body,
                                  boolean suspended) {
        // url and token stay in the blob as in the original's (a worker of the previous version may read it); the
        // sender uses the service's current ones
        ObjectNode snapshot = mapper.createObjectNode();
        snapshot.put("url", url);
        snapshot.put("bearer_token", cipher.decrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, encryptedToken));
        snapshot.set("body", mapper.valueToTree(body));
        ObjectNode message = mapper.createObjectNode();
        message.put("task", name);
        message.put("notification_id", notificationId.toString());
        message.put("service_id", serviceId.toString());
        // the snapshot holds the bearer token and the recipient: encrypted on the queue
        message.put("payload", cipher.encrypt(SecretColumn.CALLBACK_TASK_PAYLOAD, snapshot.toString()));
        if (suspended) {
            circuit.parkInsteadOfQueueing(serviceId, message.toString(), name + " for notification " + notificationId);
            return Optional.empty();
        }
        return Optional.of(message.toString());
    }

    /** Sends one callback task. Returns the retry to publish, or null when done (delivered, refused or parked). */
    public RetryMessage send(@Body Task task) {
        String id = task.notificationId();
        String what = task.name() + " for notification " + id;
        UUID serviceId = serviceId(task);
        if (circuit.parkedWhileSuspended(serviceId, task, what)) {
            return null;
        }
        Optional<CallbackApiStore.Endpoint> current = currentEndpoint(serviceId, task.name());
        if (current.isEmpty()) {
            LOG.info("{} not sent: the service no longer has this callback", what);
            return null;
        }
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
        // the current URL and token, not the snapshot's: a service that fixed its endpoint gets its parked callbacks there
        CallbackPoster.Attempt attempt = poster.post(current.get().url(), current.get().bearerToken(), snapshot.path("body").toString());
        return circuit.after(serviceId, task, attempt, what);
    }

    private Optional<CallbackApiStore.Endpoint> currentEndpoint(UUID serviceId, String taskName) {
        String type = Task.COMPLAINT_CALLBACK.equals(taskName) ? "complaint" : "delivery_status";
        return jdbc.query("SELECT id, url, bearer_token FROM service_callback_api WHERE service_id = ? AND callback_type = ?",
                (rs, n) -> new CallbackApiStore.Endpoint(rs.getObject(1, UUID.class), rs.getString(2),
                        cipher.decrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, rs.getString(3))), serviceId, type).stream().findFirst();
    }

    /** The task's service; tasks queued before they carried it are looked up by their notification. */
    private UUID serviceId(Task task) {
        Optional<UUID> named = Uuids.parse(task.text("service_id"));
        if (named.isPresent()) {
            return named.get();
        }
        UUID notificationId = Uuids.parse(task.notificationId()).orElseThrow(() -> new InvalidTaskException("callback task without notification_id"));
        return jdbc.queryForList("SELECT service_id FROM notifications WHERE id = ? UNION ALL SELECT service_id FROM notification_history WHERE id = ?",
                UUID.class, notificationId, notificationId).stream().findFirst()
                .orElseThrow(() -> new InvalidTaskException("callback task of an unknown notification"));
    }
}
