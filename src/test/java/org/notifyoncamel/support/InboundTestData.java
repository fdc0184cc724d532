package org.notifyoncamel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inbound numbers, received texts and provider posts for the two-way SMS tests. */
public final class InboundTestData {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public InboundTestData(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A fresh 07... number (unique across test runs sharing the database), active and allocated to the service. */
    public String inboundNumber(UUID serviceId) {
        while (true) {
            String number = "07" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            int inserted = jdbc.update("INSERT INTO inbound_numbers (id, number, provider, service_id, active, created_at) "
                    + "VALUES (?, ?, 'mmg', ?, true, now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING", UUID.randomUUID(), number, serviceId);
            if (inserted == 1) {
                return number;
            }
        }
    }

    public void permission(UUID serviceId, String permission) {
        jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, ?, now() AT TIME ZONE 'UTC') "
                + "ON CONFLICT DO NOTHING", serviceId, permission);
    }

    public void inboundApi(UUID serviceId, UUID userId, String url, String token) {
        jdbc.update("INSERT INTO service_inbound_api (id, service_id, url, bearer_token, created_at, updated_by_id, version) "
                + "VALUES (?, ?, ?, ?, now() AT TIME ZONE 'UTC', ?, 1)", UUID.randomUUID(), serviceId, url, cipher.encrypt(SecretColumn.SERVICE_INBOUND_BEARER_TOKEN, token), userId);
    }

    /** A stored text, as the receive endpoints would have written it. */
    public UUID text(UUID serviceId, String notifyNumber, String userNumber, String content, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider, content) "
                + "VALUES (?, ?, ?, ?, ?, 'mmg', ?)", id, Timestamp.valueOf(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)), serviceId,
                notifyNumber, userNumber, cipher.encrypt(SecretColumn.INBOUND_SMS_CONTENT, content));
        return id;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs a body with this content type and Authorization header (none if null). */
    public static Http.Response post(int port, String path, String contentType, String authorization, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        }
    }
}
