package org.notifyoncamel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for tests: JSON in, status + JSON out, with admin or API-key JWTs. Every /v2 response is checked
 * against the OpenAPI document the application serves ({@link OpenApiContract}).
 */
public final class Http {

    public static final String ADMIN_SECRET = "dev-notify-secret-key";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Response is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final Map<String, String> headers;

    private Http(String baseUrl, String authorization) {
        this(baseUrl, authorization, Map.of());
    }

    private Http(String baseUrl, String authorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** A client that also sends this header on every request. */
    public Http withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(baseUrl, authorization, Map.copyOf(more));
    }

    public static Http admin(int port) {
        return new Http("http://127.0.0.1:" + port, "ADMIN");
    }

    public static Http anonymous(int port) {
        return new Http("http://127.0.0.1:" + port, null);
    }

    /** Calls signed as a service's API key: iss = service id, HS256 with the key's secret. */
    public static Http apiKey(int port, String serviceId, String secret) {
        return new Http("http://127.0.0.1:" + port, "API:" + serviceId + ":" + secret);
    }

    /** A client that sends exactly this Authorization header (or none if null). */
    public Http withAuthorization(String header) {
        return new Http(baseUrl, header == null ? "RAW:" : "RAW:" + header, headers);
    }

    public static String adminToken(String secret, long iat) {
        return JWT.create().withIssuer("notify-admin").withClaim("iat", iat).sign(Algorithm.HMAC256(secret));
    }

    public static String apiToken(String serviceId, String secret, long iat) {
        return JWT.create().withIssuer(serviceId).withClaim("iat", iat).sign(Algorithm.HMAC256(secret));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response send(String method, String path, Object body) {
        return send(method, path, "application/json", body);
    }

    /** A request whose body (when not null) is sent with this Content-Type (none when null). */
    public Response send(String method, String path, String contentType, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null && contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            String header = authorizationHeader();
            if (header != null) {
                request.header("Authorization", header);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (path.startsWith("/v2/") && !path.startsWith(OpenApiContract.PATH)) {
                OpenApiContract.served(baseUrl).check(method, path, "application/json".equals(contentType) ? json : null,
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
            }
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    private String authorizationHeader() {
        if (authorization == null) {
            return null;
        }
        long now = System.currentTimeMillis() / 1000;
        if (authorization.equals("ADMIN")) {
            return "Bearer " + adminToken(ADMIN_SECRET, now);
        }
        if (authorization.startsWith("RAW:")) {
            String raw = authorization.substring(4);
            return raw.isEmpty() ? null : raw;
        }
        String[] parts = authorization.split(":", 3);
        return "Bearer " + apiToken(parts[1], parts[2], now);
    }
}
