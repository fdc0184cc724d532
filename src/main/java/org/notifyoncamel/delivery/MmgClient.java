package org.notifyoncamel.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * MMG's send API (notifications-api app/clients/sms/mmg.py): JSON POST, {@code Authorization: Basic <key>} with the key used
 * verbatim. Success is a status below 400 with a JSON body; anything else is a {@link ProviderException}.
 */
@Component("mmgClient")
public class MmgClient {

    public static final String NAME = "mmg";

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final ProviderSettings settings;

    public MmgClient(ObjectMapper mapper, ProviderSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.millis("connect-timeout-ms")).build();
    }

    public void send(@Body SmsSend sms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reqType", "BULK");
        body.put("MSISDN", sms.to().replace("+", ""));
        body.put("msg", sms.content());
        body.put("sender", sms.sender());
        body.put("cid", sms.notificationId().toString());
        body.put("multi", true);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(settings.get("mmg-url")))
                    .timeout(settings.millis("mmg-timeout-ms"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + settings.get("mmg-api-key"))
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = SmsHttp.send(http, request, NAME);
        if (response.statusCode() >= 400) {
            throw new ProviderException(NAME, response.statusCode(), SmsHttp.shorten(response.body()));
        }
        try {
            mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(NAME, response.statusCode(), "invalid JSON response");
        }
    }
}
