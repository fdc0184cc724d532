package org.notifyoncamel.broadcasts;

import java.io.IOException;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The messages on the broadcast-tasks queue: {@code send-broadcast-event} (fan out an event to the
 * networks) and {@code send-broadcast-provider-message} (send one event to one network), as JSON
 * {@code {"task": ..., "broadcast_event_id": ..., "provider": ...}}.
 */
@Component("broadcastTasks")
public class BroadcastTasks {

    public static final String SEND_EVENT = "send-broadcast-event";
    public static final String SEND_PROVIDER_MESSAGE = "send-broadcast-provider-message";
    /** Exchange properties set by {@link #read}. */
    public static final String TASK = "broadcastTask";
    public static final String EVENT_ID = "broadcastEventId";
    public static final String PROVIDER = "broadcastProvider";
    /** Exchange property: the fan-out task of a committed event, published by route publish-broadcast-event. */
    public static final String EVENT_TASK = "broadcastEventTask";

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastTasks.class);

    private final ObjectMapper mapper;

    public BroadcastTasks(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String eventTask(UUID eventId) {
        return mapper.createObjectNode().put("task", SEND_EVENT).put("broadcast_event_id", eventId.toString()).toString();
    }

    public String providerMessageTask(UUID eventId, CbcNetwork network) {
        return mapper.createObjectNode().put("task", SEND_PROVIDER_MESSAGE).put("broadcast_event_id", eventId.toString())
                .put("provider", network.id()).toString();
    }

    /**
     * Reads a task into exchange properties. A message that is not a task we know is marked
     * {@code invalid} (the route logs and drops it) rather than failing forever on the queue.
     */
    public void read(@Body String body, Exchange exchange) {
        String task = "invalid";
        try {
            JsonNode node = mapper.readTree(body == null ? "" : body);
            String name = node == null ? null : node.path("task").asText(null);
            UUID eventId = node == null ? null : org.notifyoncamel.common.Uuids.parse(node.path("broadcast_event_id").asText(null)).orElse(null);
            if (SEND_EVENT.equals(name) && eventId != null) {
                task = SEND_EVENT;
            } else if (SEND_PROVIDER_MESSAGE.equals(name) && eventId != null
                    && CbcNetwork.of(node.path("provider").asText("")).isPresent()) {
                task = SEND_PROVIDER_MESSAGE;
                exchange.setProperty(PROVIDER, node.path("provider").asText());
            }
            exchange.setProperty(EVENT_ID, eventId);
        } catch (IOException e) {
            LOG.warn("A broadcast-tasks message is not JSON");
        }
        exchange.setProperty(TASK, task);
    }
}
