package org.notifyoncamel.broadcasts;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * ADR 0001 at start-up: the broadcast retry delay must stay below the broadcast queue's
 * visibility timeout, or SQS hands a message that waits for its next retry to another worker and
 * the alert goes out twice. The application refuses to start otherwise.
 */
@Component
public class BroadcastRedeliveryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastRedeliveryCheck.class);

    public BroadcastRedeliveryCheck(@Value("${notify.broadcasts.maximum-redelivery-delay}") long maximumDelayMillis,
                                    @Value("${notify.broadcasts.redelivery-delay}") long delayMillis,
                                    @Value("${notify.queues.broadcast-tasks.visibility-timeout}") int visibilityTimeoutSeconds,
                                    @Value("${notify.broadcasts.allow-delay-beyond-visibility-timeout}") boolean allowBeyond,
                                    @Value("${notify.queues.broadcast-tasks.max-messages-per-poll}") int maxMessagesPerPoll,
                                    @Value("${notify.queues.broadcast-tasks.concurrent-consumers}") int consumers,
                                    CbcProxies proxies, Environment env) {
        List<String> problems = problems(maximumDelayMillis, delayMillis, visibilityTimeoutSeconds, allowBeyond);
        if (env.acceptsProfiles(p -> p.test("production")) && proxies.enabled()) {
            for (CbcNetwork network : proxies.enabledNetworks()) {
                for (boolean failover : new boolean[] {false, true}) {
                    String url = proxies.configuredUrl(network, failover);
                    if (url.isBlank() || url.contains(CbcProxies.LOCAL_PORT)) {
                        problems.add("CBC_PROXY_" + network.id().toUpperCase(java.util.Locale.ROOT)
                                + (failover ? "_FAILOVER_URL" : "_PRIMARY_URL") + " must be set to the real CBC proxy in production");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
        if (allowBeyond && maximumDelayMillis >= visibilityTimeoutSeconds * 1000L) {
            LOG.warn("Broadcast retry delay cap {} ms is not below the visibility timeout {} s: duplicate alerts are possible (ADR 0001)",
                    maximumDelayMillis, visibilityTimeoutSeconds);
        }
        if (maxMessagesPerPoll != 1) {
            LOG.warn("The broadcast consumer takes {} messages per poll; ADR 0001 says 1", maxMessagesPerPoll);
        }
        if (consumers < proxies.enabledNetworks().size()) {
            LOG.warn("{} broadcast consumers for {} networks: one network's failing CBC can delay another's alert (ADR 0001)",
                    consumers, proxies.enabledNetworks().size());
        }
    }

    /** What is wrong with these redelivery settings (empty when they are safe). */
    public static List<String> problems(long maximumDelayMillis, long delayMillis, int visibilityTimeoutSeconds, boolean allowBeyond) {
        List<String> problems = new ArrayList<>();
        if (delayMillis <= 0 || maximumDelayMillis < delayMillis) {
            problems.add("notify.broadcasts.redelivery-delay (" + delayMillis + " ms) must be positive and not above "
                    + "notify.broadcasts.maximum-redelivery-delay (" + maximumDelayMillis + " ms)");
        }
        if (!allowBeyond && maximumDelayMillis >= visibilityTimeoutSeconds * 1000L) {
            problems.add("the broadcast retry delay cap notify.broadcasts.maximum-redelivery-delay (" + maximumDelayMillis
                    + " ms) must be below the broadcast-tasks visibility timeout notify.queues.broadcast-tasks.visibility-timeout ("
                    + visibilityTimeoutSeconds + " s), or SQS delivers a message that waits for its retry a second time "
                    + "and the alert is sent twice (ADR 0001)");
        }
        return problems;
    }
}
