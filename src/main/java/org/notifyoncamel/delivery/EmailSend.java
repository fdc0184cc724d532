package org.notifyoncamel.delivery;

import java.time.Instant;
import java.util.UUID;

/** A claimed email ready for SES: From is {@code "<fromName>" <fromAddress>}. */
public record EmailSend(UUID notificationId, UUID serviceId, String fromName, String fromAddress, String to, String subject,
                        String textBody, String htmlBody, String replyTo, Instant claimedAt) implements DeliverySend {

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public String toString() {
        return "EmailSend[" + notificationId + "]";
    }
}
