package org.notifyoncamel.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A raw query string read in order, repeated names kept (as Flask's request.args). */
public final class QueryParams {

    private final LinkedHashMap<String, List<String>> values = new LinkedHashMap<>();

    /** The request's query string (raw when the HTTP component provides it). */
    public static QueryParams of(org.apache.camel.Exchange exchange) {
        String raw = exchange.getMessage().getHeader(org.apache.camel.Exchange.HTTP_RAW_QUERY, String.class);
        return parse(raw != null ? raw : exchange.getMessage().getHeader(org.apache.camel.Exchange.HTTP_QUERY, String.class));
    }

    public static QueryParams parse(String query) {
        QueryParams params = new QueryParams();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Encodes name/value pairs ({@code application/x-www-form-urlencoded}); empty when there are none. */
    public static String encode(Map<String, List<String>> params) {
        return params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
