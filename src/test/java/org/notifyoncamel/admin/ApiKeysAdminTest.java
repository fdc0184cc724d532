package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class ApiKeysAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecretCipher cipher;

    Http admin() {
        return Http.admin(port);
    }

    @Test
    void createsAKeyWhoseSecretIsShownOnceAndStoredEncrypted() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), userId).get("id").asText();
        Http.Response created = admin().post("/service/" + serviceId + "/api-key", Map.of("name", "live", "created_by", userId, "key_type", "normal"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("data").asText();
        assertThat(UUID.fromString(secret).toString()).isEqualTo(secret);

        Map<String, Object> row = jdbc.queryForMap("SELECT id, secret, version FROM api_keys WHERE service_id = ?::uuid", serviceId);
        assertThat((String) row.get("secret")).isNotEqualTo(secret);
        assertThat(cipher.decrypt(SecretColumn.API_KEY_SECRET, (String) row.get("secret"))).isEqualTo(secret);
        assertThat(jdbc.queryForObject("SELECT version FROM api_keys_history WHERE id = ?", Integer.class, row.get("id"))).isEqualTo(1);

        JsonNode keys = admin().get("/service/" + serviceId + "/api-keys").json().get("apiKeys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("name").asText()).isEqualTo("live");
        assertThat(key.get("key_type").asText()).isEqualTo("normal");
        assertThat(key.get("created_by").asText()).isEqualTo(userId);
        assertThat(key.get("version").asInt()).isEqualTo(1);
        assertThat(key.get("expiry_date").isNull()).isTrue();
        assertThat(key.has("secret")).isFalse();
        assertThat(created.body()).doesNotContain((String) row.get("secret"));

        Http.Response one = admin().get("/service/" + serviceId + "/api-keys/" + key.get("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("apiKeys")).hasSize(1);
    }

    @Test
    void revokingExpiresTheKeyWithANewVersionAndFreesTheName() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), userId).get("id").asText();
        Map<String, Object> body = Map.of("name", "my key", "created_by", userId, "key_type", "team");
        assertThat(admin().post("/service/" + serviceId + "/api-key", body).status()).isEqualTo(201);

        Http.Response duplicate = admin().post("/service/" + serviceId + "/api-key", body);
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(400);
        assertThat(duplicate.json().get("message").get("name").get(0).asText()).startsWith("Duplicate API key name 'my key'");

        String keyId = admin().get("/service/" + serviceId + "/api-keys").json().get("apiKeys").get(0).get("id").asText();
        Http.Response revoked = admin().post("/service/" + serviceId + "/api-key/revoke/" + keyId, null);
        assertThat(revoked.status()).isEqualTo(202);
        assertThat(revoked.json().size()).isZero();
        assertThat(jdbc.queryForList("SELECT version FROM api_keys_history WHERE id = ?::uuid ORDER BY version", Integer.class, keyId))
                .containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT expiry_date IS NOT NULL FROM api_keys_history WHERE id = ?::uuid AND version = 2",
                Boolean.class, keyId)).isTrue();
        JsonNode listed = admin().get("/service/" + serviceId + "/api-keys").json().get("apiKeys");
        assertThat(listed.get(0).get("expiry_date").asText()).endsWith("Z");

        Http.Response gone = admin().get("/service/" + serviceId + "/api-keys/" + keyId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("API key not found for id: " + serviceId);

        assertThat(admin().post("/service/" + serviceId + "/api-key", body).status()).as("the name is free again").isEqualTo(201);
        assertThat(admin().post("/service/" + serviceId + "/api-key/revoke/" + keyId, null).status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys_history WHERE id = ?::uuid", Integer.class, keyId))
                .as("revoking twice writes nothing").isEqualTo(2);
        assertThat(admin().post("/service/" + serviceId + "/api-key/revoke/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String serviceId = AdminFixtures.createService(admin(), userId).get("id").asText();
        Http.Response missing = admin().post("/service/" + serviceId + "/api-key", Map.of("name", "k", "created_by", userId));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").get("key_type").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(admin().post("/service/" + serviceId + "/api-key", Map.of("name", "k", "created_by", userId, "key_type", "admin"))
                .json().get("message").has("key_type")).isTrue();
        assertThat(admin().post("/service/" + serviceId + "/api-key", Map.of("name", "k", "created_by", "nope", "key_type", "normal"))
                .json().get("message").has("created_by")).isTrue();
        assertThat(admin().post("/service/" + serviceId + "/api-key", Map.of("name", "k", "created_by", UUID.randomUUID().toString(),
                "key_type", "normal")).status()).isEqualTo(400);
        assertThat(admin().post("/service/" + serviceId + "/api-key", Map.of("name", "k".repeat(256), "created_by", userId, "key_type", "normal"))
                .status()).isEqualTo(400);
        assertThat(admin().post("/service/" + serviceId + "/api-key", Map.of("name", 5, "created_by", userId, "key_type", "normal"))
                .status()).isEqualTo(400);
        assertThat(admin().post("/service/" + UUID.randomUUID() + "/api-key", Map.of("name", "k", "created_by", userId, "key_type", "normal"))
                .status()).isEqualTo(404);
        assertThat(admin().get("/service/" + serviceId + "/api-keys/nope").status()).isEqualTo(404);
    }
}
