package org.notifyoncamel.cache;

import java.time.Instant;
import java.util.UUID;

/** A template at one version (the current row or a history row). */
public record TemplateData(
        UUID id,
        UUID serviceId,
        String name,
        String templateType,
        Instant createdAt,
        Instant updatedAt,
        String content,
        String subject,
        boolean archived,
        boolean hidden,
        String postage,
        String processType,
        UUID letterContactId,
        int version,
        String createdByEmail) {

    public boolean isPriority() {
        return "priority".equals(processType);
    }
}
