package org.notifyoncamel.crypto;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SECRET_KEY as configured: one key ({@code abc...}) or a JSON list for rotation ({@code ["new","old"]}): the first
 * encrypts, every one decrypts (ADR 0004).
 */
public final class SecretKeys {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SecretKeys() {
    }

    public static List<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String trimmed = value.trim();
        if (!trimmed.startsWith("[")) {
            return List.of(value);
        }
        try {
            List<String> keys = new ArrayList<>(MAPPER.readValue(trimmed, new TypeReference<List<String>>() { }));
            keys.removeIf(k -> k == null || k.isEmpty());
            return List.copyOf(keys);
        } catch (Exception e) {
            throw new IllegalStateException("SECRET_KEY must be a key or a JSON list of keys, e.g. [\"new\",\"old\"]");
        }
    }
}
