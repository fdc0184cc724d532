package org.notifyoncamel.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingBatchTest {

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final List<List<Integer>> full = new CopyOnWriteArrayList<>();
    final List<List<Integer>> due = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    PendingBatch<Integer> batch(long delayMicros) {
        return new PendingBatch<>(3, delayMicros, timer, full::add, due::add);
    }

    @Test
    void aFullBatchIsHandedOnAtOnceAndItsTimerCancelled() throws InterruptedException {
        PendingBatch<Integer> batch = batch(TimeUnit.MILLISECONDS.toMicros(100));
        batch.add(1);
        batch.add(2);
        batch.add(3);
        batch.add(4);
        assertThat(full).containsExactly(List.of(1, 2, 3));
        Thread.sleep(300);
        assertThat(due).containsExactly(List.of(4));
    }

    @Test
    void withTheTimerStoppedEachEntryGoesAtOnce() {
        timer.shutdownNow();
        PendingBatch<Integer> batch = batch(1_000_000);
        batch.add(1);
        assertThat(full).containsExactly(List.of(1));
        assertThat(batch.drain()).isEmpty();
    }
}
