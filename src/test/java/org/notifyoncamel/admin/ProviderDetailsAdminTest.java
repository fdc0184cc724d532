package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class ProviderDetailsAdminTest {

    static final String SES = "1f2610cb-69bd-41f6-9cdb-c4be31e1e5f7";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsTheSeededProviders() {
        Http.Response response = Http.admin(port).get("/provider-details");
        assertThat(response.status()).isEqualTo(200);
        JsonNode providers = response.json().get("provider_details");
        assertThat(providers).extracting(p -> p.get("identifier").asText()).contains("mmg", "firetext", "ses", "dvla");
        assertThat(providers.get(0).has("current_month_billable_sms")).isTrue();
        assertThat(providers.get(0).has("created_by_name")).isTrue();
    }

    @Test
    void updateBumpsVersionAndWritesHistory() {
        JsonNode before = Http.admin(port).get("/provider-details/" + SES).json().get("provider_details");
        int version = before.get("version").asInt();
        int priority = before.get("priority").asInt();

        Http.Response updated = Http.admin(port).post("/provider-details/" + SES, Map.of("priority", priority == 10 ? 11 : 10));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("provider_details").get("version").asInt()).isEqualTo(version + 1);

        Integer history = jdbc.queryForObject("SELECT count(*) FROM provider_details_history WHERE id = ?::uuid AND version = ?",
                Integer.class, SES, version + 1);
        assertThat(history).isEqualTo(1);
        JsonNode versions = Http.admin(port).get("/provider-details/" + SES + "/versions").json().get("data");
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void onlyPriorityActiveAndCreatedByMayChange() {
        Http.Response response = Http.admin(port).post("/provider-details/" + SES, Map.of("identifier", "other"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").get("identifier").get(0).asText()).isEqualTo("Not permitted to be updated");
    }

    @Test
    void badInputIsA400NotA500() {
        assertThat(Http.admin(port).post("/provider-details/" + SES, Map.of("priority", "high")).status()).isEqualTo(400);
        assertThat(Http.admin(port).post("/provider-details/" + SES, Map.of("created_by", "not-a-uuid")).status()).isEqualTo(400);
        assertThat(Http.admin(port).post("/provider-details/" + SES, "{not json").status()).isEqualTo(400);
    }

    @Test
    void unknownOrMalformedIdIs404() {
        assertThat(Http.admin(port).get("/provider-details/5b4c3e5a-0000-4000-8000-000000000000").json().get("message").asText())
                .isEqualTo("No result found");
        assertThat(Http.admin(port).get("/provider-details/nope").status()).isEqualTo(404);
    }
}
