package org.notifyoncamel.delivery;

import java.time.Instant;
import java.util.UUID;

/** A claimed SMS ready for a provider: the number without {@code +}, the text as sent and its fragment count. */
public record SmsSend(UUID notificationId, UUID serviceId, String to, String content, String sender, int fragments,
                      boolean international, Instant claimedAt) implements DeliverySend {

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public String toString() {
        // never log the recipient or the content
        return "SmsSend[" + notificationId + "]";
    }
}
