package org.notifyoncamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.notifyoncamel.support.ApiTestContext;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.SentToQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import com.fasterxml.jackson.databind.ObjectMapper;

/** POST /v2/notifications/{sms,email,letter} over HTTP: success paths, queues, and every error of sections 2-7. */
@ApiIntegrationTest
class PostNotificationsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    CamelContext camel;
    @Autowired
    Queues queues;
    @Autowired
    SqsClient sqs;
    @Autowired
    ApplicationEventPublisher events;

    ApiTestData data;
    SentToQueues sent;
    TestService service;
    TestKey key;
    UUID smsTemplate;
    UUID emailTemplate;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        sent = SentToQueues.on(camel, queues.prefix());
        service = data.service(false);
        key = data.apiKey(service, "normal");
        smsTemplate = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name)), your code is ((code))");
        emailTemplate = data.template(service, "email", "email " + ApiTestData.unique(), "Hi ((name))", "Dear ((name)),\n\nThanks.");
    }

    Http api(TestKey k) {
        return Http.apiKey(port, k.serviceId().toString(), k.secret());
    }

    static Map<String, Object> sms(String phone, UUID templateId, Object... personalisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", phone);
        body.put("template_id", templateId.toString());
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < personalisation.length; i += 2) {
            values.put((String) personalisation[i], personalisation[i + 1]);
        }
        body.put("personalisation", values);
        return body;
    }

    static Map<String, Object> email(String address, UUID templateId, Object... personalisation) {
        Map<String, Object> body = sms(null, templateId, personalisation);
        body.remove("phone_number");
        body.put("email_address", address);
        return body;
    }

    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.get("status_code").asInt()).isEqualTo(status);
        assertThat(json.get("errors")).as(response.toString()).anySatisfy(e -> {
            assertThat(e.get("error").asText()).isEqualTo(error);
            assertThat(e.get("message").asText()).isEqualTo(message);
        });
    }

    String deliverMessageQueue(String notificationId) {
        SentToQueues.Sent message = sent.await(s -> s.body() != null && s.body().contains(notificationId), Duration.ofSeconds(5));
        assertThat(message).as("a queue message for " + notificationId).isNotNull();
        assertThat(message.failed()).isFalse();
        return message.queue();
    }

    @Test
    void smsIsPersistedQueuedAndAnswered() {
        Map<String, Object> body = sms("07700 900123", smsTemplate, "name", "Jo", "code", 1234);
        body.put("reference", "ref-1");
        Http.Response response = api(key).post("/v2/notifications/sms", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        String id = json.get("id").asText();
        assertThat(json.get("reference").asText()).isEqualTo("ref-1");
        assertThat(json.get("content").get("body").asText()).isEqualTo("Hello Jo, your code is 1234");
        assertThat(json.get("content").get("from_number").asText()).isEqualTo("testing");
        assertThat(json.get("uri").asText()).isEqualTo("http://localhost:" + port + "/v2/notifications/" + id);
        assertThat(json.get("template").get("uri").asText())
                .isEqualTo("http://localhost:" + port + "/services/" + service.id() + "/templates/" + smsTemplate);
        assertThat(json.get("template").get("version").asInt()).isEqualTo(1);
        assertThat(json.has("scheduled_for")).isTrue();
        assertThat(json.get("scheduled_for").isNull()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM notifications WHERE id = ?::uuid", id);
        assertThat(row.get("to")).isEqualTo("07700 900123");
        assertThat(row.get("normalised_to")).isEqualTo("447700900123");
        assertThat(row.get("notification_status")).isEqualTo("created");
        assertThat(row.get("key_type")).isEqualTo("normal");
        assertThat(row.get("client_reference")).isEqualTo("ref-1");
        assertThat(row.get("phone_prefix")).isEqualTo("44");
        assertThat(row.get("international")).isEqualTo(false);
        assertThat(row.get("reply_to_text")).isEqualTo("testing");
        assertThat((String) row.get("_personalisation")).doesNotContain("Jo");
        assertThat(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, (String) row.get("_personalisation"))).contains("\"name\":\"Jo\"");

        SentToQueues.Sent message = sent.await(s -> s.body().contains(id), Duration.ofSeconds(5));
        assertThat(message.queue()).isEqualTo("send-sms-tasks");
        assertThat(message.body()).isEqualTo("{\"notification_id\":\"" + id + "\"}");
    }

    @Test
    void emailIsPersistedQueuedAndAnswered() {
        UUID replyTo = data.replyTo(service.id(), "reply@example.gov.uk", true);
        Map<String, Object> body = email("Someone@Example.gov.uk", emailTemplate, "name", "Jo");
        body.put("email_reply_to_id", replyTo.toString());
        body.put("one_click_unsubscribe_url", "https://example.gov.uk/unsubscribe?x=1");
        Http.Response response = api(key).post("/v2/notifications/email", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("content").get("subject").asText()).isEqualTo("Hi Jo");
        assertThat(json.get("content").get("body").asText()).isEqualTo("Dear Jo,\n\nThanks.");
        assertThat(json.get("content").get("from_email").asText()).startsWith("service.").endsWith("@test.notify.com");
        assertThat(json.get("one_click_unsubscribe_url").asText()).isEqualTo("https://example.gov.uk/unsubscribe?x=1");
        String id = json.get("id").asText();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM notifications WHERE id = ?::uuid", id);
        assertThat(row.get("normalised_to")).isEqualTo("someone@example.gov.uk");
        assertThat(row.get("reply_to_text")).isEqualTo("reply@example.gov.uk");
        assertThat(deliverMessageQueue(id)).isEqualTo("send-email-tasks");
    }

    @Test
    void testKeysAndResearchModeGoToTheResearchQueueAndPriorityTemplatesToPriority() {
        TestKey testKey = data.apiKey(service, "test");
        String testId = api(testKey).post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "a", "code", "b"))
                .json().get("id").asText();
        assertThat(deliverMessageQueue(testId)).isEqualTo("research-mode-tasks");
        assertThat(jdbc.queryForObject("SELECT key_type FROM notifications WHERE id = ?::uuid", String.class, testId)).isEqualTo("test");

        UUID priority = data.template(service, "email", "prio " + ApiTestData.unique(), "s", "urgent", "priority", null);
        String priorityId = api(key).post("/v2/notifications/email", email("a@b.gov.uk", priority)).json().get("id").asText();
        assertThat(deliverMessageQueue(priorityId)).isEqualTo("priority-tasks");
    }

    @Test
    void simulatedRecipientsAnswer201AndStoreNothing() {
        Http.Response response = api(key).post("/v2/notifications/sms", sms("+447700900000", smsTemplate, "name", "a", "code", "b"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asText();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE id = ?::uuid", Integer.class, id)).isZero();
        Http.Response emailResponse = api(key).post("/v2/notifications/email",
                email("simulate-delivered@notifications.service.gov.uk", emailTemplate, "name", "x"));
        assertThat(emailResponse.status()).isEqualTo(201);
        assertThat(api(key).get("/v2/notifications/" + id).status()).isEqualTo(404);
        assertThat(sent.all()).noneMatch(s -> s.body().contains(id));
    }

    @Test
    void highVolumeServicesGoToTheSaveQueueWithoutInserting() {
        TestService hv = data.service(false);
        // re-key the new service to the configured high-volume id
        jdbc.update("INSERT INTO services (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, "
                + "prefix_sms, rate_limit, version) SELECT ?, name || ' hv', created_at, active, message_limit, restricted, research_mode, "
                + "email_from || '.hv', created_by_id, prefix_sms, rate_limit, version FROM services WHERE id = ? ON CONFLICT (id) DO NOTHING",
                ApiTestContext.HIGH_VOLUME_SERVICE_ID, hv.id());
        jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, 'sms', now()) ON CONFLICT DO NOTHING",
                ApiTestContext.HIGH_VOLUME_SERVICE_ID);
        TestService high = new TestService(ApiTestContext.HIGH_VOLUME_SERVICE_ID, hv.name(), hv.userId(), hv.userEmail(), hv.userMobile(), null);
        TestKey highKey = data.apiKey(high, "normal");
        UUID template = data.template(high, "sms", "hv " + ApiTestData.unique(), null, "Hi ((name))");

        Http.Response response = api(highKey).post("/v2/notifications/sms", sms("07700900456", template, "name", "Jo"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asText();
        SentToQueues.Sent message = sent.await(s -> s.body().contains(id), Duration.ofSeconds(5));
        assertThat(message.queue()).isEqualTo("save-api-sms-tasks");
        JsonNode task = readJson(message.body()).get("notification");
        assertThat(task.get("id").asText()).isEqualTo(id);
        assertThat(task.get("to").asText()).isEqualTo("07700900456");
        assertThat(task.get("notification_status").asText()).isEqualTo("created");
        assertThat(task.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, task.get("_personalisation").asText())).contains("Jo");
        assertThat(task.has("job_id")).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE id = ?::uuid", Integer.class, id)).isZero();
    }

    @Test
    void bodyAndSchemaErrors() {
        Http api = api(key);
        assertError(api.post("/v2/notifications/sms", "{not json"), 400, "BadRequestError", "Invalid JSON supplied in POST data");
        assertError(api.send("POST", "/v2/notifications/sms", ""), 400, "BadRequestError", "Invalid JSON supplied in POST data");
        Http.Response empty = api.post("/v2/notifications/sms", "null");
        assertError(empty, 400, "ValidationError", "phone_number is a required property");
        assertError(empty, 400, "ValidationError", "template_id is a required property");
        assertError(api.post("/v2/notifications/sms", "[1]"), 400, "ValidationError", "[1] is not of type object");

        Map<String, Object> body = sms("07700900123", smsTemplate);
        body.put("reference", 1);
        body.put("template", "x");
        body.put("personalisation", "foo");
        Http.Response response = api.post("/v2/notifications/sms", body);
        assertError(response, 400, "ValidationError", "reference 1 is not of type string");
        assertError(response, 400, "ValidationError", "personalisation foo is not of type object");
        assertError(response, 400, "ValidationError", "Additional properties are not allowed (template was unexpected)");

        assertError(api.post("/v2/notifications/sms", Map.of("phone_number", "07700900123", "template_id", "nope")),
                400, "ValidationError", "template_id is not a valid UUID");
        assertError(api.post("/v2/notifications/sms", Map.of("phone_number", "0770090012", "template_id", smsTemplate.toString())),
                400, "ValidationError", "phone_number Not enough digits");
        assertError(api.post("/v2/notifications/sms", Map.of("phone_number", "020 7946 0000", "template_id", smsTemplate.toString())),
                400, "ValidationError", "phone_number Not a UK mobile number");
        assertError(api.post("/v2/notifications/email", Map.of("email_address", "not-an-email", "template_id", emailTemplate.toString())),
                400, "ValidationError", "email_address Not a valid email address");
        Map<String, Object> scheduled = sms("07700900123", smsTemplate, "name", "a", "code", "b");
        scheduled.put("scheduled_for", "2001-01-01 10:00");
        assertError(api.post("/v2/notifications/sms", scheduled), 400, "ValidationError", "scheduled_for datetime can not be in the past");
        scheduled.put("scheduled_for", "tomorrow");
        assertError(api.post("/v2/notifications/sms", scheduled), 400, "ValidationError",
                "scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601");
        Map<String, Object> twoBad = new LinkedHashMap<>();
        twoBad.put("a", 1);
        twoBad.put("b", 2);
        twoBad.put("phone_number", "07700900123");
        twoBad.put("template_id", smsTemplate.toString());
        assertError(api.post("/v2/notifications/sms", twoBad), 400, "ValidationError", "Additional properties are not allowed (a, b were unexpected)");
    }

    @Test
    void uuidFormsPythonAcceptsAreLookedUp() {
        String braced = "{" + smsTemplate.toString().replace("-", "").toUpperCase() + "}";
        Http.Response response = api(key).post("/v2/notifications/sms",
                Map.of("phone_number", "07700900123", "template_id", braced, "personalisation", Map.of("name", "a", "code", "b")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("template").get("id").asText()).isEqualTo(smsTemplate.toString());
    }

    @Test
    void permissionTemplateAndSenderErrors() {
        TestService emailOnly = data.service(false, "email");
        TestKey emailOnlyKey = data.apiKey(emailOnly, "normal");
        UUID t = data.template(emailOnly, "sms", "t", null, "hi");
        assertError(api(emailOnlyKey).post("/v2/notifications/sms", sms("07700900123", t)), 400, "BadRequestError",
                "Service is not allowed to send text messages");
        TestService smsOnly = data.service(false, "sms");
        assertError(api(data.apiKey(smsOnly, "normal")).post("/v2/notifications/email", email("a@b.gov.uk", UUID.randomUUID())),
                400, "BadRequestError", "Service is not allowed to send emails");

        Http api = api(key);
        assertError(api.post("/v2/notifications/sms", sms("07700900123", UUID.randomUUID())), 400, "BadRequestError", "Template not found");
        assertError(api.post("/v2/notifications/sms", sms("07700900123", emailTemplate)), 400, "BadRequestError",
                "email template is not suitable for sms notification");
        assertError(api.post("/v2/notifications/sms", sms("07700900123", smsTemplate)), 400, "BadRequestError",
                "Missing personalisation: name, code");
        UUID archived = data.template(service, "sms", "old", null, "old");
        data.archiveTemplate(archived);
        assertError(api.post("/v2/notifications/sms", sms("07700900123", archived)), 400, "BadRequestError", "Template has been deleted");
        UUID empty = data.template(service, "sms", "empty", null, "((x))");
        assertError(api.post("/v2/notifications/sms", sms("07700900123", empty, "x", "")), 400, "BadRequestError", "Your message is empty.");
        UUID longTemplate = data.template(service, "sms", "long", null, "((x))");
        assertError(api.post("/v2/notifications/sms", sms("07700900123", longTemplate, "x", "a".repeat(919))), 400, "BadRequestError",
                "Your message is too long. Text messages cannot be longer than 918 characters. Your message is 919 characters long.");

        Map<String, Object> badSender = sms("07700900123", smsTemplate, "name", "a", "code", "b");
        String unknown = UUID.randomUUID().toString();
        badSender.put("sms_sender_id", unknown);
        assertError(api.post("/v2/notifications/sms", badSender), 400, "BadRequestError",
                "sms_sender_id " + unknown + " does not exist in database for service id " + service.id());
        Map<String, Object> badReplyTo = email("a@b.gov.uk", emailTemplate, "name", "a");
        badReplyTo.put("email_reply_to_id", unknown);
        assertError(api.post("/v2/notifications/email", badReplyTo), 400, "BadRequestError",
                "email_reply_to_id " + unknown + " does not exist in database for service id " + service.id());

        UUID inbound = data.smsSender(service.id(), "07123123123", false);
        Map<String, Object> withSender = sms("07700900123", smsTemplate, "name", "a", "code", "b");
        withSender.put("sms_sender_id", inbound.toString());
        Http.Response ok = api.post("/v2/notifications/sms", withSender);
        assertThat(ok.json().get("content").get("from_number").asText()).isEqualTo("447123123123");
    }

    @Test
    void trialModeTeamKeysAndInternationalNumbers() {
        TestService trial = data.service(true);
        TestKey live = data.apiKey(trial, "normal");
        UUID t = data.template(trial, "sms", "t", null, "hi");
        assertError(api(live).post("/v2/notifications/sms", sms("07700900999", t)), 400, "BadRequestError",
                "Can\u2019t send to this recipient when service is in trial mode \u2013 see https://www.notifications.service.gov.uk/trial-mode");
        assertThat(api(live).post("/v2/notifications/sms", sms("+44 " + trial.userMobile().substring(1), t)).status()).isEqualTo(201);
        data.guestList(trial.id(), "mobile", "07700900999");
        assertThat(api(live).post("/v2/notifications/sms", sms("07700900999", t)).status()).isEqualTo(201);
        assertThat(api(data.apiKey(trial, "test")).post("/v2/notifications/sms", sms("07700900555", t)).status()).isEqualTo(201);

        TestKey team = data.apiKey(service, "team");
        assertError(api(team).post("/v2/notifications/email", email("stranger@example.gov.uk", emailTemplate, "name", "x")),
                400, "BadRequestError", "Can\u2019t send to this recipient using a team-only API key");
        assertThat(api(team).post("/v2/notifications/email", email(service.userEmail().toUpperCase(), emailTemplate, "name", "x")).status())
                .isEqualTo(201);

        TestService domestic = data.service(false, "sms");
        UUID dt = data.template(domestic, "sms", "t", null, "hi");
        assertError(api(data.apiKey(domestic, "normal")).post("/v2/notifications/sms", sms("+33 6 12 34 56 78", dt)), 400,
                "BadRequestError", "Cannot send to international mobile numbers");
        Http.Response international = api(key).post("/v2/notifications/sms", sms("+33 6 12 34 56 78", smsTemplate, "name", "a", "code", "b"));
        assertThat(international.status()).as(international.toString()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM notifications WHERE id = ?::uuid", international.json().get("id").asText());
        assertThat(row.get("international")).isEqualTo(true);
        assertThat(row.get("phone_prefix")).isEqualTo("33");
        assertThat(row.get("normalised_to")).isEqualTo("33612345678");
    }

    @Test
    void rateLimitPerKeyType() {
        data.updateService(service.id(), "rate_limit = 2");
        Http api = api(key);
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "a", "code", "b")).status()).isEqualTo(201);
        }
        assertError(api.post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "a", "code", "b")), 429, "RateLimitError",
                "Exceeded rate limit for key type LIVE of 2 requests per 60 seconds");
        assertThat(api(data.apiKey(service, "test")).post("/v2/notifications/sms",
                sms("07700900123", smsTemplate, "name", "a", "code", "b")).status()).isEqualTo(201);
    }

    @Test
    void dailyLimitCountsInRedis() {
        TestService small = data.service(false);
        data.updateService(small.id(), "message_limit = 2");
        TestKey smallKey = data.apiKey(small, "normal");
        UUID t = data.template(small, "sms", "t", null, "hi");
        assertThat(api(smallKey).post("/v2/notifications/sms", sms("07700900123", t)).status()).isEqualTo(201);
        assertThat(api(smallKey).post("/v2/notifications/sms", sms("07700900123", t)).status()).isEqualTo(201);
        assertError(api(smallKey).post("/v2/notifications/sms", sms("07700900123", t)), 429, "TooManyRequestsError",
                "Exceeded send limits (2) for today");
        assertThat(api(data.apiKey(small, "test")).post("/v2/notifications/sms", sms("07700900123", t)).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ? AND key_type = 'normal'", Integer.class,
                small.id())).isEqualTo(2);
    }

    @Test
    void documentAttachments() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", "JVBERi0xLjQK");
        file.put("filename", null);
        file.put("confirm_email_before_download", null);
        file.put("retention_period", null);
        assertError(api(key).post("/v2/notifications/email", email("a@b.gov.uk", emailTemplate, "name", file)), 400, "BadRequestError",
                "Send files by email has not been set up - add contact details for your service at http://localhost:6012/services/"
                        + service.id() + "/service-settings/send-files-by-email");
        TestService withContact = data.service(false);
        data.updateService(withContact.id(), "contact_link = 'https://example.gov.uk/contact'");
        TestKey contactKey = data.apiKey(withContact, "normal");
        UUID t = data.template(withContact, "email", "t", "s", "Download: ((link))");
        Http.Response response = api(contactKey).post("/v2/notifications/email", email("a@b.gov.uk", t, "link", file));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("content").get("body").asText()).startsWith("Download: https://documents.");
        String id = response.json().get("id").asText();
        assertThat(jdbc.queryForObject("SELECT document_download_count FROM notifications WHERE id = ?::uuid", Integer.class, id)).isEqualTo(1);
        assertThat(ApiTestContext.DOCUMENT_UPLOADS).anySatisfy(upload -> {
            assertThat(upload.getKey()).isEqualTo("/services/" + withContact.id() + "/documents");
            assertThat(upload.getValue().get("document").asText()).isEqualTo("JVBERi0xLjQK");
            assertThat(upload.getValue().get("is_csv").asBoolean()).isFalse();
        });
        assertError(api(contactKey).post("/v2/notifications/email", email("a@b.gov.uk", t, "link", Map.of("file", ApiTestContext.VIRUS_FILE))),
                400, "BadRequestError", "File did not pass the virus scan");
    }

    @Test
    void letters() {
        assertError(api(key).post("/v2/notifications/letter", Map.of("template_id", smsTemplate.toString(),
                "personalisation", Map.of("address_line_1", "a"))), 400, "BadRequestError", "Service is not allowed to send letters");
        TestService letters = data.service(false, "letter");
        assertError(api(data.apiKey(letters, "normal")).post("/v2/notifications/letter", Map.of("template_id", smsTemplate.toString(),
                "personalisation", Map.of("address_line_1", "a"))), 400, "BadRequestError", "Template not found");
        assertError(api(key).post("/v2/notifications/letter", Map.of("reference", "r", "content", "JVBE", "postage", "third")),
                400, "ValidationError", "postage invalid. It must be first, second, europe or rest-of-world.");
        Http.Response unknownType = api(key).post("/v2/notifications/fax", Map.of());
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.json().get("result").asText()).isEqualTo("error");
    }

    @Test
    void queueFailureAfterInsertStillAnswers201() throws Exception {
        sqs.deleteQueue(DeleteQueueRequest.builder().queueUrl(queues.url("send-sms-tasks")).build());
        try {
            Http.Response response = api(key).post("/v2/notifications/sms", sms("07700900123", smsTemplate, "name", "a", "code", "b"));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            String id = response.json().get("id").asText();
            assertThat(jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?::uuid", String.class, id))
                    .isEqualTo("created");
        } finally {
            sqs.createQueue(CreateQueueRequest.builder().queueName(queues.name("send-sms-tasks"))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "310")).build());
        }
    }

    static JsonNode readJson(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> messages(Http.Response response) {
        return response.json().findValuesAsText("message");
    }
}
