package org.notifyoncamel.http;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads request bodies as JSON objects; malformed JSON is a 400 in the caller's error shape, never a 500. */
@Component
public class JsonRequests {

    private final ObjectMapper mapper;

    public JsonRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An internal-API body: a JSON object, or a 400 {"result":"error","message":"..."}. An empty body is an empty object. */
    public ObjectNode adminObject(byte[] body) {
        JsonNode node = parse(body, () -> AdminError.badRequest("Invalid JSON supplied in POST data"));
        if (!node.isObject()) {
            throw AdminError.badRequest("Invalid JSON supplied in POST data: the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A v2 body: a JSON object, or 400 {"status_code":400,"errors":[{"error":"ValidationError","message":"..."}]}. */
    public ObjectNode apiObject(byte[] body) {
        JsonNode node = parse(body, () -> ApiError.badRequest("Invalid JSON supplied in POST data"));
        if (!node.isObject()) {
            throw ApiError.validation(node.toString() + " is not of type object");
        }
        return (ObjectNode) node;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode parse(byte[] body, java.util.function.Supplier<RuntimeException> invalid) {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            throw invalid.get();
        }
    }
}
