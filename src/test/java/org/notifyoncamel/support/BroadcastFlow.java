package org.notifyoncamel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates and approves broadcasts through the internal API, as an operator would. */
public final class BroadcastFlow {

    public static final List<List<List<Double>>> POLYGONS = List.of(List.of(
            List.of(53.10, 0.24), List.of(53.11, 0.25), List.of(53.12, 0.23), List.of(53.10, 0.24)));

    private final Http http;
    public final UUID service;
    public final UUID creator;
    public final UUID approver;

    public BroadcastFlow(Http http, BroadcastTestData data, boolean restricted) {
        this.http = http;
        this.creator = data.user();
        this.approver = data.user();
        this.service = data.service(creator, restricted);
        data.member(approver, service);
    }

    public String base() {
        return "/service/" + service + "/broadcast-message";
    }

    public JsonNode createDraft(String content) {
        Http.Response created = http.post(base(), Map.of(
                "service_id", service.toString(), "created_by", creator.toString(), "content", content,
                "reference", "ref " + UUID.randomUUID(), "areas", List.of("Wainfleet"), "simple_polygons", POLYGONS,
                "starts_at", Instant.now().toString(),
                "finishes_at", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public Http.Response status(String id, String status, UUID by) {
        return http.post(base() + "/" + id + "/status", Map.of("status", status, "created_by", by.toString()));
    }

    /** A draft approved by the second team member: an alert event is queued. */
    public String broadcast(String content) {
        String id = createDraft(content).get("id").asText();
        Http.Response approved = status(id, "broadcasting", approver);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id;
    }
}
