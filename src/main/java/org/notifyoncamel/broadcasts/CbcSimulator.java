package org.notifyoncamel.broadcasts;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.http.HttpResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CBC proxy simulator for development and tests ({@code POST /simulator/cbc/{proxy}}, proxies
 * {@code ee-1-proxy} ... {@code vodafone-2-proxy}): acknowledges well-formed sends, records every
 * request, and fails, times out or answers slowly as configured or as a test asks at run time.
 */
@Component("cbcSimulator")
public class CbcSimulator {

    /** How one proxy behaves; failureRate is the share of requests answered 500 (0 to 1). */
    public record Behaviour(boolean down, boolean timingOut, double failureRate, long latencyMillis) {
        public static final Behaviour HEALTHY = new Behaviour(false, false, 0, 0);

        public Behaviour withDown(boolean value) {
            return new Behaviour(value, timingOut, failureRate, latencyMillis);
        }
    }

    /** A request as the simulator saw it, and how it answered (acknowledged, failed, timed-out, rejected). */
    public record Request(String proxy, String identifier, String messageType, JsonNode payload, String outcome, Instant at) {
        public boolean acknowledged() {
            return "acknowledged".equals(outcome);
        }
    }

    private static final Set<String> PROXIES = Set.of("ee-1-proxy", "ee-2-proxy", "o2-1-proxy", "o2-2-proxy", "three-1-proxy",
            "three-2-proxy", "vodafone-1-proxy", "vodafone-2-proxy");

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final long timeoutSleepMillis;
    private final Behaviour configured;
    private final Set<String> failing;
    private final Set<String> timingOut;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Random random = new Random(20210205L);

    public CbcSimulator(@Value("${notify.simulators.cbc.enabled}") boolean enabled,
                        @Value("${notify.simulators.cbc.latency}") long latencyMillis,
                        @Value("${notify.simulators.cbc.failing-proxies}") String failingProxies,
                        @Value("${notify.simulators.cbc.timing-out-proxies}") String timingOutProxies,
                        @Value("${notify.broadcasts.cbc.timeout}") long clientTimeoutMillis, ObjectMapper mapper) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.timeoutSleepMillis = clientTimeoutMillis * 2;
        this.configured = new Behaviour(false, false, 0, latencyMillis);
        this.failing = names(failingProxies);
        this.timingOut = names(timingOutProxies);
        reset();
    }

    /** Answers one proxy call. */
    public HttpResult answer(@Header("proxy") String proxy, @Body byte[] body) throws InterruptedException {
        if (!enabled || !PROXIES.contains(proxy)) {
            return new HttpResult(404, Map.of("error", "no such CBC proxy: " + proxy));
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            payload = null;
        }
        Behaviour behaviour = behaviour(proxy);
        if (behaviour.latencyMillis() > 0) {
            Thread.sleep(behaviour.latencyMillis());
        }
        if (behaviour.timingOut()) {
            record(proxy, payload, "timed-out");
            Thread.sleep(timeoutSleepMillis);
            return new HttpResult(504, Map.of("error", "timed out"));
        }
        boolean flaky;
        synchronized (random) {
            flaky = behaviour.failureRate() > 0 && random.nextDouble() < behaviour.failureRate();
        }
        if (behaviour.down() || flaky) {
            record(proxy, payload, "failed");
            return new HttpResult(500, Map.of("error", "CBC proxy " + proxy + " failed"));
        }
        if (payload == null || !payload.hasNonNull("identifier") || !payload.hasNonNull("message_type")
                || !payload.hasNonNull("message_format")) {
            record(proxy, payload, "rejected");
            return new HttpResult(400, Map.of("error", "identifier, message_type and message_format are required"));
        }
        record(proxy, payload, "acknowledged");
        return HttpResult.ok(Map.of("result", "acknowledged", "identifier", payload.get("identifier").asText()));
    }

    /**
     * {@code POST /simulator/cbc/{proxy}/behaviour} with {@code {"down": true|false}}: takes a proxy down or brings it
     * back at run time (the benchmark's failover measurement); answers the proxy's behaviour now.
     */
    public HttpResult control(@Header("proxy") String proxy, @Body byte[] body) {
        if (!enabled || !PROXIES.contains(proxy)) {
            return new HttpResult(404, Map.of("error", "no such CBC proxy: " + proxy));
        }
        JsonNode request;
        try {
            request = mapper.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.path("down").isBoolean()) {
            return new HttpResult(400, Map.of("error", "body must be {\"down\": true|false}"));
        }
        Behaviour now = behaviour(proxy).withDown(request.get("down").booleanValue());
        behave(proxy, now);
        return HttpResult.ok(Map.of("proxy", proxy, "down", now.down()));
    }

    public void behave(String proxy, Behaviour behaviour) {
        behaviours.put(proxy, behaviour);
    }

    public Behaviour behaviour(String proxy) {
        return behaviours.getOrDefault(proxy, configured);
    }

    /** Back to the configured behaviour, and forget the recorded requests. */
    public void reset() {
        behaviours.clear();
        for (String proxy : PROXIES) {
            behaviours.put(proxy, new Behaviour(failing.contains(proxy), timingOut.contains(proxy), 0, configured.latencyMillis()));
        }
        synchronized (requests) {
            requests.clear();
        }
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void record(String proxy, JsonNode payload, String outcome) {
        Request request = new Request(proxy, payload == null ? null : payload.path("identifier").asText(null),
                payload == null ? null : payload.path("message_type").asText(null), payload, outcome, Instant.now());
        synchronized (requests) {
            requests.add(request);
        }
    }

    private static Set<String> names(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Set.copyOf(Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
