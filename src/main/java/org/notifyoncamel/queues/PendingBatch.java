package org.notifyoncamel.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Entries waiting for one SQS batch call on one queue ({@link SqsBatchSender}, {@link SqsBatchDeleter}): the batch
 * is handed to {@code whenFull} on the adding thread once it holds {@code maxEntries}, or to {@code whenDue} on the
 * timer thread {@code delayMicros} after its first entry. When the timer no longer runs (shutdown), a batch is
 * handed on at once as if full.
 */
final class PendingBatch<T> {

    private final int maxEntries;
    private final long delayMicros;
    private final ScheduledExecutorService timer;
    private final Consumer<List<T>> whenFull;
    private final Consumer<List<T>> whenDue;
    private List<T> pending;
    private ScheduledFuture<?> due;

    PendingBatch(int maxEntries, long delayMicros, ScheduledExecutorService timer, Consumer<List<T>> whenFull,
                 Consumer<List<T>> whenDue) {
        this.maxEntries = maxEntries;
        this.delayMicros = delayMicros;
        this.timer = timer;
        this.whenFull = whenFull;
        this.whenDue = whenDue;
        this.pending = new ArrayList<>(maxEntries);
    }

    void add(T entry) {
        List<T> full = null;
        synchronized (this) {
            pending.add(entry);
            if (pending.size() >= maxEntries) {
                full = take();
            } else if (pending.size() == 1) {
                try {
                    due = timer.schedule(this::flushDue, delayMicros, TimeUnit.MICROSECONDS);
                } catch (RuntimeException stopped) {
                    full = take();
                }
            }
        }
        if (full != null) {
            whenFull.accept(full);
        }
    }

    /** Whatever is waiting, taken out of the batch (on shutdown). */
    synchronized List<T> drain() {
        return take();
    }

    private void flushDue() {
        List<T> taken = drain();
        if (!taken.isEmpty()) {
            whenDue.accept(taken);
        }
    }

    private List<T> take() {
        List<T> taken = pending;
        pending = new ArrayList<>(maxEntries);
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        return taken;
    }
}
