package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.delivery.DeliveryStore;
import org.notifyoncamel.delivery.SaveApiNotifications.DeliverTask;
import org.notifyoncamel.notifications.ScheduledNotifications;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scheduled single sends (docs/adr/0151), the whole application: the API stores the notification with its schedule,
 * the scheduler's cron (every second in tests) queues it at its time, the delivery workers send it; the internal API
 * cancels it before then. The "not early, exactly once" rules are also checked with a clock the test controls.
 */
@DeliveryIntegrationTest
class ScheduledSendsTest {

    static final Duration WAIT = Duration.ofSeconds(40);
    static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ScheduledNotifications schedules;
    @Autowired
    DeliveryStore delivery;
    @Autowired
    ObjectMapper mapper;

    ApiTestData data;
    TestService service;
    TestKey key;
    UUID smsTemplate;
    UUID emailTemplate;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false);
        key = data.apiKey(service, "normal");
        smsTemplate = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        emailTemplate = data.template(service, "email", "email " + ApiTestData.unique(), "Hi", "Dear ((name))");
    }

    Http api() {
        return Http.apiKey(port, key.serviceId().toString(), key.secret());
    }

    /** A naive UTC time {@code seconds} from now, whole seconds (so at most one second earlier than that). */
    static String inSeconds(long seconds) {
        return LocalDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).format(NAIVE);
    }

    static Instant instant(String naive) {
        return LocalDateTime.parse(naive, NAIVE).toInstant(ZoneOffset.UTC);
    }

    Map<String, Object> sms(String scheduledFor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", "07700 900123");
        body.put("template_id", smsTemplate.toString());
        body.put("personalisation", Map.of("name", "Jo"));
        body.put("scheduled_for", scheduledFor);
        return body;
    }

    UUID post(String type, Map<String, Object> body) {
        Http.Response response = api().post("/v2/notifications/" + type, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode scheduledFor = response.json().get("scheduled_for");
        assertThat(scheduledFor.isNull() ? null : scheduledFor.asText()).isEqualTo(body.get("scheduled_for"));
        return UUID.fromString(response.json().get("id").asText());
    }

    String status(UUID id) {
        return jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, id);
    }

    Instant sentAt(UUID id) {
        return Timestamps.toInstant(jdbc.queryForObject("SELECT sent_at FROM notifications WHERE id = ?", Timestamp.class, id));
    }

    Http.Response cancel(UUID id) {
        return Http.admin(port).post("/service/" + service.id() + "/notifications/" + id + "/cancel", Map.of());
    }

    @Test
    void aScheduledTextWaitsForItsTimeAndIsThenSentOnce() {
        String scheduledFor = inSeconds(3);
        UUID id = post("sms", sms(scheduledFor));
        Instant checkedAt = Instant.now();
        String before = status(id);
        if (checkedAt.isBefore(instant(scheduledFor))) {
            assertThat(before).isEqualTo("created");
            assertThat(schedules.find(id)).get().satisfies(s -> assertThat(s.pending()).isTrue());
        }

        Poll.until(WAIT, "the scheduled text sent", () -> !"created".equals(status(id)));

        assertThat(status(id)).isIn("sending", "delivered");
        assertThat(sentAt(id)).isAfterOrEqualTo(instant(scheduledFor));
        assertThat(schedules.find(id)).get().satisfies(s -> assertThat(s.pending()).isFalse());
    }

    @Test
    void aScheduledEmailIsSentAtItsTimeToo() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email_address", "jo@example.com");
        body.put("template_id", emailTemplate.toString());
        body.put("personalisation", Map.of("name", "Jo"));
        body.put("scheduled_for", inSeconds(2) + "Z");
        UUID id = post("email", body);

        Poll.until(WAIT, "the scheduled email sent", () -> !"created".equals(status(id)));
        assertThat(sentAt(id)).isAfterOrEqualTo(instant(((String) body.get("scheduled_for")).replace("Z", "")));
    }

    @Test
    void aCancelledNotificationIsNeverSent() {
        UUID cancelled = post("sms", sms(inSeconds(3)));
        String laterTime = inSeconds(5);
        UUID later = post("sms", sms(laterTime));

        Http.Response response = cancel(cancelled);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("id").asText()).isEqualTo(cancelled.toString());
        assertThat(json.get("notification_type").asText()).isEqualTo("sms");
        assertThat(json.get("status").asText()).isEqualTo("cancelled");
        assertThat(json.get("scheduled_for").asText()).endsWith("Z");

        // once the later one has gone, the scheduler has passed the cancelled one's time
        Poll.until(WAIT, "the later scheduled text sent", () -> !"created".equals(status(later)));
        assertThat(status(cancelled)).isEqualTo("cancelled");
        assertThat(sentAt(cancelled)).isNull();

        // too late: sent already, or cancelled already
        Http.Response tooLate = cancel(later);
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("message").asText()).isEqualTo("Notification cannot be cancelled - it is no longer waiting for its scheduled time");
        assertThat(cancel(cancelled).status()).isEqualTo(400);
        Http.Response notScheduled = cancel(post("sms", sms(null)));
        assertThat(notScheduled.status()).isEqualTo(400);
        assertThat(notScheduled.json().get("message").asText()).isEqualTo("Notification cannot be cancelled - only letters can be cancelled");
    }

    @Test
    void withAClockTheTestControlsANotificationIsNotDueEarlyAndIsTakenOnce() {
        String scheduledFor = inSeconds(23 * 3600);
        UUID id = post("sms", sms(scheduledFor));
        Instant at = instant(scheduledFor);
        String message = mapper.createObjectNode().put("notification_id", id.toString()).toString();

        // a deliver task that arrives early (a replay, an operator) finds nothing to claim
        assertThat(delivery.claim(id, Instant.now(), Instant.now().minusSeconds(150))).isEmpty();
        assertThat(status(id)).isEqualTo("created");

        List<DeliverTask> early = sends(at.minusNanos(1000)).due();
        assertThat(early).noneMatch(t -> t.message().equals(message));
        List<DeliverTask> due = sends(at).due();
        assertThat(due).contains(new DeliverTask(QueueNames.SEND_SMS, message));
        assertThat(sends(at.plusSeconds(60)).due()).noneMatch(t -> t.message().equals(message));
        assertThat(schedules.cancel(id, Instant.now())).isFalse();

        // the guard is what held the early claim back: with the schedule taken, the same claim succeeds
        Instant claimedAt = Timestamps.now();
        assertThat(delivery.claim(id, claimedAt, claimedAt.minusSeconds(150))).contains(claimedAt);
        assertThat(delivery.release(id, claimedAt, null, Timestamps.now())).isTrue();
    }

    @Test
    void aCancelRacingTheSchedulerEitherCancelsOrLosesNeverBoth() throws Exception {
        String scheduledFor = inSeconds(23 * 3600);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(post("sms", sms(scheduledFor)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var taken = pool.submit(() -> {
                start.await();
                return sends(instant(scheduledFor)).due();
            });
            var cancelled = pool.submit(() -> {
                start.await();
                Map<UUID, Boolean> results = new LinkedHashMap<>();
                for (UUID id : ids) {
                    results.put(id, schedules.cancel(id, Timestamps.now()));
                }
                return results;
            });
            start.countDown();
            List<DeliverTask> due = taken.get(30, TimeUnit.SECONDS);
            Map<UUID, Boolean> cancels = cancelled.get(30, TimeUnit.SECONDS);
            for (UUID id : ids) {
                boolean queued = due.stream().anyMatch(t -> t.message().contains(id.toString()));
                assertThat(queued ^ cancels.get(id)).as(id + " queued " + queued + ", cancelled " + cancels.get(id)).isTrue();
                assertThat(status(id)).isEqualTo(queued ? "created" : "cancelled");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDayAheadLimitAndThePastAreStillRefused() {
        Http.Response tooFar = api().post("/v2/notifications/sms", sms(inSeconds(24 * 3600 + 120)));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().get("errors").get(0).get("message").asText()).isEqualTo("scheduled_for datetime can only be 24 hours in the future");
        Http.Response past = api().post("/v2/notifications/sms", sms(inSeconds(-120)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("message").asText()).isEqualTo("scheduled_for datetime can not be in the past");
    }

    ScheduledSends sends(Instant now) {
        return new ScheduledSends(schedules, mapper, 10_000, Clock.fixed(now, ZoneOffset.UTC));
    }
}
