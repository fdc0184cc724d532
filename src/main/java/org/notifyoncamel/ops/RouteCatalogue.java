package org.notifyoncamel.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the Camel YAML route files declare, read from the files themselves (no Camel context needed):
 * every REST endpoint (method, path, REST route id, the operation route behind it) and every route
 * that consumes something other than a {@code direct:} endpoint (queues, timers, HTTP). Used by the
 * {@code list-routes} command.
 */
@Component
public class RouteCatalogue {

    static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head");

    /** A REST endpoint: method, full path, the REST DSL route id, the direct: target and the route consuming it. */
    public record HttpRoute(String method, String path, String restRouteId, String target, String operationRouteId, String file) {
    }

    /** A route with its from URI (and its parameters, e.g. a cron). */
    public record ConsumingRoute(String routeId, String from, Map<String, Object> parameters, String file) {
    }

    public record Catalogue(List<HttpRoute> http, List<ConsumingRoute> consumers) {
    }

    private final Environment environment;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public RouteCatalogue(Environment environment) {
        this.environment = environment;
    }

    /** The route files of a role (patterns of notify.roles.ROLE under notify.routes.location). */
    public Catalogue forRole(String role) throws IOException {
        String patterns = environment.getProperty("notify.roles." + role);
        if (patterns == null) {
            throw new IllegalArgumentException("Unknown role " + role);
        }
        String location = environment.getProperty("notify.routes.location", "classpath:routes");
        String base = location.endsWith("/") ? location : location + "/";
        Map<String, Resource> files = new LinkedHashMap<>();
        for (String pattern : Arrays.stream(patterns.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList()) {
            for (Resource resource : resolver.getResources(base + pattern)) {
                files.putIfAbsent(resource.getFilename(), resource);
            }
        }
        return read(files.values().stream().sorted(Comparator.comparing(Resource::getFilename)).toList());
    }

    @SuppressWarnings("unchecked")
    static Catalogue read(List<Resource> files) throws IOException {
        List<Map<String, Object>> rests = new ArrayList<>();
        List<String> restFiles = new ArrayList<>();
        List<ConsumingRoute> routes = new ArrayList<>();
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        List<Map<String, Object>> templated = new ArrayList<>();
        List<String> templatedFiles = new ArrayList<>();
        for (Resource file : files) {
            Object document;
            try (InputStream in = file.getInputStream()) {
                document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            }
            if (!(document instanceof List<?> items)) {
                continue;
            }
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> map)) {
                    continue;
                }
                if (map.get("rest") instanceof Map<?, ?> rest) {
                    rests.add((Map<String, Object>) rest);
                    restFiles.add(file.getFilename());
                } else if (map.get("route") instanceof Map<?, ?> route) {
                    consuming((Map<String, Object>) route, file.getFilename(), routes);
                } else if (map.get("routeTemplate") instanceof Map<?, ?> template) {
                    templates.put(String.valueOf(template.get("id")), (Map<String, Object>) template);
                } else if (map.get("templatedRoute") instanceof Map<?, ?> use) {
                    templated.add((Map<String, Object>) use);
                    templatedFiles.add(file.getFilename());
                }
            }
        }
        for (int i = 0; i < templated.size(); i++) {
            Map<String, Object> template = templates.get(String.valueOf(templated.get(i).get("routeTemplateRef")));
            if (template != null) {
                consuming(instantiate(template, templated.get(i)), templatedFiles.get(i), routes);
            }
        }
        Map<String, String> directConsumers = new LinkedHashMap<>();
        for (ConsumingRoute route : routes) {
            if (route.from().startsWith("direct:")) {
                directConsumers.put(route.from(), route.routeId());
            }
        }
        List<HttpRoute> http = new ArrayList<>();
        for (int i = 0; i < rests.size(); i++) {
            Map<String, Object> rest = rests.get(i);
            String base = rest.get("path") == null ? "" : String.valueOf(rest.get("path"));
            for (String verb : VERBS) {
                if (!(rest.get(verb) instanceof List<?> operations)) {
                    continue;
                }
                for (Object operation : operations) {
                    Map<String, Object> op = (Map<String, Object>) operation;
                    String path = join(base, op.get("path") == null ? "" : String.valueOf(op.get("path")));
                    Object to = op.get("to");
                    String target = to instanceof Map<?, ?> t ? String.valueOf(t.get("uri")) : String.valueOf(to);
                    http.add(new HttpRoute(verb.toUpperCase(), path, String.valueOf(op.get("routeId")), target,
                            directConsumers.getOrDefault(target, "?"), restFiles.get(i)));
                }
            }
        }
        http.sort(Comparator.comparing(HttpRoute::path).thenComparing(h -> VERBS.indexOf(h.method().toLowerCase())));
        List<ConsumingRoute> consumers = routes.stream().filter(r -> !r.from().startsWith("direct:"))
                .sorted(Comparator.comparing(ConsumingRoute::routeId)).toList();
        return new Catalogue(List.copyOf(http), consumers);
    }

    @SuppressWarnings("unchecked")
    private static void consuming(Map<String, Object> route, String file, List<ConsumingRoute> routes) {
        if (route.get("from") instanceof Map<?, ?> from) {
            Map<String, Object> parameters = from.get("parameters") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
            routes.add(new ConsumingRoute(String.valueOf(route.get("id")), String.valueOf(from.get("uri")), parameters, file));
        }
    }

    /**
     * The route a {@code templatedRoute} creates, as the YAML DSL would read it: the template's {@code route}
     * with every {@code {{parameter}}} replaced by the templated route's value or the parameter's default
     * (repeatedly, so a default may name another parameter), and the templated route's {@code routeId} as id.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> instantiate(Map<String, Object> template, Map<String, Object> use) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) template.getOrDefault("parameters", List.of())) {
            if (parameter.containsKey("defaultValue")) {
                values.put(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("defaultValue")));
            }
        }
        for (Map<String, Object> parameter : (List<Map<String, Object>>) use.getOrDefault("parameters", List.of())) {
            values.put(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("value")));
        }
        Map<String, Object> route = new LinkedHashMap<>((Map<String, Object>) substitute(template.get("route"), values));
        route.put("id", use.getOrDefault("routeId", template.get("id")));
        return route;
    }

    @SuppressWarnings("unchecked")
    private static Object substitute(Object node, Map<String, String> values) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> out.put(key, substitute(value, values)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> substitute(item, values)).toList();
        }
        if (node instanceof String text) {
            for (String previous = null; !text.equals(previous);) {
                previous = text;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace("{{" + value.getKey() + "}}", value.getValue());
                }
            }
            return text;
        }
        return node;
    }

    private static String join(String base, String path) {
        String joined = (base + (path.isEmpty() || path.startsWith("/") || base.endsWith("/") ? "" : "/") + path).replace("//", "/");
        return joined.isEmpty() ? "/" : joined;
    }
}
