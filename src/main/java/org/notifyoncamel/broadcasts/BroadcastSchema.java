package org.notifyoncamel.broadcasts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.templates.PythonValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The broadcast request bodies' schema checks (the {@code app/broadcast_message/broadcast_message_schema.py}
 * of notifications-api), each phrasing its message through the one builder, {@link SchemaErrors}, and
 * throwing them as one 400 ValidationError list.
 */
public final class BroadcastSchema {

    private final SchemaErrors errors = new SchemaErrors();

    public static BroadcastSchema start() {
        return new BroadcastSchema();
    }

    /** A message of the broadcast's own rules, with the field name already in it. */
    public BroadcastSchema add(String message) {
        errors.add(null, message);
        return this;
    }

    public BroadcastSchema uuid(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !Uuids.isValid(value.isTextual() ? value.asText() : null)) {
            errors.notAUuid(field);
        }
        return this;
    }

    public BroadcastSchema object(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isObject()) {
            errors.type(field, value, "object");
        }
        return this;
    }

    public BroadcastSchema string(ObjectNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isTextual()) {
            errors.type(field, value, "string");
            return this;
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (length < min) {
            errors.tooShort(field, value);
        } else if (length > max) {
            errors.tooLong(field, value);
        }
        return this;
    }

    /** A nullable ISO 8601 date-time ({@code 2021-02-05T12:00:00}, optionally with a zone). */
    public BroadcastSchema dateTime(ObjectNode body, String field, boolean nullable) {
        JsonNode value = body.get(field);
        if (value == null || (nullable && value.isNull())) {
            return this;
        }
        if (!value.isTextual()) {
            errors.type(field, value, nullable ? new String[] {"string", "null"} : new String[] {"string"});
        } else if (parseDateTime(value.asText()) == null) {
            errors.add(field, PythonValues.repr(value) + " is not a valid ISO 8601 date-time");
        }
        return this;
    }

    public BroadcastSchema stringArray(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isArray()) {
            errors.type(field, value, "array");
            return this;
        }
        value.forEach(item -> {
            if (!item.isTextual()) {
                errors.type(field, item, "string");
            }
        });
        return this;
    }

    /** simple_polygons: a list of polygons, each a list of [number, number] pairs. */
    public BroadcastSchema polygons(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isArray()) {
            errors.type(field, value, "array");
            return this;
        }
        for (JsonNode polygon : value) {
            if (!polygon.isArray()) {
                errors.type(field, polygon, "array");
                continue;
            }
            for (JsonNode pair : polygon) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                    errors.add(field, PythonValues.repr(pair) + " is not a pair of numbers");
                }
            }
        }
        return this;
    }

    public BroadcastSchema enumValue(ObjectNode body, String field, List<String> allowed) {
        JsonNode value = body.get(field);
        if (value != null && (!value.isTextual() || !allowed.contains(value.asText()))) {
            errors.notOneOf(field, value, allowed);
        }
        return this;
    }

    public BroadcastSchema required(ObjectNode body, String... fields) {
        for (String field : fields) {
            if (!body.has(field)) {
                errors.required(field);
            }
        }
        return this;
    }

    public BroadcastSchema noOtherProperties(ObjectNode body, List<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unexpected.add(name);
            }
        }
        errors.additionalProperties(unexpected);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        errors.throwIfAny();
    }

    /** ISO 8601 with or without an offset (a value without one is UTC); null when unparseable. */
    public static Instant parseDateTime(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
