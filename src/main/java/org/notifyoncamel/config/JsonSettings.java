package org.notifyoncamel.config;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Settings that the original passes as JSON lists in environment variables (API_INTERNAL_SECRETS, HIGH_VOLUME_SERVICE, ...). */
public final class JsonSettings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSettings() {
    }

    public static List<String> stringList(String name, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(value, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException(name + " must be a JSON list of strings, e.g. [\"a\",\"b\"]");
        }
    }
}
