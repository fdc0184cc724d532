package org.notifyoncamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.jobs.JobFiles;
import org.notifyoncamel.objectstore.ObjectStore;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.ApiIntegrationTest;
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

/**
 * POST /v2/notifications/bulk over HTTP (GC Notify's contract): a job created from rows or CSV text, its file in the
 * object store and its process-job task queued; every refusal with its exact message, and nothing created by one.
 */
@ApiIntegrationTest
class BulkNotificationsTest {

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
    ApplicationEventPublisher events;
    @Autowired
    ObjectStore objectStore;
    @Autowired
    JobFiles files;

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
        smsTemplate = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "email " + ApiTestData.unique(), "Hi", "Dear ((name))");
    }

    Http api(TestKey k) {
        return Http.apiKey(port, k.serviceId().toString(), k.secret());
    }

    static Map<String, Object> bulk(UUID template, Object rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "bulk " + ApiTestData.unique());
        body.put("template_id", template.toString());
        body.put("rows", rows);
        return body;
    }

    static List<List<String>> smsRows(String... phones) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("phone number", "name"));
        for (String phone : phones) {
            rows.add(List.of(phone, "Jo"));
        }
        return rows;
    }

    void assertRefused(Map<String, Object> body, int status, String error, String message) {
        assertRefused(key, body, status, error, message);
    }

    void assertRefused(TestKey k, Map<String, Object> body, int status, String error, String message) {
        Http.Response response = api(k).post("/v2/notifications/bulk", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.get("status_code").asInt()).isEqualTo(status);
        assertThat(json.get("errors")).as(response.toString()).anySatisfy(e -> {
            assertThat(e.get("error").asText()).isEqualTo(error);
            assertThat(e.get("message").asText()).isEqualTo(message);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE service_id = ?", Integer.class, k.serviceId()))
                .as("nothing created by a refused request").isZero();
    }

    @Test
    void rowsBecomeAPendingJobWithItsFileAndProcessJobTask() {
        Map<String, Object> body = bulk(smsTemplate, smsRows("07700 900123", "07700900456"));
        Http.Response response = api(key).post("/v2/notifications/bulk", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode job = response.json().get("data");
        assertThat(job.get("job_status").asText()).isEqualTo("pending");
        assertThat(job.get("notification_count").asInt()).isEqualTo(2);
        assertThat(job.get("original_file_name").asText()).isEqualTo(body.get("name"));
        assertThat(job.get("template").asText()).isEqualTo(smsTemplate.toString());
        assertThat(job.get("template_type").asText()).isEqualTo("sms");
        assertThat(job.get("service").asText()).isEqualTo(service.id().toString());
        assertThat(job.get("service_name").get("name").asText()).isEqualTo(service.name());
        assertThat(job.get("api_key").get("id").asText()).isEqualTo(key.id().toString());
        assertThat(job.get("api_key").get("key_type").asText()).isEqualTo("normal");
        assertThat(job.get("created_by").get("id").asText()).isEqualTo("6af522d0-2915-4e52-83a3-3690455a5fe6");
        assertThat(job.get("sender_id").asText()).as("the default SMS sender").isEqualTo(service.smsSenderId().toString());
        assertThat(job.get("scheduled_for").isNull()).isTrue();
        assertThat(job.get("created_at").asText()).endsWith("+00:00");
        assertThat(job.fieldNames()).toIterable().containsExactlyInAnyOrder("api_key", "archived", "created_at", "created_by", "id",
                "job_status", "notification_count", "original_file_name", "processing_finished", "processing_started",
                "scheduled_for", "sender_id", "service", "service_name", "template", "template_type", "template_version",
                "template_name", "updated_at");

        UUID jobId = UUID.fromString(job.get("id").asText());
        assertThat(new String(objectStore.get(files.bucket(), JobFiles.key(service.id(), jobId)).orElseThrow()))
                .isEqualTo("phone number,name\r\n07700 900123,Jo\r\n07700900456,Jo\r\n");
        assertThat(files.metadata(service.id(), jobId).orElseThrow()).containsEntry("valid", "True")
                .containsEntry("notification_count", "2").containsEntry("template_id", smsTemplate.toString());
        SentToQueues.Sent task = sent.await(s -> s.body() != null && s.body().contains(jobId.toString()), Duration.ofSeconds(5));
        assertThat(task).isNotNull();
        assertThat(task.queue()).isEqualTo("job-tasks");
        assertThat(task.body()).isEqualTo("{\"task\":\"process-job\",\"job_id\":\"" + jobId + "\"}");
    }

    @Test
    void csvTextScheduledForLaterIsAScheduledJobWithNoTaskYet() {
        Map<String, Object> body = bulk(emailTemplate, null);
        body.remove("rows");
        body.put("csv", "email address,name\nyou@example.com,Ada\n");
        String when = LocalDateTime.now(ZoneOffset.UTC).plusHours(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        body.put("scheduled_for", when);
        Http.Response response = api(key).post("/v2/notifications/bulk", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode job = response.json().get("data");
        assertThat(job.get("job_status").asText()).isEqualTo("scheduled");
        assertThat(job.get("scheduled_for").asText()).startsWith(when.substring(0, 19));
        assertThat(job.get("sender_id").isNull()).isTrue();
        assertThat(sent.await(s -> s.body() != null && s.body().contains(job.get("id").asText()), Duration.ofMillis(500))).isNull();
    }

    @Test
    void theRequestsShapeIsChecked() {
        assertRefused(Map.of("rows", smsRows("07700900123")), 400, "ValidationError", "name is a required property");
        assertRefused(Map.of("name", "x", "rows", smsRows("07700900123")), 400, "ValidationError", "template_id is a required property");
        Map<String, Object> extra = bulk(smsTemplate, smsRows("07700900123"));
        extra.put("foo", 1);
        assertRefused(extra, 400, "ValidationError", "Additional properties are not allowed (foo was unexpected)");
        assertRefused(bulk(smsTemplate, List.of(List.of("phone number"))), 400, "ValidationError", "rows [[phone number]] is too short");
        Map<String, Object> badCsv = bulk(smsTemplate, null);
        badCsv.remove("rows");
        badCsv.put("csv", 42);
        assertRefused(badCsv, 400, "ValidationError", "csv 42 is not of type string");
        Map<String, Object> badId = bulk(smsTemplate, smsRows("07700900123"));
        badId.put("template_id", "nope");
        assertRefused(badId, 400, "ValidationError", "template_id is not a valid UUID");
        Map<String, Object> past = bulk(smsTemplate, smsRows("07700900123"));
        past.put("scheduled_for", "2020-01-01T10:00:00");
        assertRefused(past, 400, "ValidationError", "scheduled_for datetime cannot be in the past");
        Map<String, Object> far = bulk(smsTemplate, smsRows("07700900123"));
        far.put("scheduled_for", LocalDateTime.now(ZoneOffset.UTC).plusHours(97).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        assertRefused(far, 400, "ValidationError", "scheduled_for datetime can only be up to 96 hours in the future");
        Map<String, Object> garbled = bulk(smsTemplate, smsRows("07700900123"));
        garbled.put("scheduled_for", "soon");
        assertRefused(garbled, 400, "ValidationError", "scheduled_for datetime format is invalid. It must be a valid ISO8601 date time "
                + "format, https://en.wikipedia.org/wiki/ISO_8601");
        Map<String, Object> both = bulk(smsTemplate, smsRows("07700900123"));
        both.put("csv", "phone number\n07700900123");
        assertRefused(both, 400, "BadRequestError", "You should specify either rows or csv");
        Map<String, Object> neither = bulk(smsTemplate, null);
        neither.remove("rows");
        assertRefused(neither, 400, "BadRequestError", "You should specify either rows or csv");
        assertRefused(bulk(smsTemplate, List.of(List.of("phone number"), 7)), 400, "BadRequestError",
                "Error converting to CSV: iterable expected, not int");
    }

    @Test
    void theTemplateMustBeTheServicesAndTheServiceAllowedToSendIt() {
        TestService other = data.service(false);
        UUID othersTemplate = data.template(other, "sms", "other " + ApiTestData.unique(), null, "Hi");
        assertRefused(bulk(othersTemplate, smsRows("07700900123")), 400, "BadRequestError", "Template not found");
        data.archiveTemplate(smsTemplate);
        assertRefused(bulk(smsTemplate, smsRows("07700900123")), 400, "BadRequestError", "Template " + smsTemplate + " has been deleted");

        TestService emailOnly = data.service(false, "email");
        TestKey emailOnlyKey = data.apiKey(emailOnly, "normal");
        UUID text = data.template(emailOnly, "sms", "sms " + ApiTestData.unique(), null, "Hi");
        assertRefused(emailOnlyKey, bulk(text, smsRows("07700900123")), 400, "BadRequestError", "Service is not allowed to send text messages");

        Map<String, Object> badSender = bulk(emailTemplate, List.of(List.of("email address", "name"), List.of("a@example.com", "A")));
        UUID unknown = UUID.randomUUID();
        badSender.put("reply_to_id", unknown.toString());
        assertRefused(badSender, 400, "BadRequestError",
                "email_reply_to_id " + unknown + " does not exist in database for service id " + service.id());
    }

    @Test
    void anInactiveServiceIsSuspended() {
        data.updateService(service.id(), "active = false");
        Http.Response response = api(key).post("/v2/notifications/bulk", bulk(smsTemplate, smsRows("07700900123")));
        // an inactive service's key is refused at authentication already, or by the bulk check
        assertThat(response.status()).as(response.toString()).isIn(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE service_id = ?", Integer.class, service.id())).isZero();
    }

    @Test
    void headersRowsAndLimitsAreCheckedWithGcNotifysMessages() {
        assertRefused(bulk(smsTemplate, List.of(List.of("name"), List.of("Jo"))), 400, "BadRequestError",
                "Missing column headers: phone number");
        assertRefused(bulk(smsTemplate, List.of(List.of("phone number", "phone_number", "name"), List.of("07700900123", "07700900123", "Jo"))),
                400, "BadRequestError", "Duplicate column headers: phone number, phone_number");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("email address", "name"));
        rows.add(List.of("foo@example.com", "Foo"));
        rows.add(List.of("bar@example.com"));
        rows.add(List.of("nope", "nope"));
        rows.add(List.of("baz@example.com", ""));
        rows.add(List.of("baz@example.com", " "));
        assertRefused(bulk(emailTemplate, rows), 400, "BadRequestError", "Some rows have errors. Row 1 - `name`: Missing. "
                + "Row 2 - `email address`: invalid recipient. Row 3 - `name`: Missing. Row 4 - `name`: Missing.");
        assertRefused(bulk(smsTemplate, smsRows("07700900123", "07700900000")), 400, "BadRequestError",
                "Bulk sending to testing and non-testing numbers is not supported");
        List<List<String>> tooLong = new ArrayList<>();
        tooLong.add(List.of("phone number", "name"));
        tooLong.add(List.of("07700900123", "Jo"));
        tooLong.add(List.of("07700900124", "J".repeat(950)));
        assertRefused(bulk(smsTemplate, tooLong), 400, "BadRequestError",
                "Row 2 - has a character count greater than 918 characters. Some messages may be too long due to custom content.");

        data.updateService(service.id(), "message_limit = ?", 2);
        assertRefused(bulk(smsTemplate, smsRows("07700900123", "07700900124", "07700900125")), 400, "BadRequestError",
                "You only have 2 remaining messages before you reach your daily limit. You've tried to send 3 messages.");
    }

    @Test
    void tooManyRowsInCsvText() {
        data.updateService(service.id(), "message_limit = ?", 1_000_000);
        StringBuilder csv = new StringBuilder("phone number,name\n");
        for (int i = 0; i < 50_001; i++) {
            csv.append("07700900123,Jo\n");
        }
        Map<String, Object> body = bulk(smsTemplate, null);
        body.remove("rows");
        body.put("csv", csv.toString());
        assertRefused(body, 400, "BadRequestError", "Too many rows. Maximum number of rows allowed is 50000");
    }

    @Test
    void trialModeAndTeamKeysSendOnlyToTheTeamAndGuestList() {
        TestService trial = data.service(true);
        TestKey trialKey = data.apiKey(trial, "normal");
        UUID template = data.template(trial, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        assertRefused(trialKey, bulk(template, smsRows("07700900123")), 400, "BadRequestError",
                "You cannot send to these recipients because your service is in trial mode. You can only send to members of your "
                        + "team and your safelist.");
        TestKey team = data.apiKey(service, "team");
        assertRefused(team, bulk(smsTemplate, smsRows("07700900123")), 400, "BadRequestError",
                "You cannot send to these recipients because you used a team and safelist API key.");
        Http.Response allowed = api(team).post("/v2/notifications/bulk", bulk(smsTemplate, smsRows(service.userMobile())));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameJobAndCreatesNoSecond() {
        Map<String, Object> body = bulk(smsTemplate, smsRows("07700900123", "07700900456"));
        String idempotencyKey = UUID.randomUUID().toString();
        Http.Response first = api(key).withHeader("Idempotency-Key", idempotencyKey).post("/v2/notifications/bulk", body);
        Http.Response retry = api(key).withHeader("Idempotency-Key", idempotencyKey).post("/v2/notifications/bulk", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().get("data").get("id").asText()).isEqualTo(first.json().get("data").get("id").asText());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE original_file_name = ?", Integer.class, body.get("name"))).isOne();
    }
}
