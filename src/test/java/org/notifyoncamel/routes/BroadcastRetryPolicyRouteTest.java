package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.broadcasts.BroadcastTasks;
import org.notifyoncamel.support.BroadcastTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broadcast retry policy (docs/adr/0001-broadcast-redelivery.md): route broadcast-send-provider-message
 * with its broadcast-errors configuration (routes/broadcasts-errors.camel.yaml) and the attempt and CBC proxy
 * routes (routes/broadcasts-send.camel.yaml) on their own, against a live broadcast in the real database.
 * The EE proxies are mock endpoints ({@link RouteLevelTest} sets the EE proxy URLs to {@code mock:cbc-ee-*})
 * and the delays are compressed: 100 ms, multiplier 2, capped at 400 ms.
 */
@RouteLevelTest
class BroadcastRetryPolicyRouteTest extends RouteLevelTestSupport {

    /** The configured delays of RouteLevelTest, in milliseconds, before redelivery 1, 2, 3 ... */
    static final long[] CAPPED = {100, 200, 400, 400, 400, 400};
    /** What the delays would be without the cap. */
    static final long[] UNCAPPED = {100, 200, 400, 800, 1600, 3200};

    @Autowired
    JdbcTemplate jdbc;
    @EndpointInject("mock:cbc-ee-primary")
    MockEndpoint primary;
    @EndpointInject("mock:cbc-ee-failover")
    MockEndpoint failover;

    /** When each attempt reached the primary proxy (nanoTime). */
    final List<Long> attempts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockEndpoint.resetMocks(camel);
        attempts.clear();
    }

    @Test
    void aCbcThatFailsSixTimesIsRetriedWithCappedExponentialDelaysThenAcknowledgedOnce() {
        UUID event = liveAlert();
        int failures = CAPPED.length;
        primary.whenAnyExchangeReceived(exchange -> {
            attempts.add(System.nanoTime());
            if (attempts.size() <= failures) {
                throw new IllegalStateException("EE primary proxy down");
            }
        });
        failover.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("EE failover proxy down");
        });

        Exchange result = sendProviderMessage(event);

        assertThat(result.getException()).isNull();
        assertThat(attempts).as("attempts: the failures, then the one that succeeds").hasSize(failures + 1);
        assertThat(failover.getReceivedCounter()).as("each failed attempt tried the failover too").isEqualTo(failures);
        for (int i = 0; i < failures; i++) {
            long gap = (attempts.get(i + 1) - attempts.get(i)) / 1_000_000;
            assertThat(gap).as("delay before redelivery %d", i + 1).isGreaterThanOrEqualTo(CAPPED[i] - 10);
            // judged only where the uncapped delay is at least four times the cap (delays 5 and 6: 1600 and 3200 ms
            // against 400 ms), so a loaded machine's scheduling slack cannot fail a capped delay
            if (UNCAPPED[i] >= 4 * CAPPED[i]) {
                assertThat(gap).as("delay before redelivery %d is capped", i + 1).isLessThan(UNCAPPED[i]);
            }
        }
        assertThat(providerMessageStatus(event)).isEqualTo("returned-ack");
        String payload = primary.getReceivedExchanges().get(failures).getMessage().getBody(String.class);
        assertThat(payload).contains("\"message_type\":\"alert\"", "\"description\":\"Flood warning\"");
    }

    @Test
    void aBroadcastCancelledWhileItsCbcFailsIsGivenUpAtOnceAsTechnicalFailure() {
        UUID event = liveAlert();
        primary.whenAnyExchangeReceived(exchange -> {
            attempts.add(System.nanoTime());
            if (attempts.size() == 2) {
                jdbc.update("UPDATE broadcast_message SET status = 'cancelled' WHERE id = (SELECT broadcast_message_id FROM broadcast_event WHERE id = ?)",
                        event);
            }
            throw new IllegalStateException("EE primary proxy down");
        });
        failover.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("EE failover proxy down");
        });

        Exchange result = sendProviderMessage(event);

        assertThat(result.getException()).as("handled by the policy").isNull();
        assertThat(attempts).as("no retry once the broadcast is no longer live").hasSize(2);
        assertThat(providerMessageStatus(event)).isEqualTo("technical-failure");
    }

    @Test
    void anAcknowledgedProviderMessageIsNeverSentAgain() {
        UUID event = liveAlert();
        primary.whenAnyExchangeReceived(exchange -> attempts.add(System.nanoTime()));

        sendProviderMessage(event);
        Exchange again = sendProviderMessage(event);

        assertThat(again.getException()).isNull();
        assertThat(attempts).hasSize(1);
        assertThat(failover.getReceivedCounter()).isZero();
        assertThat(providerMessageStatus(event)).isEqualTo("returned-ack");
    }

    /** What consume-broadcast-tasks hands on for a send-broadcast-provider-message task to EE. */
    private Exchange sendProviderMessage(UUID event) {
        return producer.send("direct:broadcast-send-provider-message", exchange -> {
            exchange.setProperty(BroadcastTasks.EVENT_ID, event);
            exchange.setProperty(BroadcastTasks.PROVIDER, "ee");
        });
    }

    /** A broadcasting message and its alert event, live for an hour; returns the event id. */
    private UUID liveAlert() {
        BroadcastTestData broadcasts = new BroadcastTestData(jdbc);
        UUID user = broadcasts.user();
        UUID service = broadcasts.service(user, false);
        UUID message = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        Instant now = Instant.now();
        Timestamp finishes = sql(now.plus(1, ChronoUnit.HOURS));
        String areas = "{\"areas\": [\"Test area\"], \"simple_polygons\": [[[51.5, -0.1], [51.6, -0.1], [51.6, 0.0]]]}";
        jdbc.update("""
                INSERT INTO broadcast_message (id, service_id, content, areas, status, starts_at, finishes_at, created_at, created_by_id)
                VALUES (?, ?, 'Flood warning', ?::jsonb, 'broadcasting', ?, ?, ?, ?)""",
                message, service, areas, sql(now), finishes, sql(now), user);
        jdbc.update("""
                INSERT INTO broadcast_event (id, service_id, broadcast_message_id, sent_at, message_type, transmitted_content,
                                             transmitted_areas, transmitted_sender, transmitted_starts_at, transmitted_finishes_at)
                VALUES (?, ?, ?, ?, 'alert', '{"body": "Flood warning"}'::jsonb, ?::jsonb, 'Notify', ?, ?)""",
                event, service, message, sql(now), areas, sql(now), finishes);
        return event;
    }

    private String providerMessageStatus(UUID event) {
        return jdbc.queryForObject("SELECT status FROM broadcast_provider_message WHERE broadcast_event_id = ? AND provider = 'ee'",
                String.class, event);
    }

    private static Timestamp sql(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
