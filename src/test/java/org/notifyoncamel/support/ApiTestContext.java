package org.notifyoncamel.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** Settings of {@link ApiIntegrationTest} and the fake document-download service it points at. */
public class ApiTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The service id listed in HIGH_VOLUME_SERVICE for the tests. */
    public static final UUID HIGH_VOLUME_SERVICE_ID = UUID.fromString("0b1e7c8a-5d1c-4f4e-9a55-6b0f3c2f9e11");
    /** A base64 "file" that the fake document-download service rejects as a virus. */
    public static final String VIRUS_FILE = "dmlydXM=";
    /** Requests received by the fake document-download service (path and JSON body). */
    public static final List<Map.Entry<String, JsonNode>> DOCUMENT_UPLOADS = new CopyOnWriteArrayList<>();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static HttpServer documentDownload;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = startDocumentDownload();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("apiTestContext", Map.of(
                "API_HOST_NAME", "http://localhost:${local.server.port}",
                "DOCUMENT_DOWNLOAD_API_HOST", "http://127.0.0.1:" + port,
                "HIGH_VOLUME_SERVICE", "[\"" + HIGH_VOLUME_SERVICE_ID + "\"]")));
    }

    static synchronized int startDocumentDownload() {
        if (documentDownload == null) {
            try {
                documentDownload = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            documentDownload.createContext("/services/", exchange -> {
                JsonNode request = MAPPER.readTree(exchange.getRequestBody());
                DOCUMENT_UPLOADS.add(Map.entry(exchange.getRequestURI().getPath(), request));
                String serviceId = exchange.getRequestURI().getPath().split("/")[2];
                boolean virus = VIRUS_FILE.equals(request.path("document").asText());
                boolean authorised = "Bearer auth-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                String body = !authorised ? "{\"error\":\"Unauthorized\"}"
                        : virus ? "{\"error\":\"File did not pass the virus scan\"}"
                        : "{\"document\":{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\"https://documents.service.gov.uk/d/" + serviceId
                          + "/" + UUID.randomUUID() + "?key=abc\"}}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(!authorised ? 403 : virus ? 400 : 201, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            documentDownload.start();
        }
        return documentDownload.getAddress().getPort();
    }
}
