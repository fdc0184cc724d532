package org.notifyoncamel.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notification row as the public API reads it, with the template version it was sent from. */
public record StoredNotification(
        UUID id,
        String to,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        String keyType,
        String notificationType,
        Instant createdAt,
        Instant sentAt,
        Instant updatedAt,
        String status,
        String clientReference,
        String encryptedPersonalisation,
        String postage,
        String createdByName,
        String templateContent,
        String templateSubject,
        String oneClickUnsubscribeUrl) {
}
