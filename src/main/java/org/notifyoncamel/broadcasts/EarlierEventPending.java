package org.notifyoncamel.broadcasts;

/**
 * A later event (a cancel) for a network whose earlier event (the alert) is not acknowledged yet:
 * retried with the broadcast back-off until the earlier one is acknowledged or given up.
 */
public class EarlierEventPending extends RuntimeException {

    public EarlierEventPending(String message) {
        super(message);
    }
}
