package org.notifyoncamel.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StatusApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void statusReportsTheDatabaseMigrationVersion() {
        Http.Response response = Http.anonymous(port).get("/_status");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
        String latest = jdbc.queryForObject("SELECT max(version) FROM flyway_schema_history WHERE success AND version IS NOT NULL", String.class);
        assertThat(response.json().get("db_version").asText()).isEqualTo(latest);
        assertThat(response.json().has("git_commit")).isTrue();
        assertThat(response.json().has("build_time")).isTrue();
    }

    @Test
    void simpleStatusSkipsTheDatabase() {
        Http.Response response = Http.anonymous(port).get("/_status?simple=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(Http.anonymous(port).post("/_status", null).status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/").status()).isEqualTo(200);
    }

    @Test
    void liveCountsAnswer() {
        Http.Response response = Http.anonymous(port).get("/_status/live-service-and-organisation-counts");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("services").isIntegralNumber()).isTrue();
        assertThat(response.json().get("organisations").isIntegralNumber()).isTrue();
    }

    @Test
    void actuatorProbesAreUp() {
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void requestHeadersAreNotEchoedIntoResponses() {
        Http.Response response = Http.anonymous(port).withAuthorization("Bearer some-secret-token").get("/_status?simple=1");
        assertThat(response.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("authorization"));
    }
}
