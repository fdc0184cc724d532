package org.notifyoncamel.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.recipients.EmailAddresses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small declarative body schema whose failures read exactly like the original's jsonschema
 * validation: property errors in property order, then "required", then "additional properties";
 * the messages are phrased by {@link SchemaErrors}.
 * {@link #validate} throws an {@link ApiError} (400, one ValidationError entry per problem).
 *
 * <pre>
 * JsonSchemaChecks.object()
 *     .property("name", JsonSchemaChecks.string().maxLength(255))
 *     .property("is_default", JsonSchemaChecks.bool())
 *     .required("name", "is_default")
 *     .validate(body);
 * </pre>
 */
public final class JsonSchemaChecks {

    private final Map<String, Rule> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean additionalProperties = true;

    private JsonSchemaChecks() {
    }

    public static JsonSchemaChecks object() {
        return new JsonSchemaChecks();
    }

    public JsonSchemaChecks property(String name, Rule rule) {
        properties.put(name, rule);
        return this;
    }

    public JsonSchemaChecks required(String... names) {
        required.addAll(Arrays.asList(names));
        return this;
    }

    /** Like {@code "additionalProperties": false}. */
    public JsonSchemaChecks noAdditionalProperties() {
        additionalProperties = false;
        return this;
    }

    /** The messages for this body, in jsonschema order, without duplicates; empty when valid. */
    public List<String> problems(ObjectNode body) {
        SchemaErrors errors = new SchemaErrors();
        properties.forEach((name, rule) -> {
            if (body.has(name)) {
                rule.check(name, body.get(name), errors);
            }
        });
        for (String name : required) {
            if (!body.has(name)) {
                errors.required(name);
            }
        }
        if (!additionalProperties) {
            List<String> unexpected = new ArrayList<>();
            body.fieldNames().forEachRemaining(field -> {
                if (!properties.containsKey(field)) {
                    unexpected.add(field);
                }
            });
            errors.additionalProperties(unexpected);
        }
        return errors.messages();
    }

    /** Throws a 400 {@link ApiError} listing every problem, or returns the body when it is valid. */
    public ObjectNode validate(ObjectNode body) {
        List<String> messages = problems(body);
        if (!messages.isEmpty()) {
            throw ApiError.validation(messages);
        }
        return body;
    }

    /** One property's rule: adds its message (phrased by {@link SchemaErrors}) when the value breaks it. */
    @FunctionalInterface
    public interface Rule {
        void check(String field, JsonNode value, SchemaErrors errors);
    }

    /** {@code {"type": "string"}} with optional length limits and format. */
    public static StringRule string() {
        return new StringRule();
    }

    public static final class StringRule implements Rule {
        private Integer minLength;
        private Integer maxLength;
        private boolean nullable;
        private Predicate<String> format;
        private String formatMessage;

        public StringRule minLength(int length) {
            this.minLength = length;
            return this;
        }

        public StringRule maxLength(int length) {
            this.maxLength = length;
            return this;
        }

        public StringRule nullable() {
            this.nullable = true;
            return this;
        }

        /** A format check whose failure message is {@code "<field> " + message}. */
        public StringRule format(Predicate<String> check, String message) {
            this.format = check;
            this.formatMessage = message;
            return this;
        }

        @Override
        public void check(String field, JsonNode value, SchemaErrors errors) {
            if (value.isNull() && nullable) {
                return;
            }
            if (!value.isTextual()) {
                errors.type(field, value, nullable ? new String[] {"string", "null"} : new String[] {"string"});
                return;
            }
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (minLength != null && length < minLength) {
                errors.tooShort(field, value);
            } else if (maxLength != null && length > maxLength) {
                errors.tooLong(field, value);
            } else if (format != null && !format.test(text)) {
                errors.format(field, formatMessage);
            }
        }
    }

    /** A UUID field: any failure is {@code "<field> is not a valid UUID"} (the schema's validationMessage). */
    public static Rule uuid() {
        return (field, value, errors) -> {
            if (!Uuids.isValid(value.isTextual() ? value.asText() : null)) {
                errors.notAUuid(field);
            }
        };
    }

    /** A UUID field that may be null. */
    public static Rule nullableUuid() {
        Rule uuid = uuid();
        return (field, value, errors) -> {
            if (!value.isNull()) {
                uuid.check(field, value, errors);
            }
        };
    }

    /** {@code {"type": "boolean"}}. */
    public static Rule bool() {
        return (field, value, errors) -> {
            if (!value.isBoolean()) {
                errors.type(field, value, "boolean");
            }
        };
    }

    /** {@code {"enum": [...]}}. */
    public static Rule oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return (field, value, errors) -> {
            if (!value.isTextual() || !values.contains(value.asText())) {
                errors.notOneOf(field, value, values);
            }
        };
    }

    /** A string with {@code "format": "email"}: {@code email_address Not a valid email address}. */
    public static Rule email() {
        return string().format(EmailAddresses::isValid, "Not a valid email address");
    }

    /** An https URL ({@code "format": "uri", "pattern": "^https.*"}): {@code url is not a valid https url}. */
    public static Rule httpsUrl() {
        return (field, value, errors) -> {
            if (!value.isTextual() || !isHttpsUrl(value.asText())) {
                errors.format(field, "is not a valid https url");
            }
        };
    }

    static boolean isHttpsUrl(String text) {
        if (!text.startsWith("https")) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
