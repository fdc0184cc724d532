package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.callbacks.CallbackApiStore;
import org.notifyoncamel.callbacks.CallbackApiStore.Kind;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.RecordedServiceDataChanges;
import org.notifyoncamel.support.TemplatesTestData;
import org.notifyoncamel.support.TemplatesTestData.Fixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class CallbacksAdminTest {

    static final String TOKEN = "a-very-secret-token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CallbackApiStore store;

    @Autowired
    RecordedServiceDataChanges changes;

    Fixture fx;
    Http admin;
    String base;

    @BeforeEach
    void setUp() {
        fx = new TemplatesTestData(jdbc).service();
        admin = Http.admin(port);
        base = "/service/" + fx.service();
    }

    Map<String, Object> body(String url) {
        return Map.of("url", url, "bearer_token", TOKEN, "updated_by_id", fx.user());
    }

    static List<String> messages(Http.Response response) {
        return response.json().get("errors").findValues("message").stream().map(JsonNode::asText).toList();
    }

    int history(String table, String id) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + "_history WHERE id = ?::uuid", Integer.class, id);
    }

    @Test
    void deliveryReceiptApiLifecycleWithHistoryAndEncryptedToken() {
        Http.Response created = admin.post(base + "/delivery-receipt-api", body("https://example.gov.uk/receipts"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("id", "service_id", "url", "updated_by_id", "created_at", "updated_at",
                "is_suspended", "suspended_at");
        assertThat(data.get("is_suspended").asBoolean()).isFalse();
        assertThat(data.get("suspended_at").isNull()).isTrue();
        assertThat(created.body()).doesNotContain(TOKEN);
        String id = data.get("id").asText();
        assertThat(history("service_callback_api", id)).isEqualTo(1);
        String stored = jdbc.queryForObject("SELECT bearer_token FROM service_callback_api WHERE id = ?::uuid", String.class, id);
        assertThat(stored).doesNotContain(TOKEN).startsWith("v3.");
        assertThat(jdbc.queryForObject("SELECT callback_type FROM service_callback_api WHERE id = ?::uuid", String.class, id))
                .isEqualTo("delivery_status");
        assertThat(store.endpoint(Kind.DELIVERY_STATUS, fx.serviceId()).orElseThrow().bearerToken()).isEqualTo(TOKEN);
        assertThat(changes.forService(fx.serviceId())).contains(ServiceDataChanged.of(fx.serviceId(), ServiceDataChanged.Part.CALLBACKS));

        Http.Response second = admin.post(base + "/delivery-receipt-api", body("https://example.gov.uk/other"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("message").get("name").get(0).asText())
                .isEqualTo("You can only have one URL and bearer token for your service.");

        Http.Response updated = admin.post(base + "/delivery-receipt-api/" + id,
                Map.of("url", "https://example.gov.uk/new", "bearer_token", "another-secret-token", "updated_by_id", fx.user()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("data").get("url").asText()).isEqualTo("https://example.gov.uk/new");
        assertThat(updated.json().get("data").get("updated_at").isNull()).isFalse();
        assertThat(history("service_callback_api", id)).isEqualTo(2);
        assertThat(store.endpoint(Kind.DELIVERY_STATUS, fx.serviceId()).orElseThrow().bearerToken()).isEqualTo("another-secret-token");

        // only non-empty values are applied
        Http.Response onlyUser = admin.post(base + "/delivery-receipt-api/" + id, "{\"bearer_token\": null, \"updated_by_id\": \"" + fx.user() + "\"}");
        assertThat(onlyUser.status()).as(onlyUser.toString()).isEqualTo(200);
        assertThat(onlyUser.json().get("data").get("url").asText()).isEqualTo("https://example.gov.uk/new");
        assertThat(store.endpoint(Kind.DELIVERY_STATUS, fx.serviceId()).orElseThrow().bearerToken()).isEqualTo("another-secret-token");
        assertThat(messages(admin.post(base + "/delivery-receipt-api/" + id, Map.of("url", "", "updated_by_id", fx.user()))))
                .containsExactly("url is not a valid https url");
        assertThat(jdbc.queryForObject("SELECT version FROM service_callback_api WHERE id = ?::uuid", Integer.class, id)).isEqualTo(3);

        JsonNode fetched = admin.get(base + "/delivery-receipt-api/" + id).json().get("data");
        assertThat(fetched.get("id").asText()).isEqualTo(id);

        assertThat(admin.delete(base + "/delivery-receipt-api/" + id).status()).isEqualTo(204);
        assertThat(admin.get(base + "/delivery-receipt-api/" + id).status()).isEqualTo(404);
        assertThat(history("service_callback_api", id)).isEqualTo(3);
        Http.Response again = admin.delete(base + "/delivery-receipt-api/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("message").asText()).isEqualTo("Service delivery receipt callback API not found");
        // after delete a new one may be created
        assertThat(admin.post(base + "/delivery-receipt-api", body("https://example.gov.uk/receipts")).status()).isEqualTo(201);
    }

    Map<String, Object> suspend(boolean suspend) {
        return Map.of("updated_by_id", fx.user(), "suspend_unsuspend", suspend);
    }

    @Test
    void suspendCallbackSuspendsAndResumesTheServicesCallbacks() {
        String id = admin.post(base + "/delivery-receipt-api", body("https://example.gov.uk/receipts")).json().get("data").get("id").asText();

        Http.Response suspended = admin.post(base + "/delivery-receipt-api/suspend-callback", suspend(true));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        JsonNode data = suspended.json().get("data");
        assertThat(data.get("id").asText()).isEqualTo(id);
        assertThat(data.get("is_suspended").asBoolean()).isTrue();
        assertThat(data.get("updated_by_id").asText()).isEqualTo(fx.user());
        assertThat(data.get("updated_at").isNull()).isFalse();
        assertThat(history("service_callback_api", id)).as("a history version, as GC").isEqualTo(2);
        assertThat(data.get("suspended_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(suspended.body()).doesNotContain(TOKEN);
        JsonNode fetched = admin.get(base + "/delivery-receipt-api/" + id).json().get("data");
        assertThat(fetched.get("is_suspended").asBoolean()).isTrue();
        assertThat(changes.forService(fx.serviceId())).contains(ServiceDataChanged.of(fx.serviceId(), ServiceDataChanged.Part.CALLBACKS));

        Http.Response resumed = admin.post(base + "/delivery-receipt-api/suspend-callback", suspend(false));
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("data").get("is_suspended").asBoolean()).isFalse();
        assertThat(resumed.json().get("data").get("suspended_at").isNull()).as("GC keeps suspended_at after resuming").isFalse();
        assertThat(admin.get(base + "/delivery-receipt-api/" + id).json().get("data").get("is_suspended").asBoolean()).isFalse();
    }

    @Test
    void suspendCallbackWithoutACallbackApiIsNotFoundAndABadBodyIsABadRequest() {
        Http.Response none = admin.post(base + "/delivery-receipt-api/suspend-callback", suspend(true));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("result").asText()).isEqualTo("error");
        assertThat(none.json().get("message").asText()).isEqualTo("Service delivery receipt callback API not found");

        admin.post(base + "/delivery-receipt-api", body("https://example.gov.uk/receipts"));
        Http.Response missing = admin.post(base + "/delivery-receipt-api/suspend-callback", Map.of("updated_by_id", fx.user()));
        assertThat(missing.status()).as("GC answers 500 here").isEqualTo(400);
        assertThat(messages(missing)).containsExactly("suspend_unsuspend is a required property");
        Http.Response notBoolean = admin.post(base + "/delivery-receipt-api/suspend-callback",
                Map.of("updated_by_id", fx.user(), "suspend_unsuspend", "yes"));
        assertThat(notBoolean.status()).isEqualTo(400);
        Http.Response noService = admin.post("/service/" + UUID.randomUUID() + "/delivery-receipt-api/suspend-callback", suspend(true));
        assertThat(noService.status()).isEqualTo(404);
    }

    @Test
    void aServiceWithOnlyAnInboundApiIsSuspendedAndResumedThroughTheSameEndpoint() {
        String id = admin.post(base + "/inbound-api", body("https://example.gov.uk/inbound")).json().get("data").get("id").asText();
        Http.Response suspended = admin.post(base + "/delivery-receipt-api/suspend-callback", suspend(true));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().get("data").get("id").asText()).isEqualTo(id);
        assertThat(suspended.json().get("data").get("is_suspended").asBoolean()).isTrue();
        assertThat(admin.get(base + "/inbound-api/" + id).json().get("data").get("is_suspended").asBoolean()).isTrue();
        assertThat(admin.post(base + "/delivery-receipt-api/suspend-callback", suspend(false)).json().get("data").get("is_suspended").asBoolean())
                .isFalse();
    }

    @Test
    void inboundApiLifecycle() {
        Http.Response created = admin.post(base + "/inbound-api", body("https://example.gov.uk/inbound"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("data").get("id").asText();
        assertThat(history("service_inbound_api", id)).isEqualTo(1);

        Http.Response second = admin.post(base + "/inbound-api", body("https://example.gov.uk/inbound2"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("message").get("name").get(0).asText())
                .isEqualTo("You can only have one URL and bearer token for your service.");

        Http.Response updated = admin.post(base + "/inbound-api/" + id, Map.of("bearer_token", "new-token-123", "updated_by_id", fx.user()));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body()).doesNotContain("new-token-123");
        assertThat(history("service_inbound_api", id)).isEqualTo(2);
        assertThat(store.endpoint(Kind.INBOUND_SMS, fx.serviceId()).orElseThrow().bearerToken()).isEqualTo("new-token-123");

        assertThat(admin.get(base + "/inbound-api/" + id).json().get("data").get("url").asText()).isEqualTo("https://example.gov.uk/inbound");
        assertThat(admin.delete(base + "/inbound-api/" + id).status()).isEqualTo(204);
        Http.Response gone = admin.delete(base + "/inbound-api/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("Service inbound API not found");
    }

    @Test
    void badInputIs400NeverA500() {
        Http.Response http = admin.post(base + "/delivery-receipt-api", body("http://example.gov.uk"));
        assertThat(http.status()).isEqualTo(400);
        assertThat(messages(http)).containsExactly("url is not a valid https url");

        Http.Response shortToken = admin.post(base + "/inbound-api",
                Map.of("url", "https://example.gov.uk", "bearer_token", "short", "updated_by_id", fx.user()));
        assertThat(messages(shortToken)).containsExactly("bearer_token short is too short");

        Http.Response missing = admin.post(base + "/inbound-api", Map.of());
        assertThat(messages(missing)).containsExactly("url is a required property", "bearer_token is a required property",
                "updated_by_id is a required property");

        Http.Response badUser = admin.post(base + "/inbound-api",
                Map.of("url", "https://example.gov.uk", "bearer_token", TOKEN, "updated_by_id", "nope"));
        assertThat(messages(badUser)).containsExactly("updated_by_id is not a valid UUID");

        Http.Response unknownUser = admin.post(base + "/inbound-api",
                Map.of("url", "https://example.gov.uk", "bearer_token", TOKEN, "updated_by_id", UUID.randomUUID().toString()));
        assertThat(unknownUser.status()).isEqualTo(400);

        String id = admin.post(base + "/inbound-api", body("https://example.gov.uk/x")).json().get("data").get("id").asText();
        assertThat(messages(admin.post(base + "/inbound-api/" + id, Map.of("url", "https://example.gov.uk/y"))))
                .containsExactly("updated_by_id is a required property");
        assertThat(admin.post(base + "/inbound-api/" + id, "{bad").status()).isEqualTo(400);
    }

    @Test
    void unknownIdsAndServicesAre404() {
        String unknown = UUID.randomUUID().toString();
        Http.Response get = admin.get(base + "/delivery-receipt-api/" + unknown);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().get("message").asText()).isEqualTo("Service delivery receipt callback API not found");
        assertThat(admin.post(base + "/delivery-receipt-api/" + unknown, Map.of("updated_by_id", fx.user())).status()).isEqualTo(404);
        assertThat(admin.get(base + "/inbound-api/" + unknown).status()).isEqualTo(404);
        assertThat(admin.post(base + "/inbound-api/" + unknown, Map.of("updated_by_id", fx.user())).status()).isEqualTo(404);
        assertThat(admin.get(base + "/inbound-api/not-a-uuid").status()).isEqualTo(404);

        Http.Response noService = admin.post("/service/" + UUID.randomUUID() + "/delivery-receipt-api", body("https://example.gov.uk"));
        assertThat(noService.status()).isEqualTo(404);
        assertThat(noService.json().get("message").asText()).isEqualTo("No result found");

        // an inbound API id is not a delivery receipt API id
        String inboundId = admin.post(base + "/inbound-api", body("https://example.gov.uk/x")).json().get("data").get("id").asText();
        assertThat(admin.get(base + "/delivery-receipt-api/" + inboundId).status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get(base + "/inbound-api/" + inboundId).status()).isEqualTo(401);
    }
}
