package org.notifyoncamel.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.broadcasts.CapBroadcastsTest;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.OpenApiContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Real responses of every public endpoint, successes and errors, validated against the served OpenAPI document
 * ({@link OpenApiContract}, ADR 0160); and proof that the check can fail: bodies, statuses and content types that
 * drift from the document are rejected. ({@link Http} also checks every /v2 response of the other tests.)
 */
@ApiIntegrationTest
class OpenApiContractTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    OpenApiContract contract;
    Http api;
    UUID smsTemplate;
    UUID emailTemplate;
    UUID letterTemplate;
    List<String> checked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false, "sms", "email", "letter", "broadcast", "inbound_sms");
        TestKey key = data.apiKey(service, "normal");
        api = Http.apiKey(port, key.serviceId().toString(), key.secret());
        contract = OpenApiContract.served("http://127.0.0.1:" + port);
        smsTemplate = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "email " + ApiTestData.unique(), "Hi ((name))", "Dear ((name))");
        UUID contact = data.letterContact(service.id(), "The Office");
        letterTemplate = data.template(service, "letter", "letter " + ApiTestData.unique(), "Your letter", "Dear ((address_line_1))",
                "normal", contact);
        data.inboundSms(service.id(), "one", Instant.now().minusSeconds(10));
        data.inboundSms(service.id(), "two", Instant.now());
    }

    /** Calls through {@link Http} (which fails on a violation) and checks the status the test expects. */
    Http.Response call(int expectedStatus, String method, String path, Object body) {
        Http.Response response = api.send(method, path, body);
        assertThat(response.status()).as(method + " " + path + ": " + response).isEqualTo(expectedStatus);
        assertThat(contract.violations(method, path, response.status(), "application/json", response.body())).isEmpty();
        checked.add(method + " " + path.split("\\?")[0] + " " + expectedStatus);
        return response;
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void everyEndpointsSuccessesAndErrorsMatchTheDocument() {
        String sms = call(201, "POST", "/v2/notifications/sms", body("phone_number", "07700900123", "template_id", smsTemplate.toString(),
                "personalisation", Map.of("name", "Jo"), "reference", "ref-1")).json().get("id").asText();
        String email = call(201, "POST", "/v2/notifications/email", body("email_address", "jo@example.gov.uk",
                "template_id", emailTemplate.toString(), "personalisation", Map.of("name", "Jo"),
                "one_click_unsubscribe_url", "https://example.gov.uk/unsubscribe")).json().get("id").asText();
        String letter = call(201, "POST", "/v2/notifications/letter", body("template_id", letterTemplate.toString(),
                "personalisation", Map.of("address_line_1", "Jo Bloggs", "address_line_2", "1 High Street", "postcode", "SW1 1AA")))
                .json().get("id").asText();
        call(400, "POST", "/v2/notifications/sms", body("template_id", "not-a-uuid", "colour", "blue"));
        call(400, "POST", "/v2/notifications/email", body("email_address", "jo@example.gov.uk", "template_id", emailTemplate.toString()));
        call(201, "POST", "/v2/notifications/letter", body("reference", "pdf", "content", Base64.getEncoder().encodeToString(new byte[] {1})));

        call(200, "GET", "/v2/notifications/" + sms, null);
        call(200, "GET", "/v2/notifications/" + email, null);
        call(200, "GET", "/v2/notifications/" + letter, null);
        call(404, "GET", "/v2/notifications/" + UUID.randomUUID(), null);
        call(400, "GET", "/v2/notifications/not-a-uuid", null);
        call(200, "GET", "/v2/notifications", null);
        call(200, "GET", "/v2/notifications?template_type=sms&status=delivered&reference=ref-1", null);
        call(400, "GET", "/v2/notifications?status=elephant", null);
        call(400, "GET", "/v2/notifications/" + letter + "/pdf", null);
        call(400, "GET", "/v2/notifications/" + sms + "/pdf", null);

        call(200, "GET", "/v2/template/" + letterTemplate, null);
        call(200, "GET", "/v2/template/" + smsTemplate + "/version/1", null);
        call(404, "GET", "/v2/template/" + UUID.randomUUID(), null);
        call(200, "GET", "/v2/templates", null);
        call(200, "GET", "/v2/templates?type=email", null);
        call(400, "GET", "/v2/templates?type=orange", null);
        call(200, "POST", "/v2/template/" + emailTemplate + "/preview", body("personalisation", Map.of("name", "Jo")));
        call(400, "POST", "/v2/template/" + emailTemplate + "/preview", body());

        call(200, "GET", "/v2/received-text-messages", null);
        call(400, "GET", "/v2/received-text-messages?user_number=1", null);

        Http.Response broadcast = api.send("POST", "/v2/broadcast", "application/cap+xml", CAP);
        assertThat(broadcast.status()).as(broadcast.toString()).isEqualTo(201);
        Http.Response wrongType = api.send("POST", "/v2/broadcast", "application/json", CAP);
        assertThat(wrongType.status()).isEqualTo(415);

        Http.Response unauthenticated = Http.anonymous(port).get("/v2/notifications");
        assertThat(unauthenticated.status()).isEqualTo(401);
        Http.Response badToken = Http.apiKey(port, UUID.randomUUID().toString(), "secret").get("/v2/templates");
        assertThat(badToken.status()).isEqualTo(403);

        assertThat(checked).hasSizeGreaterThan(20);
    }

    @Test
    void aResponseThatDriftsFromTheDocumentIsRejected() throws Exception {
        Http.Response created = call(201, "POST", "/v2/notifications/sms", body("phone_number", "07700900123",
                "template_id", smsTemplate.toString(), "personalisation", Map.of("name", "Jo")));
        String path = "/v2/notifications/" + created.json().get("id").asText();
        ObjectNode real = (ObjectNode) call(200, "GET", path, null).json();

        ObjectNode withoutStatus = real.deepCopy();
        withoutStatus.remove("status");
        assertThat(contract.violations("GET", path, 200, "application/json", withoutStatus.toString()))
                .anyMatch(v -> v.contains("status"));

        ObjectNode withAnUndocumentedField = real.deepCopy();
        withAnUndocumentedField.put("cost_in_pounds", 0.0227);
        assertThat(contract.violations("GET", path, 200, "application/json", withAnUndocumentedField.toString()))
                .anyMatch(v -> v.contains("cost_in_pounds"));

        ObjectNode wrongType = real.deepCopy();
        wrongType.put("created_at", 1612529391);
        assertThat(contract.violations("GET", path, 200, "application/json", wrongType.toString())).isNotEmpty();

        assertThat(contract.violations("GET", path, 404, "application/json", "{\"result\": \"error\", \"message\": \"x\"}"))
                .isNotEmpty();
        assertThat(contract.violations("GET", path, 418, "application/json", "{}"))
                .containsExactly("status 418 is not a documented response of GET /v2/notifications/{notification_id}");
        assertThat(contract.violations("GET", path, 200, "text/html", "<p>hello</p>")).singleElement().asString()
                .startsWith("Content-Type text/html is not documented");
        assertThat(contract.violations("POST", "/v2/notifications/batch", 201, "application/json", "{}"))
                .containsExactly("no operation POST /v2/notifications/batch in the document");
        assertThat(contract.violations("POST", "/v2/notifications/bulk", 201, "application/json", "{}"))
                .containsExactly(": required property 'data' not found");
        assertThatThrownBy(() -> contract.check("GET", path, 200, "application/json", withoutStatus.toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not describe");

        String accepted = "{\"email_address\": \"jo@example.gov.uk\", \"template_id\": \"" + emailTemplate + "\"}";
        assertThat(contract.requestViolations("POST", "/v2/notifications/email", accepted)).isEmpty();
        assertThat(contract.requestViolations("POST", "/v2/notifications/email", accepted.replace("}", ", \"colour\": \"blue\"}")))
                .anyMatch(v -> v.contains("colour"));

        // the real body still conforms: the rejections above are the edits, not the validator
        assertThat(contract.violations("GET", path, 200, "application/json; charset=utf-8", real.toString())).isEmpty();
    }

    @Test
    void aDocumentThatDriftsFromTheResponsesIsRejected() {
        ObjectNode document = contract.document().deepCopy();
        ((ObjectNode) document.at("/components/schemas/SentTemplate/properties/version")).put("type", "string");
        OpenApiContract drifted = OpenApiContract.of(document);
        Http.Response response = call(200, "GET", "/v2/templates", null);
        assertThat(contract.violations("GET", "/v2/templates", 200, "application/json", response.body())).isEmpty();
        Http.Response created = call(201, "POST", "/v2/notifications/sms", body("phone_number", "07700900123",
                "template_id", smsTemplate.toString(), "personalisation", Map.of("name", "Jo")));
        assertThat(drifted.violations("POST", "/v2/notifications/sms", 201, "application/json", created.body()))
                .anyMatch(v -> v.contains("version"));
    }

    static final String CAP = CapBroadcastsTest.cap("", CapBroadcastsTest.info("Met", "A severe flood warning",
            CapBroadcastsTest.area("River Steeping", CapBroadcastsTest.POLYGON)));
}
