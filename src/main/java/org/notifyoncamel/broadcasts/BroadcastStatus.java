package org.notifyoncamel.broadcasts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Broadcast message statuses and the transitions the internal API allows (notifications-api app/broadcast_message/rest.py). */
public final class BroadcastStatus {

    public static final String DRAFT = "draft";
    public static final String PENDING_APPROVAL = "pending-approval";
    public static final String REJECTED = "rejected";
    public static final String BROADCASTING = "broadcasting";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String TECHNICAL_FAILURE = "technical-failure";

    /** In the order of the original's enum; error messages list them in this order. */
    public static final List<String> ALL = List.of(DRAFT, PENDING_APPROVAL, REJECTED, BROADCASTING, COMPLETED, CANCELLED,
            TECHNICAL_FAILURE);

    /** A message may be edited only before it is broadcast. */
    public static final Set<String> EDITABLE = Set.of(DRAFT, PENDING_APPROVAL, REJECTED);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            DRAFT, Set.of(PENDING_APPROVAL, BROADCASTING),
            PENDING_APPROVAL, Set.of(REJECTED, DRAFT, BROADCASTING),
            REJECTED, Set.of(DRAFT, PENDING_APPROVAL),
            BROADCASTING, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of(),
            TECHNICAL_FAILURE, Set.of());

    private BroadcastStatus() {
    }

    public static boolean canMove(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Provider-message statuses. */
    public static final String PROVIDER_SENDING = "sending";
    public static final String PROVIDER_ACK = "returned-ack";
    public static final String PROVIDER_TECHNICAL_FAILURE = "technical-failure";
}
