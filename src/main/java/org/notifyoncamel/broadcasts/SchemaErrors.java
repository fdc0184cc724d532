package org.notifyoncamel.broadcasts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.templates.PythonValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects JSON-schema style validation messages for broadcast request bodies, built as the spec's
 * section 3.3 says (field name first, Python reprs, single quotes dropped), and throws them as one
 * 400 ValidationError list.
 */
public final class SchemaErrors {

    private final Set<String> messages = new LinkedHashSet<>();

    public static SchemaErrors start() {
        return new SchemaErrors();
    }

    public SchemaErrors add(String message) {
        messages.add(message.replace("'", ""));
        return this;
    }

    public SchemaErrors uuid(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !Uuids.isValid(value.isTextual() ? value.asText() : null)) {
            add(field + " is not a valid UUID");
        }
        return this;
    }

    public SchemaErrors object(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isObject()) {
            add(field + " " + PythonValues.repr(value) + " is not of type object");
        }
        return this;
    }

    public SchemaErrors string(ObjectNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isTextual()) {
            return add(field + " " + PythonValues.repr(value) + " is not of type string");
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (length < min) {
            add(field + " " + PythonValues.repr(value) + " is too short");
        } else if (length > max) {
            add(field + " " + PythonValues.repr(value) + " is too long");
        }
        return this;
    }

    /** A nullable ISO 8601 date-time ({@code 2021-02-05T12:00:00}, optionally with a zone). */
    public SchemaErrors dateTime(ObjectNode body, String field, boolean nullable) {
        JsonNode value = body.get(field);
        if (value == null || (nullable && value.isNull())) {
            return this;
        }
        if (!value.isTextual()) {
            return add(field + " " + PythonValues.repr(value) + " is not of type " + (nullable ? "string, null" : "string"));
        }
        if (parseDateTime(value.asText()) == null) {
            add(field + " " + PythonValues.repr(value) + " is not a valid ISO 8601 date-time");
        }
        return this;
    }

    public SchemaErrors stringArray(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isArray()) {
            return add(field + " " + PythonValues.repr(value) + " is not of type array");
        }
        value.forEach(item -> {
            if (!item.isTextual()) {
                add(field + " " + PythonValues.repr(item) + " is not of type string");
            }
        });
        return this;
    }

    /** simple_polygons: a list of polygons, each a list of [number, number] pairs. */
    public SchemaErrors polygons(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return this;
        }
        if (!value.isArray()) {
            return add(field + " " + PythonValues.repr(value) + " is not of type array");
        }
        for (JsonNode polygon : value) {
            if (!polygon.isArray()) {
                add(field + " " + PythonValues.repr(polygon) + " is not of type array");
                continue;
            }
            for (JsonNode pair : polygon) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                    add(field + " " + PythonValues.repr(pair) + " is not a pair of numbers");
                }
            }
        }
        return this;
    }

    public SchemaErrors enumValue(ObjectNode body, String field, List<String> allowed) {
        JsonNode value = body.get(field);
        if (value != null && (!value.isTextual() || !allowed.contains(value.asText()))) {
            add(field + " " + PythonValues.repr(value) + " is not one of " + PythonValues.repr(allowed));
        }
        return this;
    }

    public SchemaErrors required(ObjectNode body, String... fields) {
        for (String field : fields) {
            if (!body.has(field)) {
                add(field + " is a required property");
            }
        }
        return this;
    }

    public SchemaErrors noOtherProperties(ObjectNode body, List<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unexpected.add(name);
            }
        }
        if (!unexpected.isEmpty()) {
            add("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw ApiError.validation(List.copyOf(messages));
        }
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
