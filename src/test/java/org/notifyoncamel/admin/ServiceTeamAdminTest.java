package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class ServiceTeamAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http admin() {
        return Http.admin(port);
    }

    @Test
    void addsListsAndRemovesMembers() {
        String owner = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), owner).get("id").asText();
        String colleague = AdminFixtures.createUser(admin()).get("id").asText();
        UUID folder = UUID.randomUUID();
        jdbc.update("INSERT INTO template_folder (id, service_id, name) VALUES (?, ?::uuid, 'f')", folder, serviceId);

        Http.Response added = admin().post("/service/" + serviceId + "/users/" + colleague,
                Map.of("permissions", List.of(Map.of("permission", "send_emails")), "folder_permissions", List.of(folder.toString())));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("data").get("id").asText()).isEqualTo(serviceId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_folder_permissions WHERE user_id = ?::uuid", Integer.class, colleague))
                .isEqualTo(1);
        assertThat(admin().get("/service/" + serviceId + "/users").json().get("data")).extracting(u -> u.get("id").asText())
                .containsExactly(owner, colleague);

        Http.Response again = admin().post("/service/" + serviceId + "/users/" + colleague, Map.of("permissions", List.of()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText())
                .isEqualTo("User id: " + colleague + " already part of service id: " + serviceId);

        Http.Response foreignFolder = admin().post("/service/" + serviceId + "/users/" + AdminFixtures.createUser(admin()).get("id").asText(),
                Map.of("permissions", List.of(), "folder_permissions", List.of(UUID.randomUUID().toString())));
        assertThat(foreignFolder.status()).isEqualTo(400);
        assertThat(admin().post("/service/" + serviceId + "/users/" + UUID.randomUUID(), Map.of("permissions", List.of())).status())
                .isEqualTo(404);
        assertThat(admin().post("/service/" + serviceId + "/users/" + colleague, Map.of("permissions", "all")).status()).isEqualTo(400);

        assertThat(admin().delete("/service/" + serviceId + "/users/" + colleague).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM permissions WHERE user_id = ?::uuid", Integer.class, colleague)).isZero();
        Http.Response notMember = admin().delete("/service/" + serviceId + "/users/" + colleague);
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.json().get("message").asText()).isEqualTo("User not found");
        Http.Response onlyUser = admin().delete("/service/" + serviceId + "/users/" + owner);
        assertThat(onlyUser.status()).isEqualTo(400);
        assertThat(onlyUser.json().get("message").asText()).isEqualTo("You cannot remove the only user for a service");
        assertThat(admin().get("/service/" + UUID.randomUUID() + "/users").status()).isEqualTo(404);
    }

    @Test
    void replacesAndReadsTheGuestList() {
        String owner = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), owner).get("id").asText();
        JsonNode empty = admin().get("/service/" + serviceId + "/guest-list").json();
        assertThat(empty.get("email_addresses")).isEmpty();
        assertThat(empty.get("phone_numbers")).isEmpty();

        Http.Response put = admin().put("/service/" + serviceId + "/guest-list",
                Map.of("email_addresses", List.of("guest@example.gov.uk"), "phone_numbers", List.of("07700 900123", "+1 202 555 0123")));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        JsonNode list = admin().get("/service/" + serviceId + "/guest-list").json();
        assertThat(list.get("email_addresses")).extracting(JsonNode::asText).containsExactly("guest@example.gov.uk");
        assertThat(list.get("phone_numbers")).extracting(JsonNode::asText).containsExactlyInAnyOrder("07700 900123", "+1 202 555 0123");

        Http.Response invalid = admin().put("/service/" + serviceId + "/guest-list",
                Map.of("email_addresses", List.of("other@example.gov.uk", "nope"), "phone_numbers", List.of()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).isEqualTo("Invalid guest list: \"nope\" is not a valid email address or phone number");
        assertThat(admin().get("/service/" + serviceId + "/guest-list").json().get("email_addresses"))
                .as("the old list is kept").extracting(JsonNode::asText).containsExactly("guest@example.gov.uk");

        Http.Response badPhone = admin().put("/service/" + serviceId + "/guest-list",
                Map.of("email_addresses", List.of(), "phone_numbers", List.of("0770")));
        assertThat(badPhone.status()).isEqualTo(400);
        Http.Response missingKey = admin().put("/service/" + serviceId + "/guest-list", Map.of("email_addresses", List.of()));
        assertThat(missingKey.status()).isEqualTo(400);
        assertThat(missingKey.json().get("message").get("phone_numbers").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(admin().put("/service/" + serviceId + "/guest-list",
                Map.of("email_addresses", List.of(7), "phone_numbers", List.of())).status()).isEqualTo(400);
        assertThat(admin().put("/service/" + serviceId + "/guest-list",
                Map.of("email_addresses", List.of("a".repeat(250) + "@example.gov.uk"), "phone_numbers", List.of())).status()).isEqualTo(400);

        Http.Response cleared = admin().put("/service/" + serviceId + "/guest-list", Map.of("email_addresses", List.of(), "phone_numbers", List.of()));
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(admin().get("/service/" + serviceId + "/guest-list").json().get("phone_numbers")).isEmpty();
    }
}
