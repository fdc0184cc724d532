package org.notifyoncamel.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Firetext's send API (workers.md 3.2): form POST; success is a status below 400 with a JSON body
 * whose {@code code} is the number 0. Anything else, a missing {@code code} included, is a
 * {@link ProviderException}.
 */
@Component("firetextClient")
public class FiretextClient {

    public static final String NAME = "firetext";

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final ProviderSettings settings;

    public FiretextClient(ObjectMapper mapper, ProviderSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.millis("connect-timeout-ms")).build();
    }

    public void send(@Body SmsSend sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("apiKey", settings.get("firetext-api-key"));
        form.put("from", sms.sender());
        form.put("to", sms.to().replace("+", ""));
        form.put("message", sms.content());
        form.put("reference", sms.notificationId().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.get("firetext-url")))
                .timeout(settings.millis("firetext-timeout-ms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = SmsHttp.send(http, request, NAME);
        if (response.statusCode() >= 400) {
            throw new ProviderException(NAME, response.statusCode(), SmsHttp.shorten(response.body()));
        }
        JsonNode json;
        try {
            json = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(NAME, response.statusCode(), "invalid JSON response");
        }
        JsonNode code = json == null ? null : json.get("code");
        if (code == null) {
            throw new ProviderException(NAME, response.statusCode(), "response has no code");
        }
        if (!code.isNumber() || code.asDouble() != 0) {
            throw new ProviderException(NAME, response.statusCode(), "code " + code + ": "
                    + SmsHttp.shorten(json.path("description").asText("")));
        }
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
