package org.notifyoncamel.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for asynchronous work by polling with a deadline (never a bare sleep as an assertion). */
public final class Poll {

    private Poll() {
    }

    public static void until(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Polls until the supplier returns the expected value; fails with the last value seen. */
    public static <T> void untilEquals(Duration timeout, String what, T expected, Supplier<T> actual) {
        Object[] last = new Object[1];
        try {
            until(timeout, what, () -> {
                last[0] = actual.get();
                return expected.equals(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": expected " + expected + " but was " + last[0], e);
        }
    }
}
