package org.notifyoncamel.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.ApiError;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading v2 request bodies and checking common schema rules (public-api.md 2 and 3.3). */
public final class V2Requests {

    public static final String INVALID_JSON = "Invalid JSON supplied in POST data";

    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private V2Requests() {
    }

    /**
     * The body as JSON, regardless of content type. Unparseable (or empty when {@code emptyIsObject}
     * is false) is a 400; falsy JSON values ({@code null, {}, [], "", 0, false}) become {@code {}}.
     * Any other non-object is returned as is, for the schema's type check.
     */
    public static JsonNode parse(byte[] body, boolean emptyIsObject) {
        if (body == null || body.length == 0) {
            if (emptyIsObject) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw ApiError.badRequest(INVALID_JSON);
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest(INVALID_JSON);
        }
        if (node == null || node.isMissingNode()) {
            if (emptyIsObject) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw ApiError.badRequest(INVALID_JSON);
        }
        return isFalsy(node) ? JsonNodeFactory.instance.objectNode() : node;
    }

    /** The body as an object, or the schema's root type error. */
    public static ObjectNode object(JsonNode node) {
        if (!node.isObject()) {
            new SchemaErrors().type(null, node, "object").throwIfAny();
        }
        return (ObjectNode) node;
    }

    static boolean isFalsy(JsonNode node) {
        return node.isNull() || (node.isContainerNode() && node.isEmpty()) || (node.isTextual() && node.asText().isEmpty())
                || (node.isNumber() && node.asDouble() == 0) || (node.isBoolean() && !node.asBoolean());
    }

    /** Names of properties that are not in the allowed set, in request order. */
    public static List<String> unexpected(ObjectNode body, Set<String> allowed) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = body.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!allowed.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** An optional string property; records the type error and returns null when it is not a string. */
    public static String string(ObjectNode body, String field, SchemaErrors errors) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.type(field, value, "string");
            return null;
        }
        return value.asText();
    }

    /** An optional UUID property (string accepted by Python's uuid.UUID). */
    public static UUID uuid(ObjectNode body, String field, SchemaErrors errors) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.notAUuid(field);
            return null;
        }
        return Uuids.parse(value.asText()).orElseGet(() -> {
            errors.notAUuid(field);
            return null;
        });
    }

    /** An optional object property. */
    public static ObjectNode object(ObjectNode body, String field, SchemaErrors errors) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.type(field, value, "object");
            return null;
        }
        return (ObjectNode) value;
    }
}
