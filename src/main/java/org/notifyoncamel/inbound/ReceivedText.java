package org.notifyoncamel.inbound;

import java.time.LocalDateTime;

/**
 * One text a provider says it received, decoded and normalised (inbound-sms.md 3.4): the Notify number
 * it was sent to as we store numbers ({@code 07...}), the sender as formatted for storage (or as
 * received when it is not a valid number), the content, the provider's reference (MMG only) and its
 * timestamp as naive UTC (null when the provider sent none). {@code toString} leaves out the content
 * and the sender, which are personal data.
 */
public record ReceivedText(String provider, String notifyNumber, String userNumber, String content, String providerReference,
                           LocalDateTime providerDate) {

    public static final String MMG = "mmg";
    public static final String FIRETEXT = "firetext";

    @Override
    public String toString() {
        return "ReceivedText[provider=" + provider + ", notifyNumber=" + notifyNumber + ", providerReference=" + providerReference + "]";
    }
}
