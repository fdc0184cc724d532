package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.simulators.ProviderSimulators;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduled jobs, run through their routes: timeouts with callbacks, and replays that never double a retry chain. */
@DeliveryIntegrationTest
class NotificationSchedulesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    ProviderSimulators providers;
    @Autowired
    org.notifyoncamel.delivery.DeliveryStore store;
    @Autowired
    org.notifyoncamel.callbacks.DeliveryStatusCallbacks callbacks;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    DeliveryTestData data;
    CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeliveryTestData(jdbc, cipher);
        server = new CallbackServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void notificationsStuckForThreeDaysTimeOutWithACallback() {
        DeliveryTestData.Service service = data.service();
        data.callbackApi(service, "delivery_status", server.url("/timeout"), "timeout-token-1234567890");
        DeliveryTestData.Template template = data.smsTemplate(service, "Old");
        Instant old = Instant.now().minus(Duration.ofDays(4));
        UUID sending = data.notification(service, template, "07700900123", Map.of(), "normal", old, "sending");
        UUID pending = data.notification(service, template, "07700900123", Map.of(), "normal", old, "pending");
        UUID delivered = data.notification(service, template, "07700900123", Map.of(), "normal", old, "delivered");
        UUID recent = data.notification(service, template, "07700900123", Map.of(), "normal", Instant.now(), "sending");

        camel.sendBody("direct:timeout-sending-notifications", null);

        assertThat(data.status(sending)).isEqualTo("temporary-failure");
        assertThat(data.status(pending)).isEqualTo("temporary-failure");
        assertThat(data.status(delivered)).isEqualTo("delivered");
        assertThat(data.status(recent)).isEqualTo("sending");
        Poll.until(Duration.ofSeconds(20), "timeout callbacks", () -> server.requestsFor(sending.toString()).size() == 1
                && server.requestsFor(pending.toString()).size() == 1);
        assertThat(server.requestsFor(sending.toString()).get(0).body().get("status").asText()).isEqualTo("temporary-failure");
    }

    @Test
    void replayResendsOldCreatedNotificationsButNotOnesWithARetryPending() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Replayed");
        Instant old = Instant.now().minus(Duration.ofHours(2));
        UUID forgotten = data.notification(service, template, "07700900123", Map.of(), "normal", old, "created");
        UUID retrying = data.notification(service, template, "07700900124", Map.of(), "normal", old, "created");
        // a failed attempt a moment ago: its retry is on retry-tasks
        jdbc.update("UPDATE notifications SET updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", retrying);
        UUID young = data.notification(service, template, "07700900125", Map.of(), "normal", Instant.now(), "created");

        camel.sendBody("direct:replay-created-notifications", null);

        Poll.untilEquals(Duration.ofSeconds(20), "replayed notification delivered", "delivered", () -> data.status(forgotten));
        assertThat(data.status(retrying)).isEqualTo("created");
        assertThat(data.status(young)).isEqualTo("created");
        assertThat(providers.sends("mmg", retrying.toString()) + providers.sends("firetext", retrying.toString())).isZero();
    }

    @Test
    void aReplayRunDrainsTheWholeBacklogInBatchesWithEachRowOnce() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Backlog");
        Instant old = Instant.now().minus(Duration.ofHours(3));
        java.util.Set<UUID> backlog = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            // the same created_at for some rows: the cursor orders by (created_at, id)
            backlog.add(data.notification(service, template, "0770090013" + i, Map.of(), "normal", old.plusSeconds(i / 2), "created"));
        }
        NotificationSchedules batches = new NotificationSchedules(store, callbacks, mapper, 259200, 3600, 900, 2);
        java.util.List<String> seen = new java.util.ArrayList<>();
        NotificationSchedules.ReplayCursor cursor = null;
        Instant start = Instant.now();
        int runs = 0;
        NotificationSchedules.ReplayBatch batch;
        do {
            batch = batches.replayBatch(cursor, start, false);
            assertThat(batch.tasks()).hasSizeLessThanOrEqualTo(2);
            batch.tasks().forEach(t -> seen.add(t.message()));
            cursor = batch.next();
            runs++;
        } while (batch.more() && runs < 10_000);
        assertThat(batch.more()).isFalse();
        for (UUID id : backlog) {
            assertThat(seen.stream().filter(m -> m.contains(id.toString()))).as(id.toString()).hasSize(1);
        }
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void onStartEveryCreatedRowAndAbandonedClaimIsRequeuedWhateverItsAge() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Requeued");
        // a minute old, and one whose retry was pending: both lost with the embedded queues of the previous process
        UUID young = data.notification(service, template, "07700900141", Map.of(), "normal", Instant.now().minusSeconds(60), "created");
        UUID retrying = data.notification(service, template, "07700900142", Map.of(), "normal", Instant.now().minusSeconds(60), "created");
        jdbc.update("UPDATE notifications SET updated_at = now() AT TIME ZONE 'UTC' WHERE id = ?", retrying);

        camel.sendBodyAndProperty("direct:replay-created-notifications", null, "replayEverything", true);

        Poll.untilEquals(Duration.ofSeconds(20), "requeued notification delivered", "delivered", () -> data.status(young));
        Poll.untilEquals(Duration.ofSeconds(20), "requeued retry delivered", "delivered", () -> data.status(retrying));
        assertThat(providers.sends("mmg", young.toString()) + providers.sends("firetext", young.toString())).isOne();
    }
}
