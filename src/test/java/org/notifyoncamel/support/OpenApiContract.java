package org.notifyoncamel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * The public API's OpenAPI 3.1 document as a contract for real responses (ADR 0160): finds the operation a request
 * hit, the response documented for its status and content type, and validates the body against that response's
 * schema with networknt's JSON Schema validator in the OpenAPI 3.1 dialect ({@code $ref}s resolved inside the
 * document). A response of an undocumented /v2 operation or status is a violation too, so the document cannot drift
 * from what the routes answer. {@link Http} checks every /v2 response of the tests against the served document.
 */
public final class OpenApiContract {

    public static final String PATH = "/v2/openapi.json";
    private static final String DOCUMENT_URI = "https://notify-on-camel.test" + PATH;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, OpenApiContract> SERVED = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int parameters) {
    }

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
        document.path("paths").fieldNames().forEachRemaining(template -> {
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(template, Pattern.compile("^" + regex + "$"), template.split("\\{", -1).length - 1));
        });
        routes.sort(Comparator.comparingInt(Route::parameters));
    }

    /** The contract of a document (a unit test's own, or a deliberately wrong one). */
    public static OpenApiContract of(JsonNode document) {
        return new OpenApiContract(document);
    }

    /** The document the application at {@code baseUrl} serves, fetched once per application. */
    public static OpenApiContract served(String baseUrl) {
        return SERVED.computeIfAbsent(baseUrl, url -> {
            try {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url + PATH)).GET()
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET " + PATH + " answered " + response.statusCode() + ": " + response.body());
                }
                return new OpenApiContract(MAPPER.readTree(response.body()));
            } catch (java.io.IOException e) {
                throw new AssertionError("GET " + PATH + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    public JsonNode document() {
        return document;
    }

    /** Fails with every violation of the document by this response. */
    public void check(String method, String pathAndQuery, int status, String contentType, String body) {
        check(method, pathAndQuery, null, status, contentType, body);
    }

    /**
     * Fails with every violation of the document by this exchange: the response, and, when the API accepted it (2xx),
     * the JSON request body (an accepted request the documented request schema refuses is drift too).
     */
    public void check(String method, String pathAndQuery, String requestJson, int status, String contentType, String body) {
        List<String> violations = new ArrayList<>(violations(method, pathAndQuery, status, contentType, body));
        if (requestJson != null && status >= 200 && status < 300) {
            violations.addAll(requestViolations(method, pathAndQuery, requestJson));
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + status + " " + body + "\nwhich "
                    + PATH + " does not describe (routes/api-*.camel.yaml and openapi.V2Schemas; README, "
                    + "\"The OpenAPI document\"):\n  " + String.join("\n  ", violations));
        }
    }

    /**
     * What in this response the document does not allow; empty when it conforms. Paths the document does not have
     * are only checked for errors (the legacy 404 and 405 bodies of unknown paths and methods are not v2 operations).
     */
    public List<String> violations(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = route.map(r -> document.path("paths").path(r.template()).path(verb)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return status >= 400 ? List.of() : List.of("no operation " + method + " " + path + " in the document");
        }
        String pointer = "/paths/" + escape(route.get().template()) + "/" + verb + "/responses/";
        String code = String.valueOf(status);
        JsonNode response = operation.path("responses").path(code);
        if (response.isMissingNode()) {
            code = status / 100 + "XX";
            response = operation.path("responses").path(code);
        }
        if (response.isMissingNode()) {
            code = "default";
            response = operation.path("responses").path(code);
        }
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not a documented response of " + method + " " + route.get().template());
        }
        pointer += escape(code);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of() : List.of("status " + status + " is documented without a body");
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            return List.of("Content-Type " + contentType + " is not documented for status " + status + " (documented: "
                    + names(content.fieldNames()) + ")");
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (schema.isMissingNode() || !mediaType.endsWith("json")) {
            return List.of();
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        try {
            JsonNode json = MAPPER.readTree(body == null ? "" : body);
            if (json == null || json.isMissingNode()) {
                return List.of("the body is empty, not the documented JSON");
            }
            return schema(schemaPointer).validate(json).stream().map(ValidationMessage::getMessage).toList();
        } catch (java.io.IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
    }

    /** What in this JSON request body the operation's documented request schema does not allow. */
    public List<String> requestViolations(String method, String pathAndQuery, String requestJson) {
        String path = pathAndQuery.split("\\?", 2)[0];
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        if (route.isEmpty() || !document.path("paths").path(route.get().template()).path(verb).has("requestBody")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(route.get().template()) + "/" + verb + "/requestBody/content/application~1json/schema";
        if (document.at(pointer).isMissingNode()) {
            return List.of();
        }
        try {
            return schema(pointer).validate(MAPPER.readTree(requestJson)).stream().map(m -> "request " + m.getMessage()).toList();
        } catch (java.io.IOException e) {
            return List.of("the request body is not JSON: " + e.getMessage());
        }
    }

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p), config));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return String.join(", ", list);
    }
}
