package org.notifyoncamel.receipts;

import java.util.List;

import org.notifyoncamel.delivery.RetryMessage;

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
}
