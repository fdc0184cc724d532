package org.notifyoncamel.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Schema validation of the POST /v2/notifications bodies (notifications-api app/v2/notifications/post_notifications.py), errors per 3.3. */
public final class NotificationRequests {

    /**
     * A validated SMS or email request. {@code recipient} is the value as sent; {@code scheduledFor} (null: now) is
     * when to send it, {@code scheduledForAsSent} the value as sent (echoed in the answer).
     */
    public record Send(String recipient, UUID templateId, ObjectNode personalisation, String reference,
                       UUID senderId, String senderIdAsSent, String oneClickUnsubscribeUrl, Instant scheduledFor,
                       String scheduledForAsSent) {
    }

    static final List<String> POSTAGE = List.of("first", "second", "europe", "rest-of-world");

    private static final Set<String> SMS_FIELDS = Set.of("reference", "phone_number", "template_id", "personalisation",
            "scheduled_for", "sms_sender_id");
    private static final Set<String> EMAIL_FIELDS = Set.of("reference", "email_address", "template_id", "personalisation",
            "scheduled_for", "email_reply_to_id", "one_click_unsubscribe_url");
    private static final Set<String> LETTER_FIELDS = Set.of("reference", "template_id", "personalisation");
    private static final Set<String> PRECOMPILED_FIELDS = Set.of("reference", "content", "postage");

    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public NotificationRequests(PhoneNumbers phoneNumbers, Clock clock) {
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    public Send sms(JsonNode node) {
        ObjectNode body = V2Requests.object(node);
        SchemaErrors errors = new SchemaErrors();
        String reference = V2Requests.string(body, "reference", errors);
        String phone = V2Requests.string(body, "phone_number", errors);
        if (phone != null) {
            try {
                phoneNumbers.validate(phone, true);
            } catch (InvalidRecipientException e) {
                errors.format("phone_number", e.reason());
            }
        }
        UUID templateId = V2Requests.uuid(body, "template_id", errors);
        ObjectNode personalisation = V2Requests.object(body, "personalisation", errors);
        scheduledFor(body, errors);
        UUID senderId = V2Requests.uuid(body, "sms_sender_id", errors);
        required(body, errors, "phone_number", "template_id");
        errors.additionalProperties(V2Requests.unexpected(body, SMS_FIELDS));
        errors.throwIfAny();
        return new Send(phone, templateId, personalisation, reference, senderId, text(body, "sms_sender_id"), null,
                scheduledAt(body), text(body, "scheduled_for"));
    }

    public Send email(JsonNode node) {
        ObjectNode body = V2Requests.object(node);
        SchemaErrors errors = new SchemaErrors();
        String reference = V2Requests.string(body, "reference", errors);
        String email = V2Requests.string(body, "email_address", errors);
        if (email != null && !EmailAddresses.isValid(email)) {
            errors.format("email_address", "Not a valid email address");
        }
        UUID templateId = V2Requests.uuid(body, "template_id", errors);
        ObjectNode personalisation = V2Requests.object(body, "personalisation", errors);
        scheduledFor(body, errors);
        UUID replyToId = V2Requests.uuid(body, "email_reply_to_id", errors);
        String unsubscribe = unsubscribeUrl(body, errors);
        required(body, errors, "email_address", "template_id");
        errors.additionalProperties(V2Requests.unexpected(body, EMAIL_FIELDS));
        errors.throwIfAny();
        return new Send(email, templateId, personalisation, reference, replyToId, text(body, "email_reply_to_id"), unsubscribe,
                scheduledAt(body), text(body, "scheduled_for"));
    }

    /** A letter request: templated ({@code content == null}) or precompiled. */
    public record Letter(UUID templateId, ObjectNode personalisation, String reference, String content, String postage) {
        public boolean precompiled() {
            return content != null;
        }
    }

    /**
     * Letters: templated (no {@code content} key) or precompiled (notifications-api
     * app/v2/notifications/post_notifications.py).
     */
    public Letter letter(JsonNode node) {
        ObjectNode body = V2Requests.object(node);
        SchemaErrors errors = new SchemaErrors();
        String reference = V2Requests.string(body, "reference", errors);
        if (body.has("content")) {
            String content = V2Requests.string(body, "content", errors);
            String postage = V2Requests.string(body, "postage", errors);
            // current clients may send economy (notifications-api app/models.py): accepted as a UK class, not
            // advertised in the message
            if (postage != null && !POSTAGE.contains(postage) && !"economy".equals(postage)) {
                errors.format("postage", "invalid. It must be first, second, europe or rest-of-world.");
            }
            required(body, errors, "reference", "content");
            errors.additionalProperties(V2Requests.unexpected(body, PRECOMPILED_FIELDS));
            errors.throwIfAny();
            return new Letter(null, null, reference, content == null ? "" : content, postage);
        }
        UUID templateId = V2Requests.uuid(body, "template_id", errors);
        ObjectNode personalisation = V2Requests.object(body, "personalisation", errors);
        required(body, errors, "template_id", "personalisation");
        errors.additionalProperties(V2Requests.unexpected(body, LETTER_FIELDS));
        errors.throwIfAny();
        return new Letter(templateId, personalisation, reference, null, null);
    }

    private void scheduledFor(ObjectNode body, SchemaErrors errors) {
        JsonNode value = body.get("scheduled_for");
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            errors.type("scheduled_for", value, "string", "null");
            return;
        }
        String problem = ScheduledFor.problem(value.asText(), clock);
        if (problem != null) {
            errors.format("scheduled_for", problem);
        }
    }

    /** The validated {@code scheduled_for} as an instant, or null when absent or null. */
    private static Instant scheduledAt(ObjectNode body) {
        JsonNode value = body.get("scheduled_for");
        return value == null || value.isNull() ? null : ScheduledFor.instant(value.asText());
    }

    /**
     * Current clients may send {@code one_click_unsubscribe_url}: an absolute https URL (RFC 8058 requires HTTPS for
     * the List-Unsubscribe-Post target), or null.
     */
    private static String unsubscribeUrl(ObjectNode body, SchemaErrors errors) {
        JsonNode value = body.get("one_click_unsubscribe_url");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.type("one_click_unsubscribe_url", value, "string", "null");
            return null;
        }
        String url = value.asText();
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && "https".equalsIgnoreCase(uri.getScheme())) {
                return url;
            }
            if (uri.getHost() != null && "http".equalsIgnoreCase(uri.getScheme())) {
                errors.format("one_click_unsubscribe_url", "must be an https URL");
                return null;
            }
        } catch (Exception e) {
            // reported below
        }
        errors.format("one_click_unsubscribe_url", "is not a valid URL");
        return null;
    }

    private static void required(ObjectNode body, SchemaErrors errors, String... names) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : names) {
            if (!body.has(name)) {
                missing.add(name);
            }
        }
        missing.forEach(errors::required);
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
