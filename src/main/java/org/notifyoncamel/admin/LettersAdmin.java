package org.notifyoncamel.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Header;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.letters.LetterStore;
import org.notifyoncamel.letters.LetterTimings;
import org.notifyoncamel.notifications.ScheduledNotifications;
import org.springframework.stereotype.Component;

/**
 * POST /service/{sid}/notifications/{nid}/cancel (notifications-utils notifications_utils/letter_timings.py): a letter
 * cancelled before its print run, or (beyond the original, docs/adr/0151) a text or email cancelled while it waits
 * for its {@code scheduled_for}.
 */
@Component("lettersAdmin")
public class LettersAdmin {

    static final String SCHEDULE_PASSED = "Notification cannot be cancelled - it is no longer waiting for its scheduled time";

    private final LetterStore letters;
    private final ScheduledNotifications schedules;

    public LettersAdmin(LetterStore letters, ScheduledNotifications schedules) {
        this.letters = letters;
        this.schedules = schedules;
    }

    public HttpResult cancel(@Header("sid") String sid, @Header("nid") String nid) {
        UUID serviceId = AdminIds.path(sid);
        UUID id = AdminIds.path(nid);
        LetterStore.Letter letter = letters.find(serviceId, id).orElseThrow(() -> AdminError.notFound("Notification not found"));
        if (!"letter".equals(letter.notificationType())) {
            return cancelScheduled(serviceId, letter);
        }
        Instant now = Instant.now();
        if (!LetterTimings.canBeCancelled(letter.status(), letter.createdAt(), now) || !letters.cancel(id)) {
            throw AdminError.badRequest(LetterTimings.tooLateToCancel(letter.createdAt(), now));
        }
        return HttpResult.ok(json(serviceId, id));
    }

    private HttpResult cancelScheduled(UUID serviceId, LetterStore.Letter notification) {
        ScheduledNotifications.Schedule schedule = schedules.find(notification.id())
                .orElseThrow(() -> AdminError.badRequest("Notification cannot be cancelled - only letters can be cancelled"));
        if (!schedule.pending() || !schedules.cancel(notification.id(), Timestamps.now())) {
            throw AdminError.badRequest(SCHEDULE_PASSED);
        }
        Map<String, Object> json = json(serviceId, notification.id());
        json.put("scheduled_for", Timestamps.iso(schedule.scheduledFor()));
        return HttpResult.ok(json);
    }

    private Map<String, Object> json(UUID serviceId, UUID id) {
        LetterStore.Letter cancelled = letters.find(serviceId, id).orElseThrow(() -> AdminError.notFound("Notification not found"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", cancelled.id().toString());
        json.put("service", cancelled.serviceId().toString());
        json.put("notification_type", cancelled.notificationType());
        json.put("status", cancelled.status());
        json.put("key_type", cancelled.keyType());
        json.put("reference", cancelled.reference());
        json.put("postage", cancelled.postage());
        json.put("created_at", Timestamps.iso(cancelled.createdAt()));
        return json;
    }
}
