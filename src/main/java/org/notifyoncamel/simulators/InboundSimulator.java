package org.notifyoncamel.simulators;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the simulated MMG or Firetext deliver a reply, as a phone user texting a service's inbound number
 * would (development and tests; inbound-sms.md 3). {@code POST /simulators/mmg/inbound} or
 * {@code /simulators/firetext/inbound} with {@code {"to": "<inbound number>", "from": "<mobile>", "message": "..."}}
 * posts the provider's own payload (MMG: JSON with URL-encoded {@code Message} and {@code DateRecieved};
 * Firetext: a form) with the provider's Basic credentials to our {@code /notifications/sms/receive/*}
 * endpoint, and answers what that endpoint answered.
 */
@Component("inboundSimulator")
public class InboundSimulator {

    private static final DateTimeFormatter PROVIDER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper;
    private final Environment env;
    private final String mmgUsername;
    private final String mmgPassword;
    private final String firetextPassword;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public InboundSimulator(ObjectMapper mapper, Environment env,
                            @Value("${notify.simulators.inbound-mmg-username}") String mmgUsername,
                            @Value("${notify.simulators.inbound-mmg-password}") String mmgPassword,
                            @Value("${notify.simulators.inbound-firetext-password}") String firetextPassword) {
        this.mapper = mapper;
        this.env = env;
        this.mmgUsername = mmgUsername;
        this.mmgPassword = mmgPassword;
        this.firetextPassword = firetextPassword;
    }

    /** A reply through MMG: {@code MSISDN} and {@code Number} in 44 form, the message URL-encoded ({@code +} for spaces). */
    public HttpResult mmg(@Body byte[] body) {
        Reply reply = reply(body);
        String id = "SIM-" + UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("MSISDN", internationalForm(reply.from()));
        payload.put("Number", internationalForm(reply.to()));
        payload.put("Message", URLEncoder.encode(reply.message(), StandardCharsets.UTF_8));
        payload.put("ID", id);
        payload.put("DateRecieved", URLEncoder.encode(now(), StandardCharsets.UTF_8));
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        return post("mmg", "/notifications/sms/receive/mmg", "application/json", json, mmgUsername, mmgPassword, id);
    }

    /** A reply through Firetext: a form with the numbers as the user typed them. */
    public HttpResult firetext(@Body byte[] body) {
        Reply reply = reply(body);
        String form = "source=" + enc(reply.from()) + "&destination=" + enc(reply.to()) + "&message=" + enc(reply.message())
                + "&time=" + enc(now());
        return post("firetext", "/notifications/sms/receive/firetext", "application/x-www-form-urlencoded", form, "notify", firetextPassword, null);
    }

    private record Reply(String to, String from, String message) {
    }

    private Reply reply(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.path("to").isTextual() || !json.path("message").isTextual()) {
            throw AdminError.badRequest("Send {\"to\": \"<inbound number>\", \"from\": \"<mobile number>\", \"message\": \"<text>\"}");
        }
        return new Reply(json.get("to").asText(), json.path("from").isTextual() ? json.get("from").asText() : "07700900111",
                json.get("message").asText());
    }

    private HttpResult post(String provider, String path, String contentType, String body, String username, String password, String reference) {
        String base = env.getRequiredProperty("notify.simulators.receipt-base-url");
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provider", provider);
        out.put("posted_to", path);
        out.put("provider_reference", reference);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.put("notify_status", response.statusCode());
            out.put("notify_response", response.body());
        } catch (IOException e) {
            throw new AdminError(502, "The simulated " + provider + " could not reach " + base + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminError(503, "Interrupted");
        }
        return HttpResult.ok(out);
    }

    private String now() {
        return PROVIDER_DATE.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** 07... and +447... become 447..., as MMG sends numbers. */
    static String internationalForm(String number) {
        String n = number.replace(" ", "");
        if (n.startsWith("+")) {
            return n.substring(1);
        }
        if (n.startsWith("0") && !n.startsWith("00")) {
            return "44" + n.substring(1);
        }
        return n;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
