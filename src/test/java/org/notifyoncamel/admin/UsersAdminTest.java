package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class UsersAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http admin() {
        return Http.admin(port);
    }

    @Test
    void createsAUserWithTheSpecShapeAndABcryptPassword() {
        Map<String, Object> body = AdminFixtures.userBody();
        body.put("platform_admin", true);
        body.put("permissions", Map.of());
        Http.Response response = admin().post("/user", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode user = response.json().get("data");
        assertThat(iterable(user.fieldNames())).containsExactlyInAnyOrder("id", "name", "email_address", "auth_type",
                "current_session_id", "failed_login_count", "email_access_validated_at", "logged_in_at", "mobile_number", "organisations",
                "password_changed_at", "permissions", "platform_admin", "services", "state");
        assertThat(user.get("email_address").asText()).isEqualTo(body.get("email_address"));
        assertThat(user.get("auth_type").asText()).isEqualTo("sms_auth");
        assertThat(user.get("state").asText()).isEqualTo("active");
        assertThat(user.get("platform_admin").asBoolean()).isTrue();
        assertThat(user.get("password_changed_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(user.get("email_access_validated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        String hash = jdbc.queryForObject("SELECT _password FROM users WHERE id = ?::uuid", String.class, user.get("id").asText());
        assertThat(hash).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void stateDefaultsToPending() {
        Map<String, Object> body = AdminFixtures.userBody();
        body.remove("state");
        assertThat(admin().post("/user", body).json().get("data").get("state").asText()).isEqualTo("pending");
    }

    @Test
    void duplicateEmailIsA400EvenInAnotherCase() {
        Map<String, Object> body = AdminFixtures.userBody();
        assertThat(admin().post("/user", body).status()).isEqualTo(201);
        body.put("email_address", ((String) body.get("email_address")).toUpperCase());
        Http.Response again = admin().post("/user", body);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").get("email_address").get(0).asText()).isEqualTo(UsersAdmin.DUPLICATE_EMAIL);
    }

    @Test
    void missingAndInvalidFieldsAre400s() {
        Http.Response missing = admin().post("/user", Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").get("password").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(missing.json().get("message").get("email_address").get(0).asText()).isEqualTo("Missing data for required field.");

        Map<String, Object> badEmail = AdminFixtures.userBody();
        badEmail.put("email_address", "not-an-email");
        assertThat(admin().post("/user", badEmail).json().get("message").get("email_address").get(0).asText())
                .isEqualTo("Not a valid email address");

        Map<String, Object> badMobile = AdminFixtures.userBody();
        badMobile.put("mobile_number", "12345");
        assertThat(admin().post("/user", badMobile).json().get("message").get("mobile_number").get(0).asText())
                .startsWith("Invalid phone number: ");

        Map<String, Object> noMobile = AdminFixtures.userBody();
        noMobile.remove("mobile_number");
        Http.Response smsAuth = admin().post("/user", noMobile);
        assertThat(smsAuth.status()).isEqualTo(400);
        assertThat(smsAuth.json().get("message").asText()).isEqualTo(UsersAdmin.MOBILE_REQUIRED);
        noMobile.put("auth_type", "email_auth");
        assertThat(admin().post("/user", noMobile).status()).isEqualTo(201);
    }

    @Test
    void wrongTypesBadEnumsUnknownFieldsAndOverlongValuesAre400s() {
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("auth_type", (Object) "carrier_pigeon"),
                Map.entry("state", "sleeping"),
                Map.entry("platform_admin", "yes please"),
                Map.entry("failed_login_count", "many"),
                Map.entry("current_session_id", "not-a-uuid"),
                Map.entry("name", 42),
                Map.entry("name", "n".repeat(256)),
                Map.entry("email_address", "a".repeat(250) + "@example.gov.uk"),
                Map.entry("favourite_colour", "blue"))) {
            Map<String, Object> body = AdminFixtures.userBody();
            body.put(bad.getKey(), bad.getValue());
            Http.Response response = admin().post("/user", body);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("message").has(bad.getKey())).as(response.toString()).isTrue();
        }
        assertThat(admin().post("/user", "[1, 2]").status()).isEqualTo(400);
        assertThat(admin().post("/user", "{nope").status()).isEqualTo(400);
    }

    @Test
    void updatesAllowedFieldsAndRefusesOthers() {
        JsonNode user = AdminFixtures.createUser(admin());
        String id = user.get("id").asText();
        String newEmail = AdminFixtures.unique("changed") + "@example.gov.uk";
        Http.Response updated = admin().post("/user/" + id, Map.of("name", "New Name", "email_address", newEmail,
                "updated_by", user.get("id").asText()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("data").get("name").asText()).isEqualTo("New Name");
        assertThat(updated.json().get("data").get("email_address").asText()).isEqualTo(newEmail);

        Http.Response forbidden = admin().post("/user/" + id, Map.of("platform_admin", true));
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.json().get("message").get("_schema").get(0).asText()).isEqualTo("Unknown field name platform_admin");

        Map<String, Object> clearMobile = new java.util.HashMap<>();
        clearMobile.put("mobile_number", null);
        Http.Response noMobile = admin().post("/user/" + id, clearMobile);
        assertThat(noMobile.status()).isEqualTo(400);
        assertThat(noMobile.json().get("message").asText()).isEqualTo(UsersAdmin.MOBILE_REQUIRED);

        JsonNode other = AdminFixtures.createUser(admin());
        Http.Response duplicate = admin().post("/user/" + id, Map.of("email_address", other.get("email_address").asText()));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(admin().post("/user/" + id, Map.of("auth_type", "telepathy")).status()).isEqualTo(400);
        assertThat(admin().post("/user/" + id, Map.of("updated_by", "nope")).status()).isEqualTo(400);
        assertThat(admin().post("/user/00000000-0000-4000-8000-000000000000", Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void activatesOnce() {
        Map<String, Object> body = AdminFixtures.userBody();
        body.remove("state");
        String id = admin().post("/user", body).json().get("data").get("id").asText();
        Http.Response activated = admin().post("/user/" + id + "/activate", null);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().get("data").get("state").asText()).isEqualTo("active");
        Http.Response again = admin().post("/user/" + id + "/activate", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).isEqualTo("User already active");
    }

    @Test
    void readsUsersByIdEmailAndAll() {
        JsonNode user = AdminFixtures.createUser(admin());
        String id = user.get("id").asText();
        assertThat(admin().get("/user/" + id).json().get("data").get("id").asText()).isEqualTo(id);
        assertThat(admin().get("/user").json().get("data")).extracting(u -> u.get("id").asText()).contains(id);
        Http.Response byEmail = admin().get("/user/email?email=" + user.get("email_address").asText().toUpperCase());
        assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(200);
        assertThat(byEmail.json().get("data").get("id").asText()).isEqualTo(id);
        Http.Response noEmail = admin().get("/user/email");
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.json().get("message").asText()).isEqualTo("Invalid request. Email query string param required");
        assertThat(admin().get("/user/email?email=nobody-" + java.util.UUID.randomUUID() + "@example.gov.uk").status()).isEqualTo(404);
        assertThat(admin().get("/user/not-a-uuid").status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/user/" + id).status()).isEqualTo(401);
    }

    @Test
    void replacesPermissionsOfAMember() {
        JsonNode user = AdminFixtures.createUser(admin());
        String userId = user.get("id").asText();
        JsonNode service = AdminFixtures.createService(admin(), userId);
        String serviceId = service.get("id").asText();
        assertThat(admin().get("/user/" + userId).json().get("data").get("permissions").get(serviceId)).hasSize(8);

        Http.Response set = admin().post("/user/" + userId + "/service/" + serviceId + "/permission",
                Map.of("permissions", List.of(Map.of("permission", "send_texts"), Map.of("permission", "view_activity"))));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        JsonNode permissions = admin().get("/user/" + userId).json().get("data").get("permissions").get(serviceId);
        assertThat(permissions).extracting(JsonNode::asText).containsExactlyInAnyOrder("send_texts", "view_activity");

        Http.Response unknown = admin().post("/user/" + userId + "/service/" + serviceId + "/permission",
                Map.of("permissions", List.of(Map.of("permission", "launch_rockets"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).startsWith("permissions launch_rockets is not one of [");
        Http.Response missing = admin().post("/user/" + userId + "/service/" + serviceId + "/permission", Map.of("folder_permissions", List.of()));
        assertThat(missing.json().get("errors").get(0).get("message").asText()).isEqualTo("permissions is a required property");
        Http.Response extra = admin().post("/user/" + userId + "/service/" + serviceId + "/permission", Map.of("permissions", List.of(), "x", 1));
        assertThat(extra.json().get("errors").get(0).get("message").asText()).isEqualTo("Additional properties are not allowed (x was unexpected)");
        Http.Response badFolder = admin().post("/user/" + userId + "/service/" + serviceId + "/permission",
                Map.of("permissions", List.of(), "folder_permissions", List.of("nope")));
        assertThat(badFolder.status()).isEqualTo(400);

        String stranger = AdminFixtures.createUser(admin()).get("id").asText();
        Http.Response notMember = admin().post("/user/" + stranger + "/service/" + serviceId + "/permission", Map.of("permissions", List.of()));
        assertThat(notMember.status()).isEqualTo(404);
    }

    @Test
    void archivesAUserWhenAnotherMemberCanManageTheService() {
        String owner = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), owner).get("id").asText();
        Http.Response refused = admin().post("/user/" + owner + "/archive", null);
        assertThat(refused.status()).isEqualTo(400);

        String colleague = AdminFixtures.createUser(admin()).get("id").asText();
        assertThat(admin().post("/service/" + serviceId + "/users/" + colleague,
                Map.of("permissions", List.of(Map.of("permission", "manage_settings")))).status()).isEqualTo(201);
        Http.Response archived = admin().post("/user/" + owner + "/archive", null);
        assertThat(archived.status()).as(archived.toString()).isEqualTo(204);
        JsonNode user = admin().get("/user/" + owner).json().get("data");
        assertThat(user.get("state").asText()).isEqualTo("inactive");
        assertThat(user.get("email_address").asText()).startsWith("_archived_");
        assertThat(user.get("services")).isEmpty();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
