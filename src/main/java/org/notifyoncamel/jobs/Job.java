package org.notifyoncamel.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code jobs} (notifications-api app/models.py {@code Job}), with what the job JSON shows beside it: the
 * template's name and type, the service's name, the creator's name, and the API key of a bulk request.
 */
public record Job(
        UUID id,
        String originalFileName,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        Instant createdAt,
        Instant updatedAt,
        int notificationCount,
        Instant processingStarted,
        Instant processingFinished,
        UUID createdById,
        Instant scheduledFor,
        String status,
        boolean archived,
        UUID contactListId,
        UUID apiKeyId,
        UUID senderId,
        String templateName,
        String templateType,
        String serviceName,
        String createdByName,
        String apiKeyName,
        String apiKeyType) {

    public static final String PENDING = "pending";
    public static final String SCHEDULED = "scheduled";
    public static final String IN_PROGRESS = "in progress";
    public static final String FINISHED = "finished";
    public static final String SENDING_LIMITS_EXCEEDED = "sending limits exceeded";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";

    /** A job to insert: the joined names are left null. */
    public static Job create(UUID id, String originalFileName, UUID serviceId, UUID templateId, int templateVersion,
                             Instant createdAt, int notificationCount, UUID createdById, Instant scheduledFor,
                             UUID contactListId, UUID apiKeyId, UUID senderId) {
        return new Job(id, originalFileName, serviceId, templateId, templateVersion, createdAt, null, notificationCount, null, null,
                createdById, scheduledFor, scheduledFor == null ? PENDING : SCHEDULED, false, contactListId, apiKeyId, senderId,
                null, null, null, null, null, null);
    }
}
