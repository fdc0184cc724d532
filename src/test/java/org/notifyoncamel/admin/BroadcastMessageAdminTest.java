package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.BroadcastFlow;
import org.notifyoncamel.support.BroadcastIntegrationTest;
import org.notifyoncamel.support.BroadcastTestData;
import org.notifyoncamel.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@BroadcastIntegrationTest
class BroadcastMessageAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    BroadcastTestData data;
    BroadcastFlow flow;

    @BeforeEach
    void setUp() {
        http = Http.admin(port);
        data = new BroadcastTestData(jdbc);
        flow = new BroadcastFlow(http, data, false);
    }

    @Test
    void createsADraftWithTheUrlServiceWhateverTheBodySays() {
        UUID otherService = data.service(data.user(), false);
        Http.Response created = http.post(flow.base(), Map.of("service_id", otherService.toString(),
                "created_by", flow.creator.toString(), "content", "Flood warning", "reference", "abc"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("service_id").asText()).isEqualTo(flow.service.toString());
        assertThat(body.get("status").asText()).isEqualTo("draft");
        assertThat(body.get("content").asText()).isEqualTo("Flood warning");
        assertThat(body.get("reference").asText()).isEqualTo("abc");
        assertThat(body.get("areas")).isEmpty();
        assertThat(body.get("simple_polygons")).isEmpty();
        assertThat(body.get("created_by_id").asText()).isEqualTo(flow.creator.toString());
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(jdbc.queryForObject("SELECT stubbed FROM broadcast_message WHERE id = ?::uuid", Boolean.class,
                body.get("id").asText())).isFalse();

        JsonNode listed = http.get(flow.base()).json().get("broadcast_messages");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(body.get("id").asText());
        assertThat(http.get(flow.base() + "/" + body.get("id").asText()).json().get("content").asText()).isEqualTo("Flood warning");
        assertThat(http.get("/service/" + otherService + "/broadcast-message").json().get("broadcast_messages")).isEmpty();
    }

    @Test
    void rendersATemplateWithPersonalisationAndEncryptsIt() {
        UUID template = data.template(flow.service, flow.creator, "broadcast", "Leave ((area)) now");
        Http.Response created = http.post(flow.base(), Map.of("service_id", flow.service.toString(),
                "created_by", flow.creator.toString(), "template_id", template.toString(), "personalisation", Map.of("area", "Wainfleet")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("content").asText()).isEqualTo("Leave Wainfleet now");
        assertThat(body.get("template_version").asInt()).isEqualTo(1);
        assertThat(body.get("template_name").asText()).startsWith("Template ");
        assertThat(body.get("reference").isNull()).isTrue();
        assertThat(body.get("personalisation").get("area").asText()).isEqualTo("Wainfleet");
        String stored = jdbc.queryForObject("SELECT _personalisation FROM broadcast_message WHERE id = ?::uuid", String.class,
                body.get("id").asText());
        assertThat(stored).doesNotContain("Wainfleet");
    }

    @Test
    void badInputIsA400NeverA500() {
        Map<String, Object> valid = new HashMap<>(Map.of("service_id", flow.service.toString(), "created_by", flow.creator.toString(),
                "content", "x", "reference", "r"));
        assertErrors(http.post(flow.base(), Map.of("content", "x")), "service_id is a required property", "created_by is a required property");
        assertErrors(http.post(flow.base(), with(valid, "created_by", "not-a-uuid")), "created_by is not a valid UUID");
        assertErrors(http.post(flow.base(), with(valid, "content", "x".repeat(1396))), "content " + "x".repeat(1396) + " is too long");
        assertErrors(http.post(flow.base(), with(valid, "content", "")), "content  is too short");
        assertErrors(http.post(flow.base(), with(valid, "reference", "r".repeat(256))), "reference " + "r".repeat(256) + " is too long");
        assertErrors(http.post(flow.base(), with(valid, "colour", "red")), "Additional properties are not allowed (colour was unexpected)");
        assertErrors(http.post(flow.base(), with(valid, "areas", "Wainfleet")), "areas Wainfleet is not of type array");
        assertErrors(http.post(flow.base(), with(valid, "simple_polygons", List.of(List.of(List.of("a", 1))))),
                "simple_polygons [a, 1] is not a pair of numbers");
        assertErrors(http.post(flow.base(), with(valid, "starts_at", "yesterday")), "starts_at yesterday is not a valid ISO 8601 date-time");
        assertErrors(http.post(flow.base(), with(valid, "personalisation", "x")), "personalisation x is not of type object");
        Http.Response unknownUser = http.post(flow.base(), with(valid, "created_by", UUID.randomUUID().toString()));
        assertThat(unknownUser.status()).as(unknownUser.toString()).isEqualTo(400);
        assertThat(http.post(flow.base(), "{not json").status()).isEqualTo(400);
        Http.Response neither = http.post(flow.base(), Map.of("service_id", flow.service.toString(), "created_by", flow.creator.toString()));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("errors").get(0).get("message").asText()).endsWith("is not valid under any of the given schemas");
        UUID smsTemplate = data.template(flow.service, flow.creator, "sms", "Hello");
        assertThat(http.post(flow.base(), Map.of("service_id", flow.service.toString(), "created_by", flow.creator.toString(),
                "template_id", smsTemplate.toString())).status()).isEqualTo(400);
    }

    @Test
    void unknownServiceOrMessageIs404() {
        assertThat(http.post("/service/" + UUID.randomUUID() + "/broadcast-message", Map.of("service_id", flow.service.toString(),
                "created_by", flow.creator.toString(), "content", "x", "reference", "r")).status()).isEqualTo(404);
        assertThat(http.get(flow.base() + "/" + UUID.randomUUID()).json().get("message").asText()).isEqualTo("No result found");
        assertThat(http.get(flow.base() + "/nope").status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get(flow.base()).status()).isEqualTo(401);
    }

    @Test
    void editsOnlyBeforeBroadcastingAndAreasComeWithPolygons() {
        String id = flow.createDraft("Flood").get("id").asText();
        Http.Response edited = http.post(flow.base() + "/" + id, Map.of("areas", List.of("Skegness"),
                "simple_polygons", BroadcastFlow.POLYGONS, "finishes_at", "2031-01-01T12:00:00"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("areas").get(0).asText()).isEqualTo("Skegness");
        assertThat(edited.json().get("finishes_at").asText()).isEqualTo("2031-01-01T12:00:00.000000Z");
        assertThat(edited.json().get("updated_at").isNull()).isFalse();

        Http.Response onlyAreas = http.post(flow.base() + "/" + id, Map.of("areas", List.of("Skegness")));
        assertThat(onlyAreas.status()).isEqualTo(400);
        assertThat(onlyAreas.json().get("message").asText()).isEqualTo("Cannot update broadcast_message " + id + ", areas or polygons are missing.");
        assertErrors(http.post(flow.base() + "/" + id, Map.of("content", "new")), "Additional properties are not allowed (content was unexpected)");

        assertThat(flow.status(id, "broadcasting", flow.approver).status()).isEqualTo(200);
        Http.Response tooLate = http.post(flow.base() + "/" + id, Map.of("starts_at", "2031-01-01T12:00:00"));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("message").asText()).isEqualTo("Cannot update broadcast_message " + id + " while it has status broadcasting");
    }

    @Test
    void statusTransitionsFollowTheRules() {
        String id = flow.createDraft("Flood").get("id").asText();
        assertThat(flow.status(id, "pending-approval", flow.creator).json().get("status").asText()).isEqualTo("pending-approval");
        assertThat(flow.status(id, "rejected", flow.approver).json().get("status").asText()).isEqualTo("rejected");
        Http.Response notAllowed = flow.status(id, "broadcasting", flow.approver);
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(notAllowed.json().get("message").asText()).isEqualTo("Cannot move broadcast_message " + id + " from rejected to broadcasting");
        assertThat(flow.status(id, "draft", flow.creator).status()).isEqualTo(200);

        Http.Response ownApproval = flow.status(id, "broadcasting", flow.creator);
        assertThat(ownApproval.status()).isEqualTo(400);
        assertThat(ownApproval.json().get("message").asText())
                .isEqualTo("User " + flow.creator + " cannot approve their own broadcast_message " + id);

        Http.Response outsider = flow.status(id, "broadcasting", data.user());
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.json().get("message").asText()).contains("cannot approve broadcast_message " + id + " from other service");

        JsonNode approved = flow.status(id, "broadcasting", flow.approver).json();
        assertThat(approved.get("status").asText()).isEqualTo("broadcasting");
        assertThat(approved.get("approved_by_id").asText()).isEqualTo(flow.approver.toString());
        assertThat(approved.get("approved_at").isNull()).isFalse();
        assertThat(events(id)).containsExactly("alert");

        JsonNode cancelled = flow.status(id, "cancelled", flow.creator).json();
        assertThat(cancelled.get("cancelled_by_id").asText()).isEqualTo(flow.creator.toString());
        assertThat(events(id)).containsExactly("alert", "cancel");
        assertThat(flow.status(id, "broadcasting", flow.approver).status()).isEqualTo(400);

        assertErrors(flow.status(id, "paused", flow.approver),
                "status paused is not one of [draft, pending-approval, rejected, broadcasting, completed, cancelled, technical-failure]");
        assertErrors(http.post(flow.base() + "/" + id + "/status", Map.of("status", "draft")), "created_by is a required property");
    }

    @Test
    void noAreasMeansNoBroadcastAndTrainingModeMayApproveItsOwn() {
        Http.Response draft = http.post(flow.base(), Map.of("service_id", flow.service.toString(), "created_by", flow.creator.toString(),
                "content", "x", "reference", "r", "finishes_at", "2031-01-01T00:00:00"));
        String id = draft.json().get("id").asText();
        Http.Response noAreas = flow.status(id, "broadcasting", flow.approver);
        assertThat(noAreas.status()).isEqualTo(400);
        assertThat(noAreas.json().get("message").asText()).isEqualTo("broadcast_message " + id + " has no selected areas and so cannot be broadcasted.");

        BroadcastFlow training = new BroadcastFlow(http, data, true);
        String own = training.createDraft("Exercise").get("id").asText();
        assertThat(jdbc.queryForObject("SELECT stubbed FROM broadcast_message WHERE id = ?::uuid", Boolean.class, own)).isTrue();
        assertThat(training.status(own, "broadcasting", training.creator).status()).isEqualTo(200);
        assertThat(events(own)).containsExactly("alert");
    }

    private List<String> events(String messageId) {
        return jdbc.queryForList("SELECT message_type FROM broadcast_event WHERE broadcast_message_id = ?::uuid ORDER BY sent_at",
                String.class, messageId);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void assertErrors(Http.Response response, String... messages) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("status_code").asInt()).isEqualTo(400);
        assertThat(response.json().get("errors")).extracting(e -> e.get("message").asText()).contains(messages);
        assertThat(response.json().get("errors")).extracting(e -> e.get("error").asText()).containsOnly("ValidationError");
    }
}
