package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class ServicesAdminTest {

    static final List<String> SERVICE_KEYS = List.of("active", "allowed_broadcast_provider", "billing_contact_email_addresses",
            "billing_contact_names", "billing_reference", "consent_to_research", "contact_link", "count_as_live", "created_by",
            "email_branding", "email_from", "go_live_at", "go_live_user", "id", "inbound_api", "letter_branding", "message_limit", "name",
            "notes", "organisation", "organisation_type", "permissions", "prefix_sms", "purchase_order_number", "rate_limit",
            "research_mode", "restricted", "service_callback_api", "volume_email", "volume_letter", "volume_sms");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    final List<ServiceDataChanged> seen = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<ServiceDataChanged>> recorder = event -> seen.add(event.getPayload());

    @BeforeEach
    void listen() {
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(recorder);
    }

    Http admin() {
        return Http.admin(port);
    }

    int historyRows(String serviceId) {
        return jdbc.queryForObject("SELECT count(*) FROM services_history WHERE id = ?::uuid", Integer.class, serviceId);
    }

    @Test
    void createsAServiceWithItsDefaults() {
        JsonNode user = AdminFixtures.createUser(admin());
        String userId = user.get("id").asText();
        Map<String, Object> body = AdminFixtures.serviceBody(userId);
        body.put("organisation_type", "central");
        body.put("active", false);
        body.put("research_mode", true);
        Http.Response response = admin().post("/service", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode service = response.json().get("data");
        List<String> keys = new ArrayList<>();
        service.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(SERVICE_KEYS);
        String id = service.get("id").asText();
        assertThat(service.get("active").asBoolean()).isTrue();
        assertThat(service.get("research_mode").asBoolean()).isFalse();
        assertThat(service.get("count_as_live").asBoolean()).isTrue();
        assertThat(service.get("created_by").asText()).isEqualTo(userId);
        assertThat(service.get("permissions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("sms", "email", "letter", "international_sms", "upload_letters", "international_letters");
        assertThat(jdbc.queryForList("SELECT sms_sender FROM service_sms_senders WHERE service_id = ?::uuid AND is_default", String.class, id))
                .containsExactly("testing");
        assertThat(jdbc.queryForObject("SELECT crown FROM services WHERE id = ?::uuid", Boolean.class, id)).isTrue();
        JsonNode creator = admin().get("/user/" + userId).json().get("data");
        assertThat(creator.get("services")).extracting(JsonNode::asText).containsExactly(id);
        assertThat(creator.get("permissions").get(id)).extracting(JsonNode::asText).containsExactlyInAnyOrder("manage_users",
                "manage_templates", "manage_settings", "send_texts", "send_emails", "send_letters", "manage_api_keys", "view_activity");
        assertThat(jdbc.queryForObject("SELECT version FROM services_history WHERE id = ?::uuid", Integer.class, id)).isEqualTo(1);
        assertThat(seen).contains(ServiceDataChanged.of(UUID.fromString(id), ServiceDataChanged.Part.SERVICE));
    }

    @Test
    void aPlatformAdminsServiceDoesNotCountAsLive() {
        Map<String, Object> userBody = AdminFixtures.userBody();
        userBody.put("platform_admin", true);
        String userId = admin().post("/user", userBody).json().get("data").get("id").asText();
        assertThat(AdminFixtures.createService(admin(), userId).get("count_as_live").asBoolean()).isFalse();
    }

    @Test
    void permissionsMayBeSentOnCreate() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        Map<String, Object> body = AdminFixtures.serviceBody(userId);
        body.put("permissions", List.of("sms", "inbound_sms"));
        Http.Response response = admin().post("/service", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("data").get("permissions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("sms", "inbound_sms");
        body = AdminFixtures.serviceBody(userId);
        body.put("permissions", List.of("sms", "teleport"));
        Http.Response invalid = admin().post("/service", body);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").get("permissions").get(0).asText()).isEqualTo("Invalid Service Permission: 'teleport'");
    }

    @Test
    void createErrorsAre400sOr404s() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        Map<String, Object> body = AdminFixtures.serviceBody(userId);
        body.remove("user_id");
        body.remove("name");
        Http.Response missing = admin().post("/service", body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").get("user_id").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(missing.json().get("message").get("name").get(0).asText()).isEqualTo("Missing data for required field.");

        Map<String, Object> unknownUser = AdminFixtures.serviceBody(UUID.randomUUID().toString());
        assertThat(admin().post("/service", unknownUser).status()).isEqualTo(404);

        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("user_id", "not-a-uuid"),
                Map.entry("created_by", "not-a-uuid"),
                Map.entry("organisation_type", "galactic_empire"),
                Map.entry("name", "n".repeat(256)),
                Map.entry("contact_link", "l".repeat(256)),
                Map.entry("message_limit", "lots"),
                Map.entry("message_limit", -1),
                Map.entry("restricted", "maybe"),
                Map.entry("rate_limit", 1L + Integer.MAX_VALUE),
                Map.entry("go_live_at", "yesterday"),
                Map.entry("email_branding", "not-a-uuid"),
                Map.entry("email_branding", UUID.randomUUID().toString()),
                Map.entry("mystery", 1))) {
            Map<String, Object> request = AdminFixtures.serviceBody(userId);
            request.put(bad.getKey(), bad.getValue());
            Http.Response response = admin().post("/service", request);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("message").has(bad.getKey())).as(response.toString()).isTrue();
        }
    }

    @Test
    void duplicateNameOrEmailFromIsA400() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        Map<String, Object> body = AdminFixtures.serviceBody(userId);
        assertThat(admin().post("/service", body).status()).isEqualTo(201);
        Map<String, Object> sameName = AdminFixtures.serviceBody(userId);
        sameName.put("name", body.get("name"));
        Http.Response duplicate = admin().post("/service", sameName);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").get("name").get(0).asText()).isEqualTo("Duplicate service name '" + body.get("name") + "'");
        Map<String, Object> sameEmailFrom = AdminFixtures.serviceBody(userId);
        sameEmailFrom.put("email_from", body.get("email_from"));
        assertThat(admin().post("/service", sameEmailFrom).status()).isEqualTo(400);
    }

    @Test
    void updatesAnySubsetAsANewVersion() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String id = AdminFixtures.createService(admin(), userId).get("id").asText();
        Map<String, Object> body = new HashMap<>();
        body.put("message_limit", 50000);
        body.put("restricted", false);
        body.put("go_live_user", userId);
        body.put("go_live_at", "2021-02-01 12:00:00.000000");
        body.put("permissions", List.of("sms", "email", "inbound_sms"));
        body.put("rate_limit", 100);
        body.put("contact_link", null);
        Http.Response response = admin().post("/service/" + id, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode service = response.json().get("data");
        assertThat(service.get("message_limit").asLong()).isEqualTo(50000);
        assertThat(service.get("restricted").asBoolean()).isFalse();
        assertThat(service.get("go_live_user").asText()).isEqualTo(userId);
        assertThat(service.get("go_live_at").asText()).isEqualTo("2021-02-01 12:00:00.000000");
        assertThat(service.get("permissions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("sms", "email", "inbound_sms");
        assertThat(historyRows(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT message_limit FROM services_history WHERE id = ?::uuid AND version = 2", Long.class, id))
                .isEqualTo(50000);

        Http.Response roundTrip = admin().post("/service/" + id, service);
        assertThat(roundTrip.status()).as("a GET body can be posted back: " + roundTrip).isEqualTo(200);
        assertThat(historyRows(id)).isEqualTo(3);
    }

    @Test
    void updateErrors() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String id = AdminFixtures.createService(admin(), userId).get("id").asText();
        Http.Response invalid = admin().post("/service/" + id, Map.of("permissions", List.of("sms", "flying")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").get("permissions").get(0).asText()).isEqualTo("Invalid Service Permission: 'flying'");
        Http.Response duplicate = admin().post("/service/" + id, Map.of("permissions", List.of("sms", "email", "sms")));
        assertThat(duplicate.json().get("message").get("permissions").get(0).asText()).isEqualTo("Duplicate Service Permission: ['sms']");
        String other = AdminFixtures.createService(admin(), userId).get("name").asText();
        Http.Response duplicateName = admin().post("/service/" + id, Map.of("name", other));
        assertThat(duplicateName.status()).isEqualTo(400);
        assertThat(duplicateName.json().get("message").get("name").get(0).asText()).isEqualTo("Duplicate service name '" + other + "'");
        Map<String, Object> nullLimit = new HashMap<>();
        nullLimit.put("message_limit", null);
        assertThat(admin().post("/service/" + id, nullLimit).status()).isEqualTo(400);
        assertThat(admin().post("/service/" + id, Map.of("volume_sms", "ten")).status()).isEqualTo(400);
        assertThat(admin().post("/service/" + id, Map.of("go_live_user", UUID.randomUUID().toString())).status()).isEqualTo(400);
        assertThat(historyRows(id)).isEqualTo(1);
        assertThat(admin().post("/service/" + UUID.randomUUID(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(admin().post("/service/nope", Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void readsOneAndManyServices() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String first = AdminFixtures.createService(admin(), userId).get("id").asText();
        String second = AdminFixtures.createService(admin(), userId).get("id").asText();
        assertThat(admin().post("/service/" + second + "/suspend", null).status()).isEqualTo(204);

        assertThat(admin().get("/service/" + first).json().get("data").get("id").asText()).isEqualTo(first);
        JsonNode detailed = admin().get("/service/" + first + "?detailed=True").json().get("data");
        assertThat(detailed.get("statistics").get("sms").get("requested").asLong()).isZero();
        assertThat(admin().get("/service/" + UUID.randomUUID()).status()).isEqualTo(404);

        assertThat(admin().get("/service?user_id=" + userId).json().get("data")).extracting(s -> s.get("id").asText())
                .containsExactly(first, second);
        assertThat(admin().get("/service?user_id=" + userId + "&only_active=True").json().get("data")).extracting(s -> s.get("id").asText())
                .containsExactly(first);
        assertThat(admin().get("/service?user_id=nope").status()).isEqualTo(400);
    }

    @Test
    void statisticsCountTodayAndThePastWithoutTestKeys() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String id = AdminFixtures.createService(admin(), userId).get("id").asText();
        UUID template = UUID.randomUUID();
        jdbc.update("INSERT INTO templates (id, name, template_type, created_at, content, service_id, created_by_id, version) "
                + "VALUES (?, 't', 'sms', now(), 'hi', ?::uuid, ?::uuid, 1)", template, id, userId);
        jdbc.update("INSERT INTO templates_history (id, name, template_type, created_at, content, service_id, created_by_id, version) "
                + "SELECT id, name, template_type, created_at, content, service_id, created_by_id, version FROM templates WHERE id = ?", template);
        for (String[] row : new String[][] {{"delivered", "normal"}, {"technical-failure", "normal"}, {"sending", "team"}, {"delivered", "test"}}) {
            jdbc.update("INSERT INTO notifications (id, \"to\", service_id, template_id, template_version, key_type, notification_type, created_at, notification_status) "
                    + "VALUES (?, '07700900000', ?::uuid, ?, 1, ?, 'sms', now() AT TIME ZONE 'UTC', ?)", UUID.randomUUID(), id, template, row[1], row[0]);
        }
        LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1);
        jdbc.update("INSERT INTO ft_notification_status (bst_date, template_id, service_id, job_id, notification_type, key_type, "
                + "notification_status, notification_count, created_at) VALUES (?, ?, ?::uuid, '00000000-0000-0000-0000-000000000000', 'email', "
                + "'normal', 'delivered', 5, now())", java.sql.Date.valueOf(yesterday), template, id);

        JsonNode all = admin().get("/service/" + id + "/statistics").json().get("data");
        assertThat(all.get("sms").get("requested").asLong()).isEqualTo(3);
        assertThat(all.get("sms").get("delivered").asLong()).isEqualTo(1);
        assertThat(all.get("sms").get("failed").asLong()).isEqualTo(1);
        assertThat(all.get("email").get("delivered").asLong()).isEqualTo(5);
        JsonNode today = admin().get("/service/" + id + "/statistics?today_only=True").json().get("data");
        assertThat(today.get("email").get("delivered").asLong()).isZero();
        assertThat(admin().get("/service/" + id + "/statistics?limit_days=x").status()).isEqualTo(400);

        LocalDate now = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        int financialYear = now.getMonthValue() >= 4 ? now.getYear() : now.getYear() - 1;
        JsonNode monthly = admin().get("/service/" + id + "/notifications/monthly?year=" + financialYear).json().get("data");
        String thisMonth = java.time.YearMonth.from(now).toString();
        assertThat(monthly.get(thisMonth).get("sms").get("delivered").asLong()).isEqualTo(1);
        assertThat(monthly.get(thisMonth).get("sms").get("sending").asLong()).isEqualTo(1);
        assertThat(monthly.has(financialYear + "-04")).isTrue();
        Http.Response badYear = admin().get("/service/" + id + "/notifications/monthly?year=twenty");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("message").asText()).isEqualTo("Year must be a number");
    }

    @Test
    void archiveRenamesDeactivatesExpiresKeysAndArchivesTemplatesWithHistory() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        JsonNode service = AdminFixtures.createService(admin(), userId);
        String id = service.get("id").asText();
        assertThat(admin().post("/service/" + id + "/api-key", Map.of("name", "k", "created_by", userId, "key_type", "normal")).status())
                .isEqualTo(201);
        UUID template = UUID.randomUUID();
        jdbc.update("INSERT INTO templates (id, name, template_type, created_at, content, service_id, created_by_id, version) "
                + "VALUES (?, 't', 'sms', now(), 'hi', ?::uuid, ?::uuid, 1)", template, id, userId);

        assertThat(admin().post("/service/" + id + "/archive", null).status()).isEqualTo(204);
        JsonNode archived = admin().get("/service/" + id).json().get("data");
        String prefix = "_archived_" + LocalDate.now(java.time.ZoneOffset.UTC) + "_";
        assertThat(archived.get("active").asBoolean()).isFalse();
        assertThat(archived.get("name").asText()).isEqualTo(prefix + service.get("name").asText());
        assertThat(archived.get("email_from").asText()).isEqualTo(prefix + service.get("email_from").asText());
        assertThat(historyRows(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE service_id = ?::uuid AND expiry_date IS NULL", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys_history WHERE service_id = ?::uuid", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT archived FROM templates_history WHERE id = ? AND version = 2", Boolean.class, template)).isTrue();

        assertThat(admin().post("/service/" + id + "/archive", null).status()).isEqualTo(204);
        assertThat(historyRows(id)).as("archiving an inactive service changes nothing").isEqualTo(2);
        assertThat(admin().post("/service/" + UUID.randomUUID() + "/archive", null).status()).isEqualTo(404);
    }

    @Test
    void suspendAndResumeWithHistory() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String id = AdminFixtures.createService(admin(), userId).get("id").asText();
        admin().post("/service/" + id + "/api-key", Map.of("name", "k", "created_by", userId, "key_type", "normal"));
        assertThat(admin().post("/service/" + id + "/suspend", null).status()).isEqualTo(204);
        assertThat(admin().get("/service/" + id).json().get("data").get("active").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE service_id = ?::uuid AND expiry_date IS NULL", Integer.class, id)).isZero();
        assertThat(admin().post("/service/" + id + "/resume", null).status()).isEqualTo(204);
        assertThat(admin().get("/service/" + id).json().get("data").get("active").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE service_id = ?::uuid AND expiry_date IS NULL", Integer.class, id))
                .as("keys stay revoked").isZero();
        assertThat(historyRows(id)).isEqualTo(3);
        assertThat(admin().post("/service/" + id + "/resume", null).status()).isEqualTo(204);
        assertThat(historyRows(id)).isEqualTo(3);
    }

    @Test
    void historyAndUniqueness() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        JsonNode service = AdminFixtures.createService(admin(), userId);
        String id = service.get("id").asText();
        admin().post("/service/" + id + "/api-key", Map.of("name", "k", "created_by", userId, "key_type", "team"));
        JsonNode history = admin().get("/service/" + id + "/history").json().get("data");
        assertThat(history.get("service_history")).hasSize(1);
        assertThat(history.get("api_key_history")).hasSize(1);
        assertThat(history.get("template_history")).isEmpty();
        assertThat(history.get("events")).isEmpty();

        String other = UUID.randomUUID().toString();
        String name = service.get("name").asText();
        assertThat(admin().get("/service/unique?service_id=" + other + "&name=" + name.toUpperCase() + "&email_from=free-" + other)
                .json().get("result").asBoolean()).isFalse();
        assertThat(admin().get("/service/unique?service_id=" + id + "&name=" + name + "&email_from=" + service.get("email_from").asText())
                .json().get("result").asBoolean()).isTrue();
        assertThat(admin().get("/service/unique?service_id=" + other + "&name=free-" + other + "&email_from=free-" + other)
                .json().get("result").asBoolean()).isTrue();
        Http.Response empty = admin().get("/service/unique?name=x");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").get(0).get("service_id").get(0).asText()).isEqualTo("Can't be empty");
    }
}
