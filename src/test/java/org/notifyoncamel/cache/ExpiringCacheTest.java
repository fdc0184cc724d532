package org.notifyoncamel.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> cache.get("a", k -> {
                    loaderEntered.countDown();
                    await(release);
                    return Optional.of(loads.incrementAndGet());
                })));
            }
            assertThat(loaderEntered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the other callers arrive while the first load is in flight
            release.countDown();
            for (Future<Optional<Integer>> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).contains(1);
            }
            assertThat(loads.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredValueIsServedWhileOneCallerReloadsIt() throws Exception {
        AtomicLong clock = new AtomicLong();
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(2), 100, clock::get);
        cache.get("a", k -> Optional.of(1));
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread reloader = new Thread(() -> cache.get("a", k -> {
            loaderEntered.countDown();
            await(release);
            return Optional.of(2);
        }));
        reloader.start();
        assertThat(loaderEntered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get("a", k -> Optional.of(99))).as("the expired value, no second load").contains(1);
        release.countDown();
        reloader.join(5_000);
        assertThat(cache.get("a", k -> Optional.of(99))).contains(2);
    }

    @Test
    void aValueLoadedAcrossAnEvictionIsNotKept() throws Exception {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100);
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread loader = new Thread(() -> cache.get("a", k -> {
            loaderEntered.countDown();
            await(release);
            return Optional.of(1);
        }));
        loader.start();
        assertThat(loaderEntered.await(5, TimeUnit.SECONDS)).isTrue();
        cache.evict("a");
        release.countDown();
        loader.join(5_000);
        assertThat(cache.get("a", k -> Optional.of(2))).contains(2);
    }

    @Test
    void aFailedLoadFailsItsWaitersAndIsNotCached() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("a", k -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");
        assertThat(cache.get("a", k -> Optional.of(3))).contains(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
