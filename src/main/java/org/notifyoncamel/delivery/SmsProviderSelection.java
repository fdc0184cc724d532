package org.notifyoncamel.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The order in which SMS providers are tried for one message (notifications-api app/delivery/send_to_providers.py (provider_to_use)): the first is a
 * weighted random choice among the active providers, weighted by {@code provider_details.priority};
 * the others follow, drawn the same way, as failover candidates. Only providers that support
 * international numbers are candidates for an international number. Priorities are read at most
 * once per {@code notify.delivery.provider-cache-ms}.
 */
@Component
public class SmsProviderSelection {

    public record Candidate(String identifier, int priority, boolean supportsInternational) {
    }

    private final ProviderDetailsStore providers;
    private final long cacheMillis;
    private final DoubleSupplier random;
    private volatile List<Candidate> cached;
    private volatile long cachedAt;

    @Autowired
    public SmsProviderSelection(ProviderDetailsStore providers, @Value("${notify.delivery.provider-cache-ms}") long cacheMillis) {
        this(providers, cacheMillis, () -> ThreadLocalRandom.current().nextDouble());
    }

    SmsProviderSelection(ProviderDetailsStore providers, long cacheMillis, DoubleSupplier random) {
        this.providers = providers;
        this.cacheMillis = cacheMillis;
        this.random = random;
    }

    /** Provider identifiers, best first. Throws when none is active. */
    public List<String> order(boolean international) {
        List<Candidate> pool = new ArrayList<>();
        for (Candidate candidate : candidates()) {
            if (!international || candidate.supportsInternational()) {
                pool.add(candidate);
            }
        }
        if (pool.isEmpty()) {
            throw new IllegalStateException("No active sms providers");
        }
        return weightedOrder(pool, random);
    }

    /** Forget the cached priorities (after this process changed them). */
    public void invalidate() {
        cached = null;
    }

    static List<String> weightedOrder(List<Candidate> pool, DoubleSupplier random) {
        List<Candidate> remaining = new ArrayList<>(pool);
        List<String> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int total = remaining.stream().mapToInt(c -> Math.max(c.priority(), 0)).sum();
            int index = 0;
            if (total > 0) {
                double draw = random.getAsDouble() * total;
                double cumulative = 0;
                for (int i = 0; i < remaining.size(); i++) {
                    cumulative += Math.max(remaining.get(i).priority(), 0);
                    if (draw < cumulative) {
                        index = i;
                        break;
                    }
                }
            } else {
                index = (int) Math.min(remaining.size() - 1, Math.floor(random.getAsDouble() * remaining.size()));
            }
            order.add(remaining.remove(index).identifier());
        }
        return order;
    }

    private List<Candidate> candidates() {
        List<Candidate> current = cached;
        long now = System.currentTimeMillis();
        if (current == null || now - cachedAt > cacheMillis) {
            current = providers.active("sms").stream()
                    .map(p -> new Candidate(p.identifier(), p.priority(), p.supportsInternational())).toList();
            cached = current;
            cachedAt = now;
        }
        return current;
    }
}
