package org.notifyoncamel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole system in one JVM: a bulk request becomes a job, the job-tasks consumer saves every row and queues it,
 * the delivery workers send each through the provider simulator, and GET /v2/notifications lists the rows only
 * with {@code include_jobs=true}.
 */
@IntegrationTest
class BulkSendingEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aBulkRequestIsSentAndListedWithIncludeJobs() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false);
        TestKey key = data.apiKey(service, "normal");
        UUID template = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        Http api = Http.apiKey(port, service.id().toString(), key.secret());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "people");
        body.put("template_id", template.toString());
        body.put("rows", List.of(List.of("phone number", "name"), List.of("07700900123", "Ada"), List.of("07700900456", "Bo"),
                List.of("07700900789", "Cy")));
        Http.Response response = api.post("/v2/notifications/bulk", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        UUID jobId = UUID.fromString(response.json().get("data").get("id").asText());

        Poll.untilEquals(Duration.ofSeconds(30), "job finished", "finished",
                () -> jdbc.queryForObject("SELECT job_status FROM jobs WHERE id = ?", String.class, jobId));
        Poll.untilEquals(Duration.ofSeconds(30), "rows delivered", 3, () -> jdbc.queryForObject(
                "SELECT count(*) FROM notifications WHERE job_id = ? AND notification_status IN ('sending', 'delivered')", Integer.class, jobId));
        assertThat(jdbc.queryForList("SELECT reply_to_text FROM notifications WHERE job_id = ?", String.class, jobId)).containsOnly("testing");

        JsonNode without = api.get("/v2/notifications").json().get("notifications");
        assertThat(without).isEmpty();
        JsonNode with = api.get("/v2/notifications?include_jobs=true").json().get("notifications");
        assertThat(with).extracting(n -> n.get("phone_number").asText()).containsExactlyInAnyOrder("07700900123", "07700900456", "07700900789");
        assertThat(with).extracting(n -> n.get("body").asText()).contains("Hello Ada");
        String one = with.get(0).get("id").asText();
        assertThat(api.get("/v2/notifications/" + one).status()).isEqualTo(200);

        JsonNode job = Http.admin(port).get("/service/" + service.id() + "/job/" + jobId).json().get("data");
        assertThat(job.get("statistics")).isNotEmpty();
    }
}
