package org.notifyoncamel.broadcasts;

import java.util.Arrays;
import java.util.Optional;

/** The mobile networks Notify broadcasts to, and how each one's CBC proxy wants its messages (notifications-api app/clients/cbc_proxy.py). */
public enum CbcNetwork {
    EE("ee", "cap", "en-GB", "cy-GB"),
    O2("o2", "cap", "en-GB", "cy-GB"),
    THREE("three", "cap", "en-GB", "cy-GB"),
    VODAFONE("vodafone", "ibag", "English", "Welsh");

    private final String id;
    private final String messageFormat;
    private final String english;
    private final String welsh;

    CbcNetwork(String id, String messageFormat, String english, String welsh) {
        this.id = id;
        this.messageFormat = messageFormat;
        this.english = english;
        this.welsh = welsh;
    }

    /** The provider name stored in broadcast_provider_message.provider. */
    public String id() {
        return id;
    }

    public String messageFormat() {
        return messageFormat;
    }

    public String language(boolean welshText) {
        return welshText ? welsh : english;
    }

    /** Vodafone's (Nokia) CBC needs a numeric message id next to the CAP identifier. */
    public boolean needsMessageNumber() {
        return this == VODAFONE;
    }

    /** The proxy names of this network, e.g. {@code ee-1-proxy} (primary) and {@code ee-2-proxy} (failover). */
    public String primaryProxy() {
        return id + "-1-proxy";
    }

    public String failoverProxy() {
        return id + "-2-proxy";
    }

    public static Optional<CbcNetwork> of(String id) {
        return Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst();
    }
}
