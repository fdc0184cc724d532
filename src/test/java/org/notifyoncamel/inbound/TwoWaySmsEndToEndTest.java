package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.InboundTestData;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.ReceivedTextMessage;

/**
 * Two-way SMS end to end, everything real: the simulated MMG (or Firetext) posts a reply to the service's inbound
 * number; the official Java client reads it from GET /v2/received-text-messages, and the service's inbound API
 * (a real HTTP server) receives it, after a first attempt the endpoint refused with 503 (nothing is lost).
 */
@DeliveryIntegrationTest
class TwoWaySmsEndToEndTest {

    static final String TOKEN = "two-way-token-1234567890";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    CallbackServer serviceEndpoint;
    TestService service;
    NotificationClient client;
    String number;

    @BeforeEach
    void setUp() throws Exception {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        InboundTestData inbound = new InboundTestData(jdbc, cipher);
        serviceEndpoint = new CallbackServer();
        service = data.service(false, "sms", "inbound_sms");
        number = inbound.inboundNumber(service.id());
        inbound.inboundApi(service.id(), service.userId(), serviceEndpoint.url("/replies"), TOKEN);
        TestKey key = data.apiKey(service, "normal");
        client = new NotificationClient(key.combined(), "http://localhost:" + port);
    }

    @AfterEach
    void tearDown() {
        serviceEndpoint.close();
    }

    Optional<ReceivedTextMessage> received(String content) {
        try {
            return client.getReceivedTextMessages(null).getReceivedTextMessages().stream().filter(m -> content.equals(m.getContent())).findFirst();
        } catch (NotificationClientException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSimulatedMmgReplyReachesTheApiAndTheServicesInboundCallback() {
        String content = "Yes please \uD83D\uDC4D 1+1=2 & more";
        serviceEndpoint.answer(503);
        Http.Response posted = Http.anonymous(port).post("/simulators/mmg/inbound", Map.of("to", number, "from", "07700900333", "message", content));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("notify_status").asInt()).isEqualTo(200);
        assertThat(posted.json().get("notify_response").asText()).contains("\"status\":\"ok\"");

        Poll.until(Duration.ofSeconds(20), "the reply in GET /v2/received-text-messages", () -> received(content).isPresent());
        ReceivedTextMessage message = received(content).orElseThrow();
        assertThat(message.getNotifyNumber()).isEqualTo(number);
        assertThat(message.getUserNumber()).isEqualTo("447700900333");
        assertThat(message.getServiceId()).isEqualTo(service.id());
        assertThat(message.getCreatedAt()).isNotNull();

        String id = message.getId().toString();
        Poll.untilEquals(Duration.ofSeconds(30), "the callback refused once, then delivered", 2, () -> serviceEndpoint.requestsFor(id).size());
        CallbackServer.Request delivered = serviceEndpoint.requestsFor(id).get(1);
        assertThat(delivered.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(delivered.body().get("message").asText()).isEqualTo(content);
        assertThat(delivered.body().get("source_number").asText()).isEqualTo("447700900333");
        assertThat(delivered.body().get("destination_number").asText()).isEqualTo(number);
        assertThat(delivered.body().get("date_received").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000Z");
    }

    @Test
    void aSimulatedFiretextReplyArrivesToo() {
        String content = "Firetext reply: caf\u00e9 + tea";
        Http.Response posted = Http.anonymous(port).post("/simulators/firetext/inbound", Map.of("to", number, "from", "07700900444", "message", content));
        assertThat(posted.json().get("notify_status").asInt()).as(posted.toString()).isEqualTo(200);
        Poll.until(Duration.ofSeconds(20), "the reply in GET /v2/received-text-messages", () -> received(content).isPresent());
        String id = received(content).orElseThrow().getId().toString();
        Poll.untilEquals(Duration.ofSeconds(20), "the callback", 1, () -> serviceEndpoint.requestsFor(id).size());
        assertThat(serviceEndpoint.requestsFor(id).get(0).body().get("source_number").asText()).isEqualTo("447700900444");
    }

    @Test
    void theSimulatorExplainsABadRequest() {
        Http.Response bad = Http.anonymous(port).post("/simulators/mmg/inbound", Map.of("from", "07700900333"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("\"to\"");
    }
}
