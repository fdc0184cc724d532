package org.notifyoncamel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis down (nothing listens at its address): the rate and daily limits fail open as before (ADR 0030), and an
 * Idempotency-Key still sends once, because keys live in the database (docs/adr/0150).
 */
@ApiIntegrationTest
@TestPropertySource(properties = "spring.data.redis.url=redis://127.0.0.1:1/0")
class IdempotencyWithoutRedisTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aRetryGetsTheFirstAnswerWithRedisDown() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false);
        TestKey key = data.apiKey(service, "normal");
        UUID template = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        String reference = "no-redis-" + ApiTestData.unique();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", "07700 900123");
        body.put("template_id", template.toString());
        body.put("personalisation", Map.of("name", "Jo"));
        body.put("reference", reference);
        Http api = Http.apiKey(port, service.id().toString(), key.secret()).withHeader("Idempotency-Key", UUID.randomUUID().toString());

        Http.Response first = api.post("/v2/notifications/sms", body);
        Http.Response retry = api.post("/v2/notifications/sms", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ? AND client_reference = ?",
                Integer.class, service.id(), reference)).isEqualTo(1);
    }
}
