package org.notifyoncamel.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form-encoded request bodies. camel-platform-http hands a form POST over as a map of field to
 * value with the values still percent-encoded (measured: {@code +} arrives as {@code %2B}), so they
 * are decoded here; a raw body (bytes or text) is parsed. The first value of a repeated field wins.
 */
public final class FormBodies {

    private FormBodies() {
    }

    public static Map<String, String> read(Object body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                Object first = value instanceof Collection<?> values ? values.stream().findFirst().orElse(null) : value;
                fields.put(String.valueOf(key), first == null ? null : URLDecoder.decode(String.valueOf(first), StandardCharsets.UTF_8));
            });
            return fields;
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body == null ? "" : body.toString();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return fields;
    }
}
