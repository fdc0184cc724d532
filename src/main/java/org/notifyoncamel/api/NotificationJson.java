package org.notifyoncamel.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.letters.LetterTimings;
import org.notifyoncamel.notifications.StoredNotification;
import org.notifyoncamel.templates.EmailRenderer;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.SmsRenderer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The v2 "notification JSON" (notifications-api app/v2/notifications/get_notifications.py). */
final class NotificationJson {

    static final Set<String> COMPLETED = Set.of("sent", "delivered", "failed", "technical-failure", "temporary-failure",
            "permanent-failure", "returned-letter", "cancelled");

    private NotificationJson() {
    }

    static Map<String, Object> of(StoredNotification n, ObjectNode personalisationJson, String root) {
        Personalisation values = ApiSupport.personalisation(personalisationJson);
        String type = n.notificationType();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", n.id().toString());
        json.put("reference", n.clientReference());
        json.put("email_address", "email".equals(type) ? n.to() : null);
        json.put("phone_number", "sms".equals(type) ? n.to() : null);
        boolean letter = "letter".equals(type);
        for (int i = 1; i <= 6; i++) {
            json.put("line_" + i, letter ? text(values, "address_line_" + i) : null);
        }
        json.put("postcode", letter ? text(values, "postcode") : null);
        json.put("type", type);
        json.put("status", letter ? letterStatus(n.status()) : n.status());
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", n.templateId().toString());
        template.put("version", n.templateVersion());
        template.put("uri", root + "/v2/template/" + n.templateId() + "/version/" + n.templateVersion());
        json.put("template", template);
        switch (type) {
            case "sms" -> {
                json.put("body", SmsRenderer.render(n.templateContent(), values));
                json.put("subject", null);
            }
            case "email" -> {
                json.put("body", EmailRenderer.body(n.templateContent(), values));
                json.put("subject", EmailRenderer.subject(n.templateSubject(), values));
            }
            default -> {
                json.put("body", LetterRenderer.body(n.templateContent(), values));
                json.put("subject", LetterRenderer.subject(n.templateSubject(), values));
            }
        }
        json.put("created_at", Timestamps.iso(n.createdAt()));
        json.put("created_by_name", n.createdByName());
        json.put("sent_at", Timestamps.iso(n.sentAt()));
        json.put("completed_at", COMPLETED.contains(n.status()) ? Timestamps.iso(n.updatedAt()) : null);
        json.put("scheduled_for", null);
        json.put("postage", letter ? n.postage() : null);
        if ("email".equals(type)) {
            json.put("one_click_unsubscribe_url", n.oneClickUnsubscribeUrl());
        }
        if (letter) {
            json.put("estimated_delivery", Timestamps.iso(LetterTimings.estimatedDelivery(n.createdAt(), n.postage())));
        }
        return json;
    }

    static String letterStatus(String status) {
        return switch (status) {
            case "created", "sending" -> "accepted";
            case "delivered", "returned-letter" -> "received";
            default -> status;
        };
    }

    private static String text(Personalisation values, String key) {
        return values.get(key).map(org.notifyoncamel.templates.PythonValues::str).orElse(null);
    }
}
