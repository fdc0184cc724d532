package org.notifyoncamel.receipts;

import java.util.List;

import org.notifyoncamel.queues.RetryMessage;

/** What processing a receipt leads to: service callback tasks to publish, or a retry of the receipt itself. */
public record ReceiptResult(List<String> callbacks, RetryMessage retry) {

    public static ReceiptResult done() {
        return new ReceiptResult(List.of(), null);
    }

    public static ReceiptResult withCallbacks(List<String> callbacks) {
        return new ReceiptResult(callbacks, null);
    }

    public static ReceiptResult retryLater(RetryMessage retry) {
        return new ReceiptResult(List.of(), retry);
    }

    /**
     * A receipt for a notification that is not visible yet usually raced the commit of its send by
     * milliseconds: retry after 1, 2, 4, 8 ... seconds, never more than {@code maxSeconds}.
     */
    public static int notFoundRetryDelay(int retriesSoFar, int maxSeconds) {
        int exponent = Math.max(0, Math.min(retriesSoFar, 16));
        return (int) Math.max(1, Math.min((long) maxSeconds, 1L << exponent));
    }
}
