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
import org.springframework.stereotype.Component;

/**
 * POST /service/{sid}/notifications/{nid}/cancel (notifications-utils notifications_utils/letter_timings.py): a letter
 * cancelled before its print run.
 */
@Component("lettersAdmin")
public class LettersAdmin {

    private final LetterStore letters;

    public LettersAdmin(LetterStore letters) {
        this.letters = letters;
    }

    public HttpResult cancel(@Header("sid") String sid, @Header("nid") String nid) {
        UUID serviceId = AdminIds.path(sid);
        UUID id = AdminIds.path(nid);
        LetterStore.Letter letter = letters.find(serviceId, id).orElseThrow(() -> AdminError.notFound("Notification not found"));
        if (!"letter".equals(letter.notificationType())) {
            throw AdminError.badRequest("Notification cannot be cancelled - only letters can be cancelled");
        }
        Instant now = Instant.now();
        if (!LetterTimings.canBeCancelled(letter.status(), letter.createdAt(), now) || !letters.cancel(id)) {
            throw AdminError.badRequest(LetterTimings.tooLateToCancel(letter.createdAt(), now));
        }
        LetterStore.Letter cancelled = letters.find(serviceId, id).orElseThrow(() -> AdminError.notFound("Notification not found"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", cancelled.id().toString());
        json.put("service", cancelled.serviceId().toString());
        json.put("notification_type", "letter");
        json.put("status", cancelled.status());
        json.put("key_type", cancelled.keyType());
        json.put("reference", cancelled.reference());
        json.put("postage", cancelled.postage());
        json.put("created_at", Timestamps.iso(cancelled.createdAt()));
        return HttpResult.ok(json);
    }
}
