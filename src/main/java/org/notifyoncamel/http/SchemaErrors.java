package org.notifyoncamel.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.notifyoncamel.templates.PythonValues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one builder of JSON-schema error messages, with the original's construction (the
 * {@code app/schema_validation/__init__.py} of notifications-api): jsonschema's message templates with
 * Python reprs, every single quote removed, the first path element as prefix; the UUID fields' custom
 * message; duplicates dropped, first occurrence kept. {@link JsonSchemaChecks} (declarative schemas),
 * the v2 request readers and the broadcast schemas all phrase their messages here.
 */
public final class SchemaErrors {

    private final Set<String> messages = new LinkedHashSet<>();

    /** {@code reference 1 is not of type string}; several types read {@code string, null}. */
    public SchemaErrors type(String field, JsonNode value, String... types) {
        String expected = java.util.Arrays.stream(types).map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        return add(field, PythonValues.repr(value) + " is not of type " + expected);
    }

    /** {@code phone_number is a required property} (no path prefix: the error is on the object). */
    public SchemaErrors required(String name) {
        return add(null, "'" + name + "' is a required property");
    }

    /** {@code Additional properties are not allowed (a, b were unexpected)}. */
    public SchemaErrors additionalProperties(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        String listed = names.stream().map(PythonValues::repr).collect(Collectors.joining(", "));
        return add(null, "Additional properties are not allowed (" + listed + (names.size() == 1 ? " was" : " were") + " unexpected)");
    }

    /** {@code template_type orange is not one of [sms, email, letter]}. */
    public SchemaErrors notOneOf(String field, JsonNode value, List<String> allowed) {
        return add(field, PythonValues.repr(value) + " is not one of " + PythonValues.repr(allowed));
    }

    /** {@code name abc is too short} ({@code minLength}). */
    public SchemaErrors tooShort(String field, JsonNode value) {
        return add(field, PythonValues.repr(value) + " is too short");
    }

    /** {@code name abc is too long} ({@code maxLength}). */
    public SchemaErrors tooLong(String field, JsonNode value) {
        return add(field, PythonValues.repr(value) + " is too long");
    }

    /** The UUID definitions' custom message: {@code template_id is not a valid UUID}. */
    public SchemaErrors notAUuid(String field) {
        messages.add(field + " is not a valid UUID");
        return this;
    }

    /** A format checker's own text, e.g. {@code email_address Not a valid email address}. */
    public SchemaErrors format(String field, String reason) {
        return add(field, reason);
    }

    /** Any other rule, with the original's quote stripping and field prefix. */
    public SchemaErrors add(String field, String message) {
        String text = message.replace("'", "");
        messages.add(field == null ? text : field + " " + text);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The messages as one list, in the order first added. */
    public List<String> messages() {
        return new ArrayList<>(messages);
    }

    /** Throws the 400 ValidationError body when anything was collected. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw ApiError.validation(messages());
        }
    }
}
