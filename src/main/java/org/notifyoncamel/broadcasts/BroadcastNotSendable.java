package org.notifyoncamel.broadcasts;

/**
 * A provider message must not be sent (any more): its broadcast expired, was cancelled or
 * superseded, or an earlier event for the same network was given up. Never retried; the provider
 * message is recorded as technical-failure.
 */
public class BroadcastNotSendable extends RuntimeException {

    public BroadcastNotSendable(String message) {
        super(message);
    }
}
