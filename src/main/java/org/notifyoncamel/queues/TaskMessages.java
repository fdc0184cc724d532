package org.notifyoncamel.queues;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads queue messages into {@link Task}s. */
@Component("taskMessages")
public class TaskMessages {

    private final ObjectMapper mapper;

    public TaskMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a message; {@code defaultName} names the task when the message does not. */
    public Task read(@Body String body, String defaultName) {
        JsonNode node;
        try {
            node = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException("message is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidTaskException("message is not a JSON object");
        }
        ObjectNode args = (ObjectNode) node;
        String name = args.hasNonNull("task") ? args.get("task").asText() : defaultName;
        if (name == null || name.isBlank()) {
            throw new InvalidTaskException("message names no task");
        }
        int retries = args.path("retries").asInt(0);
        args.remove("task");
        args.remove("retries");
        return new Task(name, Math.max(retries, 0), args);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
