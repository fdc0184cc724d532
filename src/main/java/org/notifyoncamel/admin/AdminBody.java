package org.notifyoncamel.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.http.AdminError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of an internal-API body the way the original's marshmallow schemas answered:
 * every problem is collected as {@code {"field": ["message"]}} and {@link #check()} throws one 400
 * {@code {"result":"error","message":{...}}}. Wrong types, bad enum values, over-long strings and
 * malformed ids are all 400s here, never a database error.
 */
public final class AdminBody {

    public static final String MISSING = "Missing data for required field.";

    private final ObjectNode node;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public AdminBody(ObjectNode node) {
        this.node = node;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** Fields outside {@code allowed} (and not in {@code ignored}) are reported as unknown. */
    public AdminBody onlyKnown(Set<String> allowed, Set<String> ignored) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field) && !ignored.contains(field)) {
                error(field, "Unknown field.");
            }
        });
        return this;
    }

    public AdminBody required(String... fields) {
        for (String field : fields) {
            if (!node.hasNonNull(field)) {
                error(field, MISSING);
            }
        }
        return this;
    }

    /** A string of at most {@code maxLength} characters, or null when absent or null. */
    public String string(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error(field, "Not a valid string.");
            return null;
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            error(field, "Longer than maximum length " + maxLength + ".");
            return null;
        }
        return text;
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && Set.of("true", "True", "false", "False").contains(value.asText())) {
            return Boolean.parseBoolean(value.asText().toLowerCase(java.util.Locale.ROOT));
        }
        error(field, "Not a valid boolean.");
        return null;
    }

    /** A whole number in [min, max] (a JSON number or a string of digits, as marshmallow accepted). */
    public Long integer(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Long number = null;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            number = Long.parseLong(value.asText());
        }
        if (number == null) {
            error(field, "Not a valid integer.");
            return null;
        }
        if (number < min || number > max) {
            error(field, "Must be between " + min + " and " + max + ".");
            return null;
        }
        return number;
    }

    public UUID uuid(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        UUID id = value.isTextual() ? AdminIds.parse(value.asText()) : null;
        if (id == null) {
            error(field, "Not a valid UUID.");
        }
        return id;
    }

    public String oneOf(String field, Collection<String> values) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !values.contains(value.asText())) {
            error(field, "Must be one of: " + String.join(", ", values) + ".");
            return null;
        }
        return value.asText();
    }

    /** A timestamp as the original printed it ({@code 2021-02-01 12:00:00.000000}) or ISO 8601; UTC when no offset. */
    public Instant timestamp(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            try {
                return OffsetDateTime.parse(text.replace(' ', 'T').replace("Z", "+00:00")).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    // reported below
                }
            }
        }
        error(field, "Not a valid datetime.");
        return null;
    }

    public AdminBody error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the collected problems as one 400. */
    public void check() {
        if (!errors.isEmpty()) {
            throw AdminError.badRequest(new LinkedHashMap<>(errors));
        }
    }
}
