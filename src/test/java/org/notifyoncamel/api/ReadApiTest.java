package org.notifyoncamel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyoncamel.api.PostNotificationsTest.assertError;
import static org.notifyoncamel.api.PostNotificationsTest.email;
import static org.notifyoncamel.api.PostNotificationsTest.sms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** GET notifications, templates, received texts; auth errors; legacy 404/405; CORS headers. */
@ApiIntegrationTest
class ReadApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    ApiTestData data;
    TestService service;
    TestKey key;
    UUID smsTemplate;
    UUID emailTemplate;
    String root;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false);
        key = data.apiKey(service, "normal");
        smsTemplate = data.template(service, "sms", "b sms", null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "a email", "Hi ((name))", "Dear ((name))");
        root = "http://localhost:" + port;
    }

    Http api(TestKey k) {
        return Http.apiKey(port, k.serviceId().toString(), k.secret());
    }

    @Test
    void getNotificationById() {
        String id = api(key).post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "Jo")).json().get("id").asText();
        Http.Response response = api(key).get("/v2/notifications/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.get("phone_number").asText()).isEqualTo("07700900123");
        assertThat(json.get("email_address").isNull()).isTrue();
        assertThat(json.get("line_1").isNull()).isTrue();
        assertThat(json.get("type").asText()).isEqualTo("sms");
        assertThat(json.get("status").asText()).isEqualTo("created");
        assertThat(json.get("body").asText()).isEqualTo("Hello Jo");
        assertThat(json.get("subject").isNull()).isTrue();
        assertThat(json.get("template").get("uri").asText()).isEqualTo(root + "/v2/template/" + smsTemplate + "/version/1");
        assertThat(json.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(json.get("created_by_name").isNull()).isTrue();
        assertThat(json.get("completed_at").isNull()).isTrue();
        assertThat(json.has("estimated_delivery")).isFalse();
        // a test key reads live-key notifications by id
        assertThat(api(data.apiKey(service, "test")).get("/v2/notifications/" + id).status()).isEqualTo(200);

        assertError(api(key).get("/v2/notifications/not-a-uuid"), 400, "ValidationError", "notification_id is not a valid UUID");
        assertError(api(key).get("/v2/notifications/" + UUID.randomUUID()), 404, "NoResultFound", "No result found");
        TestService other = data.service(false);
        assertError(api(data.apiKey(other, "normal")).get("/v2/notifications/" + id), 404, "NoResultFound", "No result found");
    }

    @Test
    void listNotificationsWithFiltersAndLinks() {
        String first = api(key).post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "1")).json().get("id").asText();
        String second = api(key).post("/v2/notifications/email", withReference(email("a@b.gov.uk", emailTemplate, "name", "2"), "ref-x"))
                .json().get("id").asText();
        api(data.apiKey(service, "test")).post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "t"));

        JsonNode all = api(key).get("/v2/notifications").json();
        assertThat(all.get("notifications")).hasSize(2);
        assertThat(all.get("notifications").get(0).get("id").asText()).isEqualTo(second);
        assertThat(all.get("links").get("current").asText()).isEqualTo(root + "/v2/notifications");
        assertThat(all.get("links").get("next").asText()).isEqualTo(root + "/v2/notifications?older_than=" + first);

        JsonNode older = api(key).get("/v2/notifications?older_than=" + second).json();
        assertThat(older.get("notifications")).hasSize(1);
        assertThat(older.get("notifications").get(0).get("id").asText()).isEqualTo(first);
        JsonNode none = api(key).get("/v2/notifications?older_than=" + first).json();
        assertThat(none.get("notifications")).isEmpty();
        assertThat(none.get("links").has("next")).isFalse();
        // another service's notification id is no reference point: its row is not read (docs/security.md 6)
        TestService other = data.service(false);
        TestKey otherKey = data.apiKey(other, "normal");
        UUID otherSms = data.template(other, "sms", "other sms", null, "Hi ((name))");
        String foreign = api(otherKey).post("/v2/notifications/sms", sms("07700900123", otherSms, "name", "o")).json().get("id").asText();
        assertThat(api(key).get("/v2/notifications?older_than=" + foreign).json().get("notifications"))
                .as("older_than with a newer foreign id pages nothing").isEmpty();

        JsonNode emails = api(key).get("/v2/notifications?template_type=email&status=created&status=sending").json();
        assertThat(emails.get("notifications")).hasSize(1);
        assertThat(emails.get("links").get("current").asText())
                .isEqualTo(root + "/v2/notifications?template_type=email&status=created&status=sending");
        assertThat(emails.get("links").get("next").asText()).endsWith("&older_than=" + second);
        assertThat(api(key).get("/v2/notifications?reference=ref-x").json().get("notifications")).hasSize(1);
        assertThat(api(key).get("/v2/notifications?status=delivered").json().get("notifications")).isEmpty();
        assertThat(api(key).get("/v2/notifications?status=accepted").status()).isEqualTo(200);
        assertThat(api(data.apiKey(service, "test")).get("/v2/notifications").json().get("notifications")).hasSize(1);

        assertError(api(key).get("/v2/notifications?status=elephant"), 400, "ValidationError",
                "status elephant is not one of [cancelled, created, sending, sent, delivered, pending, failed, technical-failure, "
                        + "temporary-failure, permanent-failure, pending-virus-check, validation-failed, virus-scan-failed, "
                        + "returned-letter, accepted, received]");
        assertError(api(key).get("/v2/notifications?template_type=orange"), 400, "ValidationError",
                "template_type orange is not one of [sms, email, letter]");
        assertError(api(key).get("/v2/notifications?older_than=x"), 400, "ValidationError", "older_than is not a valid UUID");
        assertError(api(key).get("/v2/notifications?include_jobs=yes"), 400, "ValidationError", "include_jobs yes is not one of [true, True]");
        assertError(api(key).get("/v2/notifications?x=1"), 400, "ValidationError", "Additional properties are not allowed (x was unexpected)");
    }

    static Map<String, Object> withReference(Map<String, Object> body, String reference) {
        body.put("reference", reference);
        return body;
    }

    @Test
    void templates() {
        UUID contact = data.letterContact(service.id(), "The Office\n((contact))");
        UUID letter = data.template(service, "letter", "c letter", "Letter for ((name))", "Dear ((name)) ((address_line_1))", "normal", contact);
        Http.Response response = api(key).get("/v2/template/" + emailTemplate);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("id").asText()).isEqualTo(emailTemplate.toString());
        assertThat(json.get("type").asText()).isEqualTo("email");
        assertThat(json.get("body").asText()).isEqualTo("Dear ((name))");
        assertThat(json.get("subject").asText()).isEqualTo("Hi ((name))");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("created_by").asText()).isEqualTo(service.userEmail());
        assertThat(json.get("personalisation").get("name").get("required").asBoolean()).isTrue();
        assertThat(json.get("updated_at").isNull()).isTrue();
        assertThat(json.get("postage").isNull()).isTrue();

        JsonNode letterJson = api(key).get("/v2/template/" + letter).json();
        assertThat(letterJson.get("letter_contact_block").asText()).isEqualTo("The Office\n((contact))");
        assertThat(letterJson.get("postage").asText()).isEqualTo("second");
        assertThat(letterJson.get("personalisation").fieldNames()).toIterable().containsExactly("contact", "name", "address_line_1");

        data.newTemplateVersion(smsTemplate, "Hello again ((name))");
        assertThat(api(key).get("/v2/template/" + smsTemplate + "/version/1").json().get("body").asText()).isEqualTo("Hello ((name))");
        assertThat(api(key).get("/v2/template/" + smsTemplate).json().get("body").asText()).isEqualTo("Hello again ((name))");
        assertThat(api(key).get("/v2/template/" + smsTemplate).json().get("version").asInt()).isEqualTo(2);
        assertError(api(key).get("/v2/template/" + smsTemplate + "/version/0"), 404, "NoResultFound", "No result found");
        assertError(api(key).get("/v2/template/" + smsTemplate + "/version/7"), 404, "NoResultFound", "No result found");
        assertError(api(key).get("/v2/template/nope"), 400, "ValidationError", "id is not a valid UUID");
        assertError(api(key).get("/v2/template/" + UUID.randomUUID()), 404, "NoResultFound", "No result found");

        JsonNode list = api(key).get("/v2/templates").json().get("templates");
        assertThat(list).extracting(t -> t.get("name").asText()).containsExactly("a email", "b sms", "c letter");
        assertThat(api(key).get("/v2/templates?type=sms").json().get("templates")).hasSize(1);
        data.archiveTemplate(smsTemplate);
        assertThat(api(key).get("/v2/templates").json().get("templates")).hasSize(2);
        assertThat(api(key).get("/v2/template/" + smsTemplate).status()).isEqualTo(200);
        assertError(api(key).get("/v2/templates?type=fax"), 400, "ValidationError", "type fax is not one of [sms, email, letter, broadcast]");
    }

    @Test
    void templatePreview() {
        Http.Response response = api(key).post("/v2/template/" + emailTemplate + "/preview", Map.of("personalisation", Map.of("name", "Jo")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("body").asText()).isEqualTo("Dear Jo");
        assertThat(json.get("subject").asText()).isEqualTo("Hi Jo");
        assertThat(json.get("html").asText()).contains("Dear Jo").startsWith("<p style=");
        assertThat(json.get("postage").isNull()).isTrue();
        assertError(api(key).send("POST", "/v2/template/" + emailTemplate + "/preview", ""), 400, "BadRequestError",
                "Missing personalisation: name");
        assertError(api(key).post("/v2/template/" + emailTemplate + "/preview", "{x"), 400, "BadRequestError",
                "Invalid JSON supplied in POST data");
        assertError(api(key).post("/v2/template/" + emailTemplate + "/preview", Map.of("personalisation", "x")), 400, "ValidationError",
                "personalisation x is not of type object");
        assertError(api(key).post("/v2/template/" + UUID.randomUUID() + "/preview", Map.of()), 404, "NoResultFound", "No result found");
    }

    @Test
    void receivedTextMessages() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID old = data.inboundSms(service.id(), "first", now.minusSeconds(60));
        UUID recent = data.inboundSms(service.id(), "second", now);
        JsonNode json = api(key).get("/v2/received-text-messages").json();
        assertThat(json.get("received_text_messages")).extracting(t -> t.get("content").asText()).containsExactly("second", "first");
        JsonNode first = json.get("received_text_messages").get(0);
        assertThat(first.get("id").asText()).isEqualTo(recent.toString());
        assertThat(first.get("notify_number").asText()).isEqualTo("07900900123");
        assertThat(first.get("user_number").asText()).isEqualTo("447700900111");
        assertThat(first.get("service_id").asText()).isEqualTo(service.id().toString());
        assertThat(json.get("links").get("current").asText()).isEqualTo(root + "/v2/received-text-messages");
        assertThat(json.get("links").get("next").asText()).isEqualTo(root + "/v2/received-text-messages?older_than=" + old);
        JsonNode older = api(key).get("/v2/received-text-messages?older_than=" + recent).json();
        assertThat(older.get("received_text_messages")).hasSize(1);
        assertError(api(key).get("/v2/received-text-messages?user_number=1"), 400, "ValidationError",
                "Additional properties are not allowed (user_number was unexpected)");
    }

    @Test
    void authenticationErrors() {
        Http anonymous = Http.anonymous(port);
        assertError(anonymous.get("/v2/notifications"), 401, "AuthError", "Unauthorized: authentication token must be provided");
        assertError(anonymous.withAuthorization("Basic abc").get("/v2/notifications"), 401, "AuthError",
                "Unauthorized: authentication bearer scheme must be used");
        assertError(anonymous.withAuthorization("Bearer nonsense").get("/v2/notifications"), 403, "AuthError",
                "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header");
        long now = Instant.now().getEpochSecond();
        assertError(anonymous.withAuthorization("Bearer " + Http.apiToken("not-a-uuid", key.secret(), now)).get("/v2/notifications"),
                403, "AuthError", "Invalid token: service id is not the right data type");
        assertError(anonymous.withAuthorization("Bearer " + Http.apiToken(UUID.randomUUID().toString(), key.secret(), now))
                .get("/v2/notifications"), 403, "AuthError", "Invalid token: service not found");
        assertError(anonymous.withAuthorization("bearer " + Http.apiToken(service.id().toString(), key.secret(), now - 60))
                .get("/v2/notifications"), 403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds");
        assertError(Http.apiKey(port, service.id().toString(), UUID.randomUUID().toString()).get("/v2/notifications"), 403, "AuthError",
                "Invalid token: API key not found");
        TestService noKeys = data.service(false);
        assertError(Http.apiKey(port, noKeys.id().toString(), key.secret()).get("/v2/notifications"), 403, "AuthError",
                "Invalid token: service has no API keys");
        data.revoke(key, Instant.now());
        assertError(api(key).get("/v2/notifications"), 403, "AuthError", "Invalid token: API key revoked");
        TestKey longRevoked = data.apiKey(service, "normal");
        data.revoke(longRevoked, Instant.now().minus(8, ChronoUnit.DAYS));
        assertError(api(longRevoked).get("/v2/notifications"), 403, "AuthError", "Invalid token: API key not found");
        TestKey active = data.apiKey(service, "normal");
        data.updateService(service.id(), "active = false");
        assertError(api(active).get("/v2/notifications"), 403, "AuthError", "Invalid token: service is archived");
    }

    @Test
    void legacyRoutingErrorsAndCorsHeaders() {
        Http.Response unknown = Http.anonymous(port).get("/v2/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("result").asText()).isEqualTo("error");
        assertThat(unknown.json().get("message").asText()).isEqualTo(
                "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");
        Http.Response wrongMethod = Http.anonymous(port).send("DELETE", "/v2/templates", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("message").asText()).isEqualTo("The method is not allowed for the requested URL.");
        for (Http.Response response : new Http.Response[] {unknown, wrongMethod, api(key).get("/v2/templates")}) {
            assertThat(response.headers().get("access-control-allow-origin")).containsExactly("*");
            assertThat(response.headers().get("access-control-allow-headers")).containsExactly("Content-Type,Authorization");
            assertThat(response.headers().get("access-control-allow-methods")).containsExactly("GET,PUT,POST,DELETE");
        }
    }
}
