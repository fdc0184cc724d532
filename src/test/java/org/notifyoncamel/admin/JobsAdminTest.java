package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.jobs.JobFiles;
import org.notifyoncamel.jobs.JobRowInserts;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.SentToQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The internal job endpoints (notifications-api app/job/rest.py) over HTTP, the CSV put in the object store as the admin puts it. */
@ApiIntegrationTest
class JobsAdminTest {

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
    JobFiles files;
    @Autowired
    JobRowInserts inserts;

    ApiTestData data;
    SentToQueues sent;
    TestService service;
    UUID template;
    Http admin;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        sent = SentToQueues.on(camel, queues.prefix());
        service = data.service(false);
        template = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        admin = Http.admin(port);
    }

    UUID upload(UUID templateId, String valid, int rows) {
        UUID id = UUID.randomUUID();
        Map<String, String> metadata = new HashMap<>(Map.of("template_id", templateId.toString(), "notification_count",
                Integer.toString(rows), "original_file_name", "people.csv"));
        if (valid != null) {
            metadata.put("valid", valid);
        }
        files.upload(service.id(), id, "phone number,name\r\n07700900123,Jo\r\n", metadata);
        return id;
    }

    Http.Response create(UUID jobId, Object scheduledFor) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", jobId.toString());
        body.put("created_by", service.userId().toString());
        if (scheduledFor != null) {
            body.put("scheduled_for", scheduledFor);
        }
        return admin.post("/service/" + service.id() + "/job", body);
    }

    static void assertAdminError(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("result").asText()).isEqualTo("error");
        JsonNode actual = response.json().get("message");
        assertThat(actual.isTextual() ? actual.asText() : actual.toString()).isEqualTo(message);
    }

    @Test
    void aJobIsCreatedFromItsFilesMetadataAndQueued() {
        UUID id = upload(template, "True", 1);
        Http.Response response = create(id, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode job = response.json().get("data");
        assertThat(job.get("id").asText()).isEqualTo(id.toString());
        assertThat(job.get("original_file_name").asText()).isEqualTo("people.csv");
        assertThat(job.get("notification_count").asInt()).isEqualTo(1);
        assertThat(job.get("job_status").asText()).isEqualTo("pending");
        assertThat(job.get("template_version").asInt()).isEqualTo(1);
        assertThat(job.get("created_by").get("id").asText()).isEqualTo(service.userId().toString());
        assertThat(job.get("statistics")).isEmpty();
        assertThat(job.get("contact_list_id").isNull()).isTrue();
        SentToQueues.Sent task = sent.await(s -> s.body() != null && s.body().contains(id.toString()), Duration.ofSeconds(5));
        assertThat(task).isNotNull();
        assertThat(task.queue()).isEqualTo("job-tasks");

        Http.Response got = admin.get("/service/" + service.id() + "/job/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("data").get("service_name").get("name").asText()).isEqualTo(service.name());
        assertThat(admin.get("/service/" + service.id() + "/job/" + id + "/notification_count").json().get("count").asInt()).isZero();
    }

    @Test
    void createRefusesWhatTheOriginalRefuses() {
        assertAdminError(admin.post("/service/" + service.id() + "/job", Map.of("created_by", service.userId().toString())), 400,
                "{\"id\":[\"Missing data for required field.\"]}");
        assertAdminError(create(upload(template, null, 1), null), 400, "File is not valid, can't create job");
        UUID noCreator = upload(template, "True", 1);
        assertAdminError(admin.post("/service/" + service.id() + "/job", Map.of("id", noCreator.toString())), 400,
                "{\"created_by\":[\"Missing data for required field.\"]}");
        assertAdminError(create(upload(template, "True", 1), "2020-01-01T10:00:00"), 400,
                "{\"scheduled_for\":[\"Date cannot be in the past\"]}");
        assertAdminError(create(upload(template, "True", 1), LocalDateTime.now(ZoneOffset.UTC).plusHours(97)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)), 400, "{\"scheduled_for\":[\"Date cannot be more than 96hrs in the future\"]}");
        assertAdminError(create(upload(template, "True", 1), "tomorrow"), 400, "{\"scheduled_for\":[\"Not a valid datetime.\"]}");

        TestService other = data.service(false);
        UUID othersTemplate = data.template(other, "sms", "other " + ApiTestData.unique(), null, "Hi");
        assertAdminError(create(upload(othersTemplate, "True", 1), null), 404, "No result found");
        UUID archived = upload(template, "True", 1);
        data.archiveTemplate(template);
        assertAdminError(create(archived, null), 400, "{\"template\":[\"Template has been deleted\"]}");

        data.updateService(service.id(), "active = false");
        assertAdminError(create(upload(template, "True", 1), null), 403, "Create job is not allowed: service is inactive ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE service_id = ?", Integer.class, service.id())).isZero();
        assertAdminError(admin.post("/service/" + UUID.randomUUID() + "/job", Map.of("id", UUID.randomUUID().toString())), 404,
                "No result found");
    }

    @Test
    void trialServicesCannotCreateLetterJobs() {
        TestService trial = data.service(true, "letter");
        UUID letter = data.template(trial, "letter", "letter " + ApiTestData.unique(), "Subject", "Body");
        UUID id = UUID.randomUUID();
        files.upload(trial.id(), id, "address line 1,address line 2,postcode\r\nA,B,SW1A 1AA\r\n",
                Map.of("template_id", letter.toString(), "notification_count", "1", "valid", "True"));
        assertAdminError(admin.post("/service/" + trial.id() + "/job", Map.of("id", id.toString(), "created_by", trial.userId().toString())),
                403, "Create letter job is not allowed for service in trial mode ");
    }

    @Test
    void aScheduledJobIsListedCountedAndCancellableUntilItStarts() {
        String when = LocalDateTime.now(ZoneOffset.UTC).plusHours(3).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        UUID scheduled = upload(template, "True", 1);
        Http.Response response = create(scheduled, when);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("data").get("job_status").asText()).isEqualTo("scheduled");
        assertThat(response.json().get("data").get("scheduled_for").asText()).isEqualTo(when + "+00:00");
        assertThat(sent.await(s -> s.body() != null && s.body().contains(scheduled.toString()), Duration.ofMillis(500))).isNull();
        UUID pending = upload(template, "True", 1);
        assertThat(create(pending, null).status()).isEqualTo(201);

        JsonNode stats = admin.get("/service/" + service.id() + "/job/scheduled-job-stats").json();
        assertThat(stats.get("count").asInt()).isEqualTo(1);
        assertThat(stats.get("soonest_scheduled_for").asText()).isEqualTo(when + "+00:00");

        JsonNode list = admin.get("/service/" + service.id() + "/job").json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("page_size").asInt()).isEqualTo(50);
        assertThat(list.get("data")).extracting(j -> j.get("id").asText()).containsExactly(pending.toString(), scheduled.toString());
        JsonNode filtered = admin.get("/service/" + service.id() + "/job?statuses=scheduled,%20finished").json();
        assertThat(filtered.get("data")).extracting(j -> j.get("id").asText()).containsExactly(scheduled.toString());
        assertAdminError(admin.get("/service/" + service.id() + "/job?limit_days=x"), 400, "{\"limit_days\":[\"x is not an integer\"]}");

        assertAdminError(admin.post("/service/" + service.id() + "/job/" + pending + "/cancel", null), 404, "No result found");
        Http.Response cancelled = admin.post("/service/" + service.id() + "/job/" + scheduled + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("data").get("job_status").asText()).isEqualTo("cancelled");
        assertAdminError(admin.post("/service/" + service.id() + "/job/" + scheduled + "/cancel", null), 404, "No result found");
        assertAdminError(admin.get("/service/" + service.id() + "/job/not-a-uuid"), 404, "No result found");
    }

    @Test
    void aJobsNotificationsArePagedInRowOrderWithStatistics() {
        UUID id = upload(template, "True", 3);
        assertThat(create(id, null).status()).isEqualTo(201);
        List<JobRowInserts.JobNotification> rows = List.of(2, 0, 1).stream().map(i -> new JobRowInserts.JobNotification(UUID.randomUUID(),
                i, "0770090012" + i, "44770090012" + i, cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, "{\"name\":\"Jo\"}"),
                false, "44", java.math.BigDecimal.ONE, null, null, null)).toList();
        inserts.insert(new JobRowInserts.JobRows(id, service.id(), template, 1, null, "normal", "sms", "created", null), rows);
        jdbc.update("UPDATE notifications SET notification_status = 'delivered' WHERE job_id = ? AND job_row_number = 1", id);
        jdbc.update("UPDATE jobs SET processing_started = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now()), id);

        JsonNode page = admin.get("/service/" + service.id() + "/job/" + id + "/notifications?page_size=2").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("notifications")).extracting(n -> n.get("job_row_number").asInt()).containsExactly(0, 1);
        assertThat(page.get("notifications").get(0).get("personalisation").get("name").asText()).isEqualTo("Jo");
        assertThat(page.get("links").get("next").asText()).isEqualTo("/service/" + service.id() + "/job/" + id + "/notifications?page=2");
        JsonNode delivered = admin.get("/service/" + service.id() + "/job/" + id + "/notifications?status=delivered").json();
        assertThat(delivered.get("notifications")).extracting(n -> n.get("job_row_number").asInt()).containsExactly(1);
        JsonNode csv = admin.get("/service/" + service.id() + "/job/" + id + "/notifications?format_for_csv=true").json();
        assertThat(csv.get("notifications").get(0).get("row_number").asInt()).isEqualTo(1);
        assertAdminError(admin.get("/service/" + service.id() + "/job/" + id + "/notifications?page_size=0"), 400,
                "{\"page_size\":[\"Not a positive integer\"]}");

        JsonNode job = admin.get("/service/" + service.id() + "/job/" + id).json().get("data");
        assertThat(job.get("statistics").toString()).isEqualTo("[{\"status\":\"created\",\"count\":2},{\"status\":\"delivered\",\"count\":1}]");
        assertThat(admin.get("/service/" + service.id() + "/job/" + id + "/notification_count").json().get("count").asInt()).isEqualTo(3);

        Http.Response notLetters = admin.post("/service/" + service.id() + "/job/" + id + "/cancel-letter-job", null);
        assertThat(notLetters.status()).isEqualTo(400);
        assertThat(notLetters.body()).isEqualTo("{\"message\":\"Only letter jobs can be cancelled through this endpoint. This is not a letter job.\"}");
    }
}
