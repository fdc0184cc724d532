package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.support.BroadcastIntegrationTest;
import org.notifyoncamel.support.BroadcastTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The POST /v2/broadcast handler without its route (the API-key authentication wires it later). */
@BroadcastIntegrationTest
class V2BroadcastsTest {

    @Autowired
    V2Broadcasts v2;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void storesAPendingApprovalMessageForTheApiKey() {
        BroadcastTestData data = new BroadcastTestData(jdbc);
        UUID service = data.service(data.user(), false);
        String xml = CapBroadcastsTest.cap("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                CapBroadcastsTest.info("Met", "A severe flood warning", CapBroadcastsTest.area("River Steeping", CapBroadcastsTest.POLYGON)));
        HttpResult result = v2.create(service, null, "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.status()).isEqualTo(201);
        Map<String, Object> body = (Map<String, Object>) result.body();
        assertThat(body).containsEntry("status", "pending-approval").containsEntry("reference", "50385fcb0ab7aa447bbd46d848ce8466E")
                .containsEntry("content", "A severe flood warning").containsEntry("service_id", service.toString())
                .containsEntry("template_id", null).containsEntry("created_by_id", null).containsEntry("personalisation", null);
        assertThat(body.get("areas").toString()).contains("River Steeping");
        assertThat(body.get("simple_polygons").toString()).startsWith("[[[53.1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM broadcast_event e JOIN broadcast_message m ON m.id = e.broadcast_message_id WHERE m.service_id = ?",
                Integer.class, service)).isZero();
    }

    @Test
    void aServiceWithoutTheBroadcastPermissionIsRefusedFirst() {
        BroadcastTestData data = new BroadcastTestData(jdbc);
        UUID service = data.service(data.user(), false);
        jdbc.update("DELETE FROM service_permissions WHERE service_id = ?", service);
        assertThatThrownBy(() -> v2.create(service, null, "text/plain", new byte[0])).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).message()).isEqualTo("Service is not allowed to send broadcast messages");
        });
    }
}
