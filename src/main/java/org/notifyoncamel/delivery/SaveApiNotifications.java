package org.notifyoncamel.delivery;

import org.notifyoncamel.queues.DeadLetter;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.common.LoggedErrors;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * save-api-sms / save-api-email (notifications-api app/celery/tasks.py (save_api_sms, save_api_email)): persist the notification the API has already
 * answered for (insert if absent), then hand it to the deliver queue. A redelivered message finds
 * the row and enqueues the deliver task again while it is still {@code created}, which is safe
 * because delivery is idempotent, and means a crash between insert and enqueue loses nothing.
 */
@Component("saveApiNotifications")
public class SaveApiNotifications {

    public record DeliverTask(String queue, String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SaveApiNotifications.class);

    private enum Kind { UUID, INT, TEXT, BOOL, NUMERIC, TIMESTAMP, TYPE }

    private static final Map<String, Kind> COLUMNS = Map.ofEntries(
            Map.entry("id", Kind.UUID), Map.entry("to", Kind.TEXT), Map.entry("normalised_to", Kind.TEXT),
            Map.entry("job_id", Kind.UUID), Map.entry("job_row_number", Kind.INT), Map.entry("service_id", Kind.UUID),
            Map.entry("template_id", Kind.UUID), Map.entry("template_version", Kind.INT), Map.entry("api_key_id", Kind.UUID),
            Map.entry("key_type", Kind.TEXT), Map.entry("billable_units", Kind.INT), Map.entry("notification_type", Kind.TYPE),
            Map.entry("created_at", Kind.TIMESTAMP), Map.entry("sent_at", Kind.TIMESTAMP), Map.entry("updated_at", Kind.TIMESTAMP),
            Map.entry("sent_by", Kind.TEXT), Map.entry("notification_status", Kind.TEXT), Map.entry("reference", Kind.TEXT),
            Map.entry("client_reference", Kind.TEXT), Map.entry("_personalisation", Kind.TEXT), Map.entry("international", Kind.BOOL),
            Map.entry("phone_prefix", Kind.TEXT), Map.entry("rate_multiplier", Kind.NUMERIC), Map.entry("created_by_id", Kind.UUID),
            Map.entry("reply_to_text", Kind.TEXT), Map.entry("document_download_count", Kind.INT), Map.entry("postage", Kind.TEXT),
            Map.entry("one_click_unsubscribe_url", Kind.TEXT));

    private static final List<String> REQUIRED = List.of("id", "service_id", "template_id", "template_version", "to", "notification_type");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final int maxRetries;
    private final int retryDelay;

    public SaveApiNotifications(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper,
                                @Value("${notify.delivery.save-max-retries}") int maxRetries,
                                @Value("${notify.delivery.save-first-retry-delay-seconds}") int retryDelay) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
    }

    /** Inserts the row if absent; returns the deliver task to publish, or null when the row has moved on. */
    public DeliverTask save(@Body Task task) {
        JsonNode notification = task.args().get("notification");
        if (notification == null || !notification.isObject()) {
            throw new InvalidTaskException(task.name() + " without a notification object");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        notification.properties().forEach(field -> {
            String column = "status".equals(field.getKey()) ? "notification_status" : field.getKey();
            Kind kind = COLUMNS.get(column);
            if (kind == null || params.hasValue(column)) {
                return;
            }
            params.addValue(column, value(column, kind, field.getValue()));
            columns.add(column.equals("to") ? "\"to\"" : column);
            values.add(kind == Kind.TYPE ? "CAST(:" + column + " AS notification_type)" : ":" + column);
        });
        for (String required : REQUIRED) {
            if (!params.hasValue(required) || params.getValue(required) == null) {
                throw new InvalidTaskException(task.name() + ": notification." + required + " missing");
            }
        }
        if (!params.hasValue("created_at") || params.getValue("created_at") == null) {
            params.addValue("created_at", Timestamps.toSql(Timestamps.now()));
            columns.add("created_at");
            values.add(":created_at");
        }
        if (!params.hasValue("key_type") || params.getValue("key_type") == null) {
            params.addValue("key_type", "normal");
            columns.add("key_type");
            values.add(":key_type");
        }
        if (!params.hasValue("notification_status") || params.getValue("notification_status") == null) {
            params.addValue("notification_status", "created");
            columns.add("notification_status");
            values.add(":notification_status");
        }
        UUID id = (UUID) params.getValue("id");
        int inserted = jdbc.update("INSERT INTO notifications (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ") ON CONFLICT (id) DO NOTHING", params);
        if (inserted == 0) {
            LOG.info("Notification {} already exists", id);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT n.notification_status, n.notification_type::text AS type, (s.research_mode OR n.key_type = 'test') AS simulated
                FROM notifications n JOIN services s ON s.id = n.service_id WHERE n.id = :id""", Map.of("id", id));
        if (rows.isEmpty() || !"created".equals(rows.get(0).get("notification_status"))) {
            return null;
        }
        String queue = Boolean.TRUE.equals(rows.get(0).get("simulated")) ? QueueNames.RESEARCH_MODE
                : "email".equals(rows.get(0).get("type")) ? QueueNames.SEND_EMAIL : QueueNames.SEND_SMS;
        return new DeliverTask(queue, mapper.createObjectNode().put("notification_id", id.toString()).toString());
    }

    /**
     * The {@code save-errors} policy (ADR 0192): the notification was answered 201, so its save task is never
     * dropped. Unreadable tasks go to {@code dead-letter-tasks} at once; other failures are retried after
     * {@code first-delay x 2^retries} seconds (at most SQS's 900), and after {@code save-max-retries} they go to
     * {@code dead-letter-tasks} too, for the {@code replay-dead-letters} command. Returns a {@link RetryMessage}
     * or a {@link DeadLetter}; null only when the exchange holds no task at all.
     */
    public Object failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Task task = exchange.getProperty("task", Task.class);
        if (task == null) {
            LOG.error("Save task without a readable task dropped: {}", LoggedErrors.describe(error));
            return null;
        }
        if (error instanceof InvalidTaskException || task.retries() >= maxRetries) {
            LOG.error("{} given up after {} retries: kept on {} for replay-dead-letters", task.name(), task.retries(),
                    QueueNames.DEAD_LETTERS, LoggedErrors.redacted(error));
            return task.deadLetter(error);
        }
        int delay = retryDelaySeconds(task.retries());
        LOG.error("{} failed, retry {} in {} s", task.name(), task.retries() + 1, delay, LoggedErrors.redacted(error));
        return new RetryMessage(task.retryMessage(mapper, task.name()), delay);
    }

    /** The delay before retry {@code retries + 1}: doubling from the first delay, at most SQS's maximum. */
    int retryDelaySeconds(int retries) {
        long delay = (long) retryDelay << Math.min(retries, 20);
        return (int) Math.min(RetryMessage.SQS_MAX_DELAY, delay);
    }

    private static Object value(String column, Kind kind, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (kind) {
            case UUID -> Uuids.parse(node.asText()).orElseThrow(() -> new InvalidTaskException("notification." + column + " is not a UUID"));
            case INT -> {
                if (!node.canConvertToInt()) {
                    throw new InvalidTaskException("notification." + column + " is not an integer");
                }
                yield node.asInt();
            }
            case BOOL -> node.asBoolean();
            case NUMERIC -> new java.math.BigDecimal(node.asText());
            case TIMESTAMP -> timestamp(column, node.asText());
            case TEXT, TYPE -> node.asText();
        };
    }

    static Timestamp timestamp(String column, String text) {
        try {
            return Timestamps.toSql(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                Instant instant = LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                return Timestamps.toSql(instant);
            } catch (DateTimeParseException again) {
                throw new InvalidTaskException("notification." + column + " is not a timestamp");
            }
        }
    }
}
