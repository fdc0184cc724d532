package org.notifyoncamel.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.http.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * File attachments inside personalisation (notifications-api app/v2/notifications/post_notifications.py): each value that is an object with a
 * {@code file} key is uploaded to the document-download service and replaced by its URL. Without
 * a configured document-download host, attachments are refused with a clear 400.
 */
@Component
public class DocumentDownload {

    static final String NOT_CONFIGURED = "Sending files is not available: this Notify has no document download service configured";

    private final String host;
    private final String apiKey;
    private final String adminBaseUrl;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DocumentDownload(@Value("${notify.documents.download-api-host:}") String host,
                            @Value("${notify.documents.download-api-key:auth-token}") String apiKey,
                            @Value("${notify.admin-base-url}") String adminBaseUrl) {
        this.host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        this.apiKey = apiKey;
        this.adminBaseUrl = adminBaseUrl;
    }

    /** Keys of personalisation values that are file uploads, in request order. */
    public static List<String> fileKeys(ObjectNode personalisation) {
        List<String> keys = new ArrayList<>();
        if (personalisation != null) {
            Iterator<Map.Entry<String, JsonNode>> it = personalisation.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject() && e.getValue().has("file")) {
                    keys.add(e.getKey());
                }
            }
        }
        return keys;
    }

    /**
     * Uploads the files (or, for simulated recipients, uses the test document URL) and returns a
     * copy of the personalisation with the URLs, plus the number uploaded.
     */
    public Result upload(UUID serviceId, String contactLink, ObjectNode personalisation, boolean simulated) {
        List<String> keys = fileKeys(personalisation);
        if (keys.isEmpty()) {
            return new Result(personalisation, null);
        }
        if (host.isBlank()) {
            throw ApiError.badRequest(NOT_CONFIGURED);
        }
        if (contactLink == null || contactLink.isBlank()) {
            throw ApiError.badRequest("Send files by email has not been set up - add contact details for your service at "
                    + adminBaseUrl + "/services/" + serviceId + "/service-settings/send-files-by-email");
        }
        ObjectNode updated = personalisation.deepCopy();
        for (String key : keys) {
            String url = simulated ? host + "/services/" + serviceId + "/documents/test-document" : post(serviceId, personalisation.get(key));
            updated.set(key, TextNode.valueOf(url));
        }
        return new Result(updated, simulated ? null : keys.size());
    }

    public record Result(ObjectNode personalisation, Integer documentDownloadCount) {
    }

    private String post(UUID serviceId, JsonNode upload) {
        ObjectNode request = mapper.createObjectNode();
        request.set("document", upload.get("file"));
        JsonNode isCsv = upload.get("is_csv");
        request.set("is_csv", isCsv != null && !V2Requests.isFalsy(isCsv) ? isCsv : mapper.getNodeFactory().booleanNode(false));
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(host + "/services/" + serviceId + "/documents"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Document upload interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Document download service unreachable: " + e.getClass().getSimpleName(), e);
        }
        JsonNode json;
        try {
            json = mapper.readTree(response.body());
        } catch (Exception e) {
            json = null;
        }
        if (response.statusCode() == 400 && json != null && json.hasNonNull("error")) {
            throw ApiError.badRequest(json.get("error").asText());
        }
        if (response.statusCode() / 100 != 2 || json == null || !json.path("document").path("url").isTextual()) {
            throw new IllegalStateException("Document download service answered " + response.statusCode());
        }
        return json.get("document").get("url").asText();
    }
}
