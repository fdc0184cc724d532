package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyoncamel.support.InboundTestData.basic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.InboundTestData;
import org.notifyoncamel.support.SentToQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * POST /notifications/sms/receive/{mmg,firetext} against the running API (notifications-api app/notifications/receive_notifications.py): auth, both
 * payloads, storage (encrypted), the send-inbound-sms task, and the answers for unknown numbers and bad input.
 */
@ApiIntegrationTest
class InboundSmsEndpointsTest {

    static final String MMG = "/notifications/sms/receive/mmg";
    static final String FIRETEXT = "/notifications/sms/receive/firetext";
    static final String MMG_AUTH = basic("username", "testkey");
    static final String FIRETEXT_AUTH = basic("notify", "testkey");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CamelContext camel;
    @Autowired
    Queues queues;

    InboundTestData inbound;
    SentToQueues sent;
    TestService service;
    String number;

    @BeforeEach
    void setUp() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        inbound = new InboundTestData(jdbc, cipher);
        sent = SentToQueues.on(camel, queues.prefix());
        service = data.service(false, "sms", "inbound_sms");
        number = inbound.inboundNumber(service.id());
    }

    Http.Response mmg(String authorization, String json) {
        return InboundTestData.post(port, MMG, "application/json", authorization, json);
    }

    Http.Response firetext(String authorization, String form) {
        return InboundTestData.post(port, FIRETEXT, "application/x-www-form-urlencoded", authorization, form);
    }

    static String mmgBody(String to, String message, String id) {
        return "{\"MSISDN\": \"447700900111\", \"Number\": \"" + to + "\", \"Message\": \"" + message + "\", \"ID\": \"" + id
                + "\", \"DateRecieved\": \"2017-05-21+11%3A56%3A11\"}";
    }

    List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM inbound_sms WHERE service_id = ? ORDER BY created_at", service.id());
    }

    @Test
    void anMmgTextIsStoredEncryptedAndQueuedForTheService() {
        String id = "MMG-" + UUID.randomUUID();
        Http.Response response = mmg(MMG_AUTH, mmgBody("44" + number.substring(1), "Hello+there+%F0%9F%93%A9+1%2B1%3D2", id));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", "ok"));
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("notify_number")).isEqualTo(number);
        assertThat(row.get("user_number")).isEqualTo("447700900111");
        assertThat(row.get("provider")).isEqualTo("mmg");
        assertThat(row.get("provider_reference")).isEqualTo(id);
        assertThat(row.get("provider_date")).hasToString("2017-05-21 11:56:11.0");
        assertThat((String) row.get("content")).doesNotContain("Hello");
        assertThat(cipher.decrypt(SecretColumn.INBOUND_SMS_CONTENT, (String) row.get("content"))).isEqualTo("Hello there \uD83D\uDCE9 1+1=2");

        SentToQueues.Sent task = sent.await(s -> s.body() != null && s.body().contains(row.get("id").toString()), Duration.ofSeconds(5));
        assertThat(task).isNotNull();
        assertThat(task.queue()).isEqualTo("notify-internal-tasks");
        assertThat(task.body()).contains("\"task\":\"send-inbound-sms\"").contains(service.id().toString()).doesNotContain("Hello");
    }

    @Test
    void aRepeatedMmgDeliveryIsStoredOnce() {
        String body = mmgBody(number, "once", "MMG-" + UUID.randomUUID());
        assertThat(mmg(MMG_AUTH, body).status()).isEqualTo(200);
        assertThat(mmg(MMG_AUTH, body).status()).isEqualTo(200);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void aFiretextTextIsStoredWithoutFurtherDecoding() {
        Http.Response response = firetext(FIRETEXT_AUTH, "source=07700900222&destination=" + number
                + "&message=caf%C3%A9+%2B+tea%5Cn&time=2017-01-01+12%3A00%3A00");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
        Map<String, Object> row = rows().get(0);
        assertThat(cipher.decrypt(SecretColumn.INBOUND_SMS_CONTENT, (String) row.get("content"))).isEqualTo("caf\u00e9 + tea\\n");
        assertThat(row.get("user_number")).isEqualTo("447700900222");
        assertThat(row.get("provider")).isEqualTo("firetext");
        assertThat(row.get("provider_reference")).isNull();
        assertThat(row.get("provider_date")).hasToString("2017-01-01 12:00:00.0");
    }

    @Test
    void unknownNumbersAreAcknowledgedAndNotStored() {
        String unknown = "07" + String.format("%09d", 0);
        Http.Response mmg = mmg(MMG_AUTH, mmgBody(unknown, "hi", "MMG-" + UUID.randomUUID()));
        assertThat(mmg.status()).isEqualTo(200);
        assertThat(mmg.body()).isEqualTo("RECEIVED");
        assertThat(mmg.headers().get("content-type").get(0)).startsWith("text/plain");
        Http.Response firetext = firetext(FIRETEXT_AUTH, "source=07700900222&destination=" + unknown + "&message=hi");
        assertThat(firetext.status()).isEqualTo(200);
        assertThat(firetext.json().get("status").asText()).isEqualTo("ok");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_sms WHERE notify_number = ?", Integer.class, unknown)).isZero();
    }

    @Test
    void aServiceWithoutTheInboundPermissionOrASwitchedOffNumberReceivesNothing() {
        jdbc.update("DELETE FROM service_permissions WHERE service_id = ? AND permission = 'inbound_sms'", service.id());
        assertThat(mmg(MMG_AUTH, mmgBody(number, "hi", "MMG-" + UUID.randomUUID())).body()).isEqualTo("RECEIVED");
        inbound.permission(service.id(), "inbound_sms");
        jdbc.update("UPDATE inbound_numbers SET active = false WHERE number = ?", number);
        assertThat(mmg(MMG_AUTH, mmgBody(number, "hi", "MMG-" + UUID.randomUUID())).body()).isEqualTo("RECEIVED");
        assertThat(rows()).isEmpty();
    }

    @Test
    void missingCredentialsAre401AndWrongOnes403() {
        String body = mmgBody(number, "hi", "MMG-" + UUID.randomUUID());
        Http.Response missing = mmg(null, body);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("result").asText()).isEqualTo("error");
        assertThat(missing.json().get("message").asText()).isEqualTo("Unauthorized: authentication token must be provided");
        assertThat(missing.headers().get("www-authenticate")).containsExactly("Bearer");

        Http.Response wrong = mmg(basic("username", "wrong"), body);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("message").asText()).isEqualTo("Forbidden: invalid authentication token provided");
        assertThat(firetext(MMG_AUTH, "source=07700900222&destination=" + number + "&message=hi").status()).isEqualTo(403);
        assertThat(firetext(null, "source=07700900222&destination=" + number + "&message=hi").status()).isEqualTo(401);
        // credentials are checked before the body is read: a malformed body without them is a 401, not a 400
        assertThat(mmg(null, "not json").status()).isEqualTo(401);
        assertThat(mmg(basic("username", "wrong"), "not json").status()).isEqualTo(403);
        assertThat(rows()).isEmpty();
    }

    @Test
    void malformedPayloadsAreClear400s() {
        assertError(mmg(MMG_AUTH, "not json"), 400, "MMG inbound SMS: the body is not JSON");
        assertError(mmg(MMG_AUTH, "{\"Number\": \"" + number + "\"}"), 400, "MMG inbound SMS: missing MSISDN, Message, ID");
        assertError(mmg(MMG_AUTH, mmgBody(number, "trailing+%5C", "x")), 400, null);
        assertError(firetext(FIRETEXT_AUTH, "source=07700900222&message=hi"), 400, "Firetext inbound SMS: missing destination");
        assertThat(rows()).isEmpty();
    }

    static void assertError(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.get("result").asText()).isEqualTo("error");
        if (message != null) {
            assertThat(json.get("message").asText()).isEqualTo(message);
        }
    }
}
