package org.notifyoncamel.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job JSON of the internal API (notifications-api app/schemas.py {@code JobSchema}) and of
 * {@code POST /v2/notifications/bulk} (GC Notify's {@code JobSchema}). Timestamps are Python's {@code isoformat()}
 * with {@code +00:00}: microseconds only when there are any.
 */
public final class JobJson {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private JobJson() {
    }

    public static String timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.getNano() / 1000 == 0 ? SECONDS.format(instant) : MICROS.format(instant);
    }

    /** The internal API's job, with its statistics. */
    public static Map<String, Object> admin(Job job, List<JobStore.StatusCount> statistics) {
        Map<String, Object> json = common(job);
        json.put("contact_list_id", job.contactListId() == null ? null : job.contactListId().toString());
        json.put("statistics", statistics.stream().map(s -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", s.status());
            entry.put("count", s.count());
            return entry;
        }).toList());
        return json;
    }

    /** The bulk endpoint's job (GC Notify): the API key and the sender instead of the statistics. */
    public static Map<String, Object> bulk(Job job) {
        Map<String, Object> json = common(job);
        Map<String, Object> key = null;
        if (job.apiKeyId() != null) {
            key = new LinkedHashMap<>();
            key.put("id", job.apiKeyId().toString());
            key.put("key_type", job.apiKeyType());
            key.put("name", job.apiKeyName());
        }
        json.put("api_key", key);
        json.put("sender_id", job.senderId() == null ? null : job.senderId().toString());
        return json;
    }

    private static Map<String, Object> common(Job job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id().toString());
        json.put("original_file_name", job.originalFileName());
        json.put("notification_count", job.notificationCount());
        json.put("job_status", job.status());
        json.put("template", job.templateId() == null ? null : job.templateId().toString());
        json.put("template_version", job.templateVersion());
        json.put("template_name", job.templateName());
        json.put("template_type", job.templateType());
        json.put("service", job.serviceId().toString());
        json.put("service_name", Map.of("name", job.serviceName()));
        Map<String, Object> createdBy = null;
        if (job.createdById() != null) {
            createdBy = new LinkedHashMap<>();
            createdBy.put("id", job.createdById().toString());
            createdBy.put("name", job.createdByName());
        }
        json.put("created_by", createdBy);
        json.put("created_at", timestamp(job.createdAt()));
        json.put("updated_at", timestamp(job.updatedAt()));
        json.put("processing_started", timestamp(job.processingStarted()));
        json.put("processing_finished", timestamp(job.processingFinished()));
        json.put("scheduled_for", timestamp(job.scheduledFor()));
        json.put("archived", job.archived());
        return json;
    }
}
