package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The MMG and Firetext clients against a local HTTP server: wire format, success rules and errors (notifications-api app/clients/sms/mmg.py and app/clients/sms/firetext.py). */
class SmsProviderClientsTest {

    record Received(String contentType, String authorization, String body) {
    }

    final ObjectMapper mapper = new ObjectMapper();
    final List<Received> received = new ArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicReference<String> answer = new AtomicReference<>("{}");
    final AtomicInteger delayMs = new AtomicInteger();
    HttpServer server;
    ProviderSettings settings;
    final SmsSend sms = new SmsSend(UUID.randomUUID(), UUID.randomUUID(), "447700900123", "Service: hello & bye", "GOVUK", 1, false, Instant.now());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        settings = new ProviderSettings(new MockEnvironment()
                .withProperty("notify.providers.mmg-url", base + "/mmg")
                .withProperty("notify.providers.mmg-api-key", "bW1nOmtleQ==")
                .withProperty("notify.providers.firetext-url", base + "/firetext")
                .withProperty("notify.providers.firetext-api-key", "firetext-key")
                .withProperty("notify.providers.mmg-timeout-ms", "500")
                .withProperty("notify.providers.firetext-timeout-ms", "500")
                .withProperty("notify.providers.connect-timeout-ms", "500"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void mmgSendsItsJsonBodyWithTheKeyVerbatim() throws Exception {
        new MmgClient(mapper, settings).send(sms);
        Received request = received.get(0);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Basic bW1nOmtleQ==");
        JsonNode body = mapper.readTree(request.body());
        assertThat(body.get("reqType").asText()).isEqualTo("BULK");
        assertThat(body.get("MSISDN").asText()).isEqualTo("447700900123");
        assertThat(body.get("msg").asText()).isEqualTo("Service: hello & bye");
        assertThat(body.get("sender").asText()).isEqualTo("GOVUK");
        assertThat(body.get("cid").asText()).isEqualTo(sms.notificationId().toString());
        assertThat(body.get("multi").asBoolean()).isTrue();
    }

    @Test
    void mmgFailsOnErrorStatusesNonJsonAndTimeouts() {
        MmgClient mmg = new MmgClient(mapper, settings);
        status.set(500);
        assertThatThrownBy(() -> mmg.send(sms)).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(500));
        status.set(200);
        answer.set("<html>not json</html>");
        assertThatThrownBy(() -> mmg.send(sms)).isInstanceOf(ProviderException.class);
        answer.set("{}");
        delayMs.set(1500);
        assertThatThrownBy(() -> mmg.send(sms)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.status()).isEqualTo(504);
            assertThat(e.getMessage()).contains("Gateway Time-out");
        });
    }

    @Test
    void firetextSendsAFormAndNeedsCodeZero() {
        FiretextClient firetext = new FiretextClient(mapper, settings);
        answer.set("{\"code\": 0, \"description\": \"SMS successfully queued\"}");
        firetext.send(sms);
        Received request = received.get(0);
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("apiKey=firetext-key&from=GOVUK&to=447700900123&message=Service%3A+hello+%26+bye&reference="
                + sms.notificationId());

        answer.set("{\"code\": 1, \"description\": \"Invalid\"}");
        assertThatThrownBy(() -> firetext.send(sms)).isInstanceOf(ProviderException.class);
        answer.set("{\"description\": \"no code\"}");
        assertThatThrownBy(() -> firetext.send(sms)).isInstanceOf(ProviderException.class).hasMessageContaining("no code");
        answer.set("{\"code\": \"0\"}");
        assertThatThrownBy(() -> firetext.send(sms)).as("the number 0, not the string").isInstanceOf(ProviderException.class);
        answer.set("{\"code\": 0}");
        status.set(503);
        assertThatThrownBy(() -> firetext.send(sms)).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void noServerIsAGatewayTimeout() {
        server.stop(0);
        assertThatThrownBy(() -> new FiretextClient(mapper, settings).send(sms))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(504));
    }
}
