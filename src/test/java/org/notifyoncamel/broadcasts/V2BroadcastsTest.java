package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.support.BroadcastIntegrationTest;
import org.notifyoncamel.support.BroadcastTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /v2/broadcast: the handler, and the route over HTTP with an API-key JWT. */
@BroadcastIntegrationTest
class V2BroadcastsTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.notifyoncamel.crypto.SecretCipher cipher;

    private java.net.http.HttpResponse<String> postOverHttp(UUID service, String secret, String contentType, String body) throws Exception {
        String token = org.notifyoncamel.support.Http.apiToken(service.toString(), secret, System.currentTimeMillis() / 1000);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v2/broadcast"))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRouteAuthenticatesWithAnApiKeyAndStoresTheBroadcast() throws Exception {
        BroadcastTestData data = new BroadcastTestData(jdbc);
        UUID user = data.user();
        UUID service = data.service(user, false);
        String secret = UUID.randomUUID().toString();
        UUID keyId = UUID.randomUUID();
        jdbc.update("INSERT INTO api_keys (id, name, secret, service_id, key_type, created_at, created_by_id, version) VALUES (?, ?, ?, ?, 'normal', now(), ?, 1)",
                keyId, "cap key " + keyId, cipher.encrypt(SecretColumn.API_KEY_SECRET, secret), service, user);
        String xml = CapBroadcastsTest.cap("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                CapBroadcastsTest.info("Met", "A severe flood warning", CapBroadcastsTest.area("River Steeping", CapBroadcastsTest.POLYGON)));

        var created = postOverHttp(service, secret, "application/cap+xml", xml);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"pending-approval\"");
        assertThat(jdbc.queryForObject("SELECT api_key_id FROM broadcast_message WHERE service_id = ?", UUID.class, service)).isEqualTo(keyId);

        var wrongType = postOverHttp(service, secret, "application/json", xml);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("BadRequestError");

        var badToken = postOverHttp(service, UUID.randomUUID().toString(), "application/cap+xml", xml);
        assertThat(badToken.statusCode()).isEqualTo(403);
        assertThat(badToken.body()).contains("Invalid token: API key not found");
    }

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
