package org.notifyoncamel.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The retry delays of callbacks, with the random source under the test's control. */
class CallbackBackoffTest {

    /** A random source that returns the given values in turn. */
    static RandomGenerator returning(double... values) {
        return new RandomGenerator() {
            int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return values[next++ % values.length];
            }
        };
    }

    static List<Integer> delays(CallbackBackoff backoff, int retries) {
        return IntStream.range(0, retries).map(backoff::delaySeconds).boxed().toList();
    }

    @Test
    void withoutJitterTheDelayDoublesUpToTheCap() {
        assertThat(delays(new CallbackBackoff(5, 2, 20, 0, returning(0.9)), 5)).containsExactly(5, 10, 20, 20, 20);
        assertThat(delays(new CallbackBackoff(60, 2, 900, 0, returning(0.9)), 6)).containsExactly(60, 120, 240, 480, 900, 900);
    }

    @Test
    void jitterMovesTheDelayByUpToTheFactorEitherWay() {
        // nextDouble 0 → -jitter, 0.5 → none, just below 1 → +jitter
        CallbackBackoff backoff = new CallbackBackoff(100, 2, 900, 0.2, returning(0.0, 0.5, 0.999999));
        assertThat(backoff.delaySeconds(0)).isEqualTo(80);
        assertThat(backoff.delaySeconds(0)).isEqualTo(100);
        assertThat(backoff.delaySeconds(0)).isEqualTo(120);
        assertThat(backoff.delaySeconds(1)).isEqualTo(160);
    }

    @Test
    void jitterNeverLeavesOneSecondToTheCap() {
        CallbackBackoff low = new CallbackBackoff(1, 2, 900, 1, returning(0.0));
        assertThat(low.delaySeconds(0)).isEqualTo(1);
        CallbackBackoff high = new CallbackBackoff(60, 2, 300, 0.5, returning(0.999999));
        assertThat(high.delaySeconds(10)).isEqualTo(300);
    }

    @Test
    void aSeededSourceSpreadsABurstWithinTheBounds() {
        CallbackBackoff backoff = new CallbackBackoff(60, 2, 900, 0.25, RandomGenerator.of("L64X128MixRandom"));
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(backoff.delaySeconds(0));
        }
        assertThat(first).allSatisfy(d -> assertThat(d).isBetween(45, 75));
        assertThat(first.stream().distinct().count()).as("a burst is spread, not retried in the same second").isGreaterThan(20);
    }

    @Test
    void theCapIsNeverBeyondTheSqsDelayLimitAndNegativeRetriesCountAsNone() {
        CallbackBackoff backoff = new CallbackBackoff(600, 3, 5000, 0, returning(0.5));
        assertThat(backoff.delaySeconds(-1)).isEqualTo(600);
        assertThat(backoff.delaySeconds(1)).isEqualTo(CallbackBackoff.SQS_MAX_DELAY_SECONDS);
        assertThat(backoff.delaySeconds(1_000)).isEqualTo(CallbackBackoff.SQS_MAX_DELAY_SECONDS);
    }

    @Test
    void nonsenseSettingsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new CallbackBackoff(0, 2, 900, 0, returning(0.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallbackBackoff(5, 0.5, 900, 0, returning(0.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallbackBackoff(5, 2, 900, 1.5, returning(0.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
