package org.notifyoncamel.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notification rows with every column the facts read, written to notifications and/or notification_history. */
record FactsFixtures(JdbcTemplate jdbc) {

    static final String COLUMNS = "id, service_id, template_id, template_version, key_type, notification_type, created_at, "
            + "notification_status, sent_by, billable_units, rate_multiplier, international, job_id";

    UUID row(boolean live, boolean history, DeliveryTestData.Service service, DeliveryTestData.Template template, String keyType,
             Instant createdAt, String status, String sentBy, int units, Integer rateMultiplier, boolean international) {
        UUID id = UUID.randomUUID();
        Timestamp created = DeliveryTestData.sql(createdAt);
        if (live) {
            jdbc.update("INSERT INTO notifications (" + COLUMNS + ", \"to\") VALUES (?, ?, ?, 1, ?, ?::notification_type, ?, ?, ?, ?, ?, ?, NULL, '07700900123')",
                    id, service.id(), template.id(), keyType, template.type(), created, status, sentBy, units, rateMultiplier, international);
        }
        if (history) {
            jdbc.update("INSERT INTO notification_history (" + COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?::notification_type, ?, ?, ?, ?, ?, ?, NULL)",
                    id, service.id(), template.id(), keyType, template.type(), created, status, sentBy, units, rateMultiplier, international);
        }
        return id;
    }

    UUID live(DeliveryTestData.Service service, DeliveryTestData.Template template, String keyType, Instant createdAt, String status) {
        return row(true, false, service, template, keyType, createdAt, status, "mmg", 1, 1, false);
    }
}
