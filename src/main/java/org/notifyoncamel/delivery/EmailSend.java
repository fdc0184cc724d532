package org.notifyoncamel.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed email ready for SES: From is {@code "<fromName>" <fromAddress>}; {@code oneClickUnsubscribeUrl} (null when
 * the client sent none) becomes the List-Unsubscribe headers.
 */
public record EmailSend(UUID notificationId, UUID serviceId, String fromName, String fromAddress, String to, String subject,
                        String textBody, String htmlBody, String replyTo, String oneClickUnsubscribeUrl, Instant claimedAt)
        implements DeliverySend {

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public String toString() {
        return "EmailSend[" + notificationId + "]";
    }
}
