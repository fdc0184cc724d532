package org.notifyoncamel.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;

/**
 * A notification accepted by the API, with every column of the {@code notifications} row
 * (notifications-api app/notifications/process_notifications.py). {@code encryptedPersonalisation} is already {@code SecretCipher} output.
 */
public record NewNotification(
        UUID id,
        String to,
        String normalisedTo,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        UUID apiKeyId,
        String keyType,
        String notificationType,
        Instant createdAt,
        String status,
        String clientReference,
        String encryptedPersonalisation,
        boolean international,
        String phonePrefix,
        BigDecimal rateMultiplier,
        String replyToText,
        Integer documentDownloadCount,
        String postage,
        String reference,
        Instant updatedAt,
        String oneClickUnsubscribeUrl) {

    /** A notification without a provider reference, not yet updated (texts and emails). */
    public NewNotification(UUID id, String to, String normalisedTo, UUID serviceId, UUID templateId, int templateVersion,
                           UUID apiKeyId, String keyType, String notificationType, Instant createdAt, String status,
                           String clientReference, String encryptedPersonalisation, boolean international, String phonePrefix,
                           BigDecimal rateMultiplier, String replyToText, Integer documentDownloadCount, String postage) {
        this(id, to, normalisedTo, serviceId, templateId, templateVersion, apiKeyId, keyType, notificationType, createdAt, status,
                clientReference, encryptedPersonalisation, international, phonePrefix, rateMultiplier, replyToText,
                documentDownloadCount, postage, null, null, null);
    }

    /** A notification without a one-click unsubscribe URL (every type but API emails that carry one). */
    public NewNotification(UUID id, String to, String normalisedTo, UUID serviceId, UUID templateId, int templateVersion,
                           UUID apiKeyId, String keyType, String notificationType, Instant createdAt, String status,
                           String clientReference, String encryptedPersonalisation, boolean international, String phonePrefix,
                           BigDecimal rateMultiplier, String replyToText, Integer documentDownloadCount, String postage,
                           String reference, Instant updatedAt) {
        this(id, to, normalisedTo, serviceId, templateId, templateVersion, apiKeyId, keyType, notificationType, createdAt, status,
                clientReference, encryptedPersonalisation, international, phonePrefix, rateMultiplier, replyToText,
                documentDownloadCount, postage, reference, updatedAt, null);
    }

    /** The same notification with the client's one-click unsubscribe URL (email only, RFC 8058). */
    public NewNotification withOneClickUnsubscribeUrl(String url) {
        return new NewNotification(id, to, normalisedTo, serviceId, templateId, templateVersion, apiKeyId, keyType,
                notificationType, createdAt, status, clientReference, encryptedPersonalisation, international, phonePrefix,
                rateMultiplier, replyToText, documentDownloadCount, postage, reference, updatedAt, url);
    }

    /**
     * The row as the save-api task carries it: every {@code notifications} column as a snake_case
     * key, timestamps as ISO strings, the personalisation (encrypted) under {@code _personalisation}.
     */
    public Map<String, Object> columns() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("to", to);
        row.put("normalised_to", normalisedTo);
        row.put("job_id", null);
        row.put("job_row_number", null);
        row.put("service_id", serviceId.toString());
        row.put("template_id", templateId.toString());
        row.put("template_version", templateVersion);
        row.put("api_key_id", apiKeyId == null ? null : apiKeyId.toString());
        row.put("key_type", keyType);
        row.put("billable_units", 0);
        row.put("notification_type", notificationType);
        row.put("created_at", Timestamps.iso(createdAt));
        row.put("sent_at", null);
        row.put("updated_at", Timestamps.iso(updatedAt));
        row.put("sent_by", null);
        row.put("notification_status", status);
        row.put("reference", reference);
        row.put("client_reference", clientReference);
        row.put("_personalisation", encryptedPersonalisation);
        row.put("international", international);
        row.put("phone_prefix", phonePrefix);
        row.put("rate_multiplier", rateMultiplier);
        row.put("created_by_id", null);
        row.put("reply_to_text", replyToText);
        row.put("document_download_count", documentDownloadCount);
        row.put("postage", postage);
        row.put("one_click_unsubscribe_url", oneClickUnsubscribeUrl);
        return row;
    }
}
