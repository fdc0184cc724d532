package org.notifyoncamel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.notifyoncamel.broadcasts.CbcSimulator;
import org.notifyoncamel.broadcasts.CbcSimulator.Behaviour;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0001's scenario with compressed time: many broadcasts while every primary proxy fails
 * intermittently (o2's primary times out) and the Three network is down altogether for longer
 * than the visibility timeout; then Three comes back.
 */
public final class BroadcastScenario {

    /** What happened: acknowledgements per CAP identifier, and SQS receives per message. */
    public record Outcome(List<String> providerMessageIds, Map<String, Long> acksPerIdentifier, Map<String, Long> receivesPerMessage,
                          List<String> statuses) {
    }

    private BroadcastScenario() {
    }

    public static Outcome run(int port, JdbcTemplate jdbc, CbcSimulator simulator, BroadcastQueueWatch watch, int broadcasts,
                              Duration threeDownFor, Duration deadline) {
        simulator.reset();
        for (String network : List.of("ee", "o2", "three", "vodafone")) {
            simulator.behave(network + "-1-proxy", new Behaviour(false, false, 0.5, 0));
        }
        simulator.behave("o2-1-proxy", new Behaviour(false, true, 0, 0));
        simulator.behave("three-1-proxy", new Behaviour(true, false, 0, 0));
        simulator.behave("three-2-proxy", new Behaviour(true, false, 0, 0));

        BroadcastFlow flow = new BroadcastFlow(Http.admin(port), new BroadcastTestData(jdbc), false);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < broadcasts; i++) {
            messages.add(flow.broadcast("Flood warning " + i));
        }
        Instant threeBack = Instant.now().plus(threeDownFor);
        waitFor(() -> Instant.now().isAfter(threeBack), Duration.ofMinutes(1));
        simulator.behave("three-1-proxy", Behaviour.HEALTHY);
        simulator.behave("three-2-proxy", Behaviour.HEALTHY);

        String sql = """
                SELECT p.id::text, p.status FROM broadcast_provider_message p JOIN broadcast_event e ON e.id = p.broadcast_event_id
                WHERE e.service_id = ?""";
        waitFor(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList(sql, flow.service);
            return rows.size() == broadcasts * 4 && rows.stream().allMatch(r -> "returned-ack".equals(r.get("status")));
        }, deadline);
        // anything SQS would deliver again arrives within one more visibility timeout
        sleepQuietly(Duration.ofSeconds(4));

        List<Map<String, Object>> rows = jdbc.queryForList(sql, flow.service);
        List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
        Map<String, Long> acks = simulator.requests().stream().filter(CbcSimulator.Request::acknowledged)
                .filter(r -> ids.contains(r.identifier()))
                .collect(Collectors.groupingBy(CbcSimulator.Request::identifier, Collectors.counting()));
        // only this scenario's tasks: other tests' broadcasts may still be on the same queue
        List<String> events = jdbc.queryForList("SELECT id::text FROM broadcast_event WHERE service_id = ?", String.class, flow.service);
        Map<String, Long> receives = watch.receives().stream().filter(r -> events.stream().anyMatch(e -> r.body().contains(e)))
                .collect(Collectors.groupingBy(BroadcastQueueWatch.Receive::messageId, Collectors.counting()));
        return new Outcome(ids, acks, receives, rows.stream().map(r -> (String) r.get("status")).toList());
    }

    public static void waitFor(BooleanSupplier condition, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            sleepQuietly(Duration.ofMillis(100));
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
