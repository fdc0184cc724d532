package org.notifyoncamel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.SentToQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Idempotency-Key on POST /v2/notifications over real HTTP (docs/adr/0150): a retry gets the first answer and sends
 * nothing; another body with the key is 422; keys belong to a service; concurrent retries send once.
 */
@ApiIntegrationTest
class IdempotencyKeyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    CamelContext camel;
    @Autowired
    Queues queues;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    IdempotencyStore store;

    ApiTestData data;
    SentToQueues sent;
    TestService service;
    TestKey key;
    UUID smsTemplate;
    UUID emailTemplate;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        sent = SentToQueues.on(camel, queues.prefix());
        service = data.service(false);
        key = data.apiKey(service, "normal");
        smsTemplate = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "email " + ApiTestData.unique(), "Hi", "Dear ((name))");
    }

    Http api(TestKey k, String idempotencyKey) {
        return Http.apiKey(port, k.serviceId().toString(), k.secret()).withHeader("Idempotency-Key", idempotencyKey);
    }

    Map<String, Object> sms(String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", "07700 900123");
        body.put("template_id", smsTemplate.toString());
        body.put("personalisation", Map.of("name", "Jo"));
        body.put("reference", reference);
        return body;
    }

    int rows(String reference) {
        return jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ? AND client_reference = ?", Integer.class,
                service.id(), reference);
    }

    long queued(String notificationId) {
        return sent.all().stream().filter(s -> s.body() != null && s.body().contains(notificationId)).count();
    }

    static void assertError(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.get("status_code").asInt()).isEqualTo(status);
        assertThat(json.get("errors").get(0).get("error").asText()).isEqualTo("BadRequestError");
        assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    @Test
    void aSequentialRetryGetsTheFirstAnswerAndSendsNothingNew() {
        String reference = "idem-" + ApiTestData.unique();
        String idempotencyKey = UUID.randomUUID().toString();
        Http.Response first = api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(sent.await(s -> s.body() != null && s.body().contains(id), java.time.Duration.ofSeconds(5))).isNotNull();

        // the same request, its keys in another order and spaced differently: still the same request
        String reordered = "{ \"reference\": \"" + reference + "\", \"personalisation\": {\"name\": \"Jo\"},"
                + " \"template_id\": \"" + smsTemplate + "\", \"phone_number\": \"07700 900123\" }";
        Http.Response retry = api(key, idempotencyKey).post("/v2/notifications/sms", reordered);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(first.headers().get("Idempotent-Replayed")).isNull();
        assertThat(rows(reference)).isEqualTo(1);
        assertThat(queued(id)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrEndpointIsRefused() {
        String idempotencyKey = "order-" + ApiTestData.unique();
        String reference = "idem-" + ApiTestData.unique();
        assertThat(api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference)).status()).isEqualTo(201);

        assertError(api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference + "-changed")), 422,
                IdempotencyKeys.DIFFERENT_REQUEST);
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("email_address", "jo@example.com");
        email.put("template_id", emailTemplate.toString());
        email.put("personalisation", Map.of("name", "Jo"));
        assertError(api(key, idempotencyKey).post("/v2/notifications/email", email), 422, IdempotencyKeys.DIFFERENT_REQUEST);
        assertThat(rows(reference + "-changed")).isZero();
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void keysAreScopedByService() {
        String idempotencyKey = "shared-" + ApiTestData.unique();
        String reference = "idem-" + ApiTestData.unique();
        Http.Response mine = api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference));

        TestService other = data.service(false);
        TestKey otherKey = data.apiKey(other, "normal");
        UUID otherTemplate = data.template(other, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        Map<String, Object> body = sms(reference);
        body.put("template_id", otherTemplate.toString());
        Http.Response theirs = api(otherKey, idempotencyKey).post("/v2/notifications/sms", body);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(theirs.json().get("id").asText()).isNotEqualTo(mine.json().get("id").asText());
        // a second key of the same service shares the service's keys
        TestKey secondKey = data.apiKey(service, "normal");
        Http.Response retry = api(secondKey, idempotencyKey).post("/v2/notifications/sms", sms(reference));
        assertThat(retry.body()).isEqualTo(mine.body());
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeySendOnce() throws Exception {
        String idempotencyKey = "burst-" + ApiTestData.unique();
        String reference = "idem-" + ApiTestData.unique();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference));
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).allSatisfy(r -> assertThat(r.body()).isEqualTo(created.get(0).body()));
            assertThat(responses).allSatisfy(r -> {
                if (r.status() != 201) {
                    assertError(r, 409, IdempotencyKeys.IN_PROGRESS);
                }
            });
            assertThat(rows(reference)).isEqualTo(1);
            String id = created.get(0).json().get("id").asText();
            assertThat(sent.await(s -> s.body() != null && s.body().contains(id), java.time.Duration.ofSeconds(5))).isNotNull();
            assertThat(queued(id)).isEqualTo(1);
            // once answered, every retry gets the answer
            assertThat(api(key, idempotencyKey).post("/v2/notifications/sms", sms(reference)).body()).isEqualTo(created.get(0).body());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalIsTheFirstAnswerTooButTryAgainAnswersAreNotKept() {
        String idempotencyKey = "refused-" + ApiTestData.unique();
        Map<String, Object> body = sms("idem-" + ApiTestData.unique());
        body.put("template_id", UUID.randomUUID().toString());
        Http.Response first = api(key, idempotencyKey).post("/v2/notifications/sms", body);
        assertThat(first.status()).isEqualTo(400);
        Http.Response retry = api(key, idempotencyKey).post("/v2/notifications/sms", body);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().get("Idempotent-Replayed")).containsExactly("true");

        // a 429 (rate limit) gives the key back: the retry runs again
        String limited = "limited-" + ApiTestData.unique();
        data.updateService(service.id(), "rate_limit = 0");
        try {
            String reference = "idem-" + ApiTestData.unique();
            Http.Response tooMany = api(key, limited).post("/v2/notifications/sms", sms(reference));
            assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(429);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE service_id = ? AND idempotency_key = ?",
                    Integer.class, service.id(), limited)).isZero();
        } finally {
            data.updateService(service.id(), "rate_limit = 3000");
        }
    }

    @Test
    void lettersAndEmailsTakeKeysToo() {
        TestService letters = data.service(false, "letter", "email");
        TestKey letterKey = data.apiKey(letters, "normal");
        UUID letterTemplate = data.template(letters, "letter", "letter " + ApiTestData.unique(), "Renewal", "Dear ((address_line_1))");
        String reference = "idem-" + ApiTestData.unique();
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("template_id", letterTemplate.toString());
        letter.put("personalisation", Map.of("address_line_1", "A Person", "address_line_2", "1 The Street", "postcode", "SW1A 1AA"));
        letter.put("reference", reference);
        String idempotencyKey = UUID.randomUUID().toString();
        Http.Response first = api(letterKey, idempotencyKey).post("/v2/notifications/letter", letter);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(api(letterKey, idempotencyKey).post("/v2/notifications/letter", letter).body()).isEqualTo(first.body());

        UUID emailOfLetters = data.template(letters, "email", "email " + ApiTestData.unique(), "Hi", "Dear ((name))");
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("email_address", "jo@example.com");
        email.put("template_id", emailOfLetters.toString());
        email.put("personalisation", Map.of("name", "Jo"));
        email.put("reference", reference);
        String emailKey = UUID.randomUUID().toString();
        Http.Response firstEmail = api(letterKey, emailKey).post("/v2/notifications/email", email);
        assertThat(firstEmail.status()).as(firstEmail.toString()).isEqualTo(201);
        assertThat(api(letterKey, emailKey).post("/v2/notifications/email", email).body()).isEqualTo(firstEmail.body());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ? AND client_reference = ?",
                Integer.class, letters.id(), reference)).isEqualTo(2);
    }

    @Test
    void anExpiredKeyOrAnAbandonedClaimIsTakenOverAndALostClaimStoresNothing() {
        Instant t0 = Timestamps.now().minus(Duration.ofDays(2));
        String expired = "expired-" + ApiTestData.unique();
        assertThat(store.claim(service.id(), expired, "h1", t0, t0.minusSeconds(1), t0.minusSeconds(1))).isTrue();
        assertThat(store.complete(service.id(), expired, t0, 201, "{}".getBytes(StandardCharsets.UTF_8), t0)).isTrue();
        Instant t1 = t0.plus(Duration.ofHours(1));
        // within its lifetime an answered key is never taken over, however old
        assertThat(store.claim(service.id(), expired, "h2", t1, t0.minusSeconds(1), t1)).isFalse();
        Instant t2 = t0.plus(Duration.ofHours(25));
        assertThat(store.claim(service.id(), expired, "h2", t2, t2.minus(Duration.ofHours(24)), t2)).isTrue();
        assertThat(store.find(service.id(), expired)).get().satisfies(e -> {
            assertThat(e.requestHash()).isEqualTo("h2");
            assertThat(e.completed()).isFalse();
        });

        String abandoned = "abandoned-" + ApiTestData.unique();
        assertThat(store.claim(service.id(), abandoned, "h", t0, t0.minusSeconds(1), t0.minusSeconds(1))).isTrue();
        Instant later = t0.plusSeconds(60);
        assertThat(store.claim(service.id(), abandoned, "h", later, t0.minus(Duration.ofHours(24)), t0.minusSeconds(1))).isFalse();
        Instant muchLater = t0.plusSeconds(600);
        assertThat(store.claim(service.id(), abandoned, "h", muchLater, t0.minus(Duration.ofHours(24)), muchLater.minusSeconds(300))).isTrue();
        // the first claim's late answer no longer belongs to the key
        assertThat(store.complete(service.id(), abandoned, t0, 201, new byte[0], muchLater)).isFalse();

        IdempotencyKeys keys = new IdempotencyKeys(store, Clock.fixed(t2.plus(Duration.ofHours(25)), ZoneOffset.UTC),
                Duration.ofHours(24), Duration.ofSeconds(300));
        assertThat(keys.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(store.find(service.id(), expired)).isEmpty();
        assertThat(store.find(service.id(), abandoned)).isEmpty();
    }

    @Test
    void anInvalidKeyIsABadRequestAndNoKeyChangesNothing() {
        assertError(api(key, " ").post("/v2/notifications/sms", sms("idem-" + ApiTestData.unique())), 400, IdempotencyKeys.INVALID_KEY);
        assertError(api(key, "k".repeat(256)).post("/v2/notifications/sms", sms("idem-" + ApiTestData.unique())), 400,
                IdempotencyKeys.INVALID_KEY);
        String reference = "idem-" + ApiTestData.unique();
        Http plain = Http.apiKey(port, key.serviceId().toString(), key.secret());
        assertThat(plain.post("/v2/notifications/sms", sms(reference)).status()).isEqualTo(201);
        assertThat(plain.post("/v2/notifications/sms", sms(reference)).status()).isEqualTo(201);
        assertThat(rows(reference)).isEqualTo(2);
    }
}
