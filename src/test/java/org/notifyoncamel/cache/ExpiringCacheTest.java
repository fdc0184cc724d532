package org.notifyoncamel.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    @Test
    void loadsOnceUntilExpiryOrEviction() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger loads = new AtomicInteger();
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(2), 100, clock::get);
        assertThat(cache.get("a", k -> Optional.of(loads.incrementAndGet()))).contains(1);
        assertThat(cache.get("a", k -> Optional.of(loads.incrementAndGet()))).contains(1);
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(cache.get("a", k -> Optional.of(loads.incrementAndGet()))).contains(2);
        cache.evict("a");
        assertThat(cache.get("a", k -> Optional.of(loads.incrementAndGet()))).contains(3);
        assertThat(cache.get("missing", k -> Optional.empty())).isEmpty();
        assertThat(cache.get("missing", k -> Optional.of(99))).as("absence is cached too").isEmpty();
    }

    @Test
    void staysWithinItsSize() {
        ExpiringCache<Integer, Integer> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        for (int i = 0; i < 100; i++) {
            cache.get(i, Optional::of);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
