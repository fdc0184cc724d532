package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.http.JsonSchemaChecks;
import org.notifyoncamel.senders.SenderStore;
import org.notifyoncamel.senders.SenderStore.LetterContact;
import org.notifyoncamel.senders.SenderStore.ReplyTo;
import org.notifyoncamel.senders.SenderStore.SmsSender;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{serviceId}/sms-sender}, {@code /email-reply-to}, {@code /letter-contact}
 * (internal-api-and-schema.md 1.4.5). The response envelopes differ per route, as in the original.
 */
@Component("sendersAdmin")
public class SendersAdmin {

    private static final JsonSchemaChecks SMS_SENDER = JsonSchemaChecks.object()
            .property("sms_sender", JsonSchemaChecks.string().minLength(1).maxLength(11))
            .property("is_default", JsonSchemaChecks.bool())
            .property("inbound_number_id", JsonSchemaChecks.uuid())
            .required("sms_sender", "is_default");

    /**
     * Allocating an inbound number: the sender text becomes the number, so {@code sms_sender} is not limited to 11
     * characters (the admin's "set inbound number" page sends the number's id there; inbound-sms.md 2.2).
     */
    private static final JsonSchemaChecks SMS_SENDER_WITH_INBOUND_NUMBER = JsonSchemaChecks.object()
            .property("sms_sender", JsonSchemaChecks.string().minLength(1))
            .property("is_default", JsonSchemaChecks.bool())
            .property("inbound_number_id", JsonSchemaChecks.uuid())
            .required("sms_sender", "is_default");

    private static final JsonSchemaChecks REPLY_TO = JsonSchemaChecks.object()
            .property("email_address", JsonSchemaChecks.email())
            .property("is_default", JsonSchemaChecks.bool())
            .required("email_address", "is_default");

    private static final JsonSchemaChecks LETTER_CONTACT = JsonSchemaChecks.object()
            .property("contact_block", JsonSchemaChecks.string().minLength(1))
            .property("is_default", JsonSchemaChecks.bool())
            .required("contact_block", "is_default");

    private final SenderStore store;
    private final ServiceLookups lookups;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;

    public SendersAdmin(SenderStore store, ServiceLookups lookups, JsonRequests json, ApplicationEventPublisher events) {
        this.store = store;
        this.lookups = lookups;
        this.json = json;
        this.events = events;
    }

    // ---------------------------------------------------------------- SMS senders

    public HttpResult listSmsSenders(@Header("serviceId") String serviceId) {
        return HttpResult.ok(store.smsSenders(lookups.existingService(serviceId)).stream().map(SendersAdmin::json).toList());
    }

    public HttpResult getSmsSender(@Header("serviceId") String serviceId, @Header("senderId") String senderId) {
        UUID service = lookups.existingService(serviceId);
        return HttpResult.ok(json(store.smsSender(service, AdminIds.path(senderId)).orElseThrow(AdminError::noResultFound)));
    }

    public HttpResult addSmsSender(@Header("serviceId") String serviceId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        ObjectNode raw = json.adminObject(body);
        ObjectNode request = (raw.hasNonNull("inbound_number_id") ? SMS_SENDER_WITH_INBOUND_NUMBER : SMS_SENDER).validate(raw);
        UUID inboundNumberId = request.hasNonNull("inbound_number_id")
                ? Uuids.parse(request.get("inbound_number_id").asText()).orElseThrow() : null;
        SmsSender sender = store.addSmsSender(service, request.get("sms_sender").asText(), request.get("is_default").asBoolean(), inboundNumberId);
        changed(service);
        return HttpResult.created(json(sender));
    }

    public HttpResult updateSmsSender(@Header("serviceId") String serviceId, @Header("senderId") String senderId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        UUID id = AdminIds.path(senderId);
        ObjectNode request = SMS_SENDER.validate(json.adminObject(body));
        SmsSender sender = store.updateSmsSender(service, id, request.get("sms_sender").asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.ok(json(sender));
    }

    public HttpResult archiveSmsSender(@Header("serviceId") String serviceId, @Header("senderId") String senderId) {
        UUID service = lookups.existingService(serviceId);
        SmsSender sender = store.archiveSmsSender(service, AdminIds.path(senderId));
        changed(service);
        return HttpResult.ok(Map.of("data", json(sender)));
    }

    // ---------------------------------------------------------------- email reply-to

    public HttpResult listReplyTos(@Header("serviceId") String serviceId) {
        return HttpResult.ok(store.replyTos(lookups.existingService(serviceId)).stream().map(SendersAdmin::json).toList());
    }

    public HttpResult getReplyTo(@Header("serviceId") String serviceId, @Header("replyToId") String replyToId) {
        UUID service = lookups.existingService(serviceId);
        return HttpResult.ok(json(store.replyTo(service, AdminIds.path(replyToId)).orElseThrow(AdminError::noResultFound)));
    }

    public HttpResult addReplyTo(@Header("serviceId") String serviceId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        ObjectNode request = REPLY_TO.validate(json.adminObject(body));
        ReplyTo replyTo = store.addReplyTo(service, request.get("email_address").asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.created(Map.of("data", json(replyTo)));
    }

    public HttpResult updateReplyTo(@Header("serviceId") String serviceId, @Header("replyToId") String replyToId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        UUID id = AdminIds.path(replyToId);
        ObjectNode request = REPLY_TO.validate(json.adminObject(body));
        ReplyTo replyTo = store.updateReplyTo(service, id, request.get("email_address").asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.ok(Map.of("data", json(replyTo)));
    }

    public HttpResult archiveReplyTo(@Header("serviceId") String serviceId, @Header("replyToId") String replyToId) {
        UUID service = lookups.existingService(serviceId);
        ReplyTo replyTo = store.archiveReplyTo(service, AdminIds.path(replyToId));
        changed(service);
        return HttpResult.ok(Map.of("data", json(replyTo)));
    }

    // ---------------------------------------------------------------- letter contacts

    public HttpResult listLetterContacts(@Header("serviceId") String serviceId) {
        return HttpResult.ok(store.letterContacts(lookups.existingService(serviceId)).stream().map(SendersAdmin::json).toList());
    }

    public HttpResult getLetterContact(@Header("serviceId") String serviceId, @Header("letterContactId") String letterContactId) {
        UUID service = lookups.existingService(serviceId);
        return HttpResult.ok(json(store.letterContact(service, AdminIds.path(letterContactId)).orElseThrow(AdminError::noResultFound)));
    }

    public HttpResult addLetterContact(@Header("serviceId") String serviceId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        ObjectNode request = LETTER_CONTACT.validate(json.adminObject(body));
        LetterContact contact = store.addLetterContact(service, request.get("contact_block").asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.created(Map.of("data", json(contact)));
    }

    public HttpResult updateLetterContact(@Header("serviceId") String serviceId, @Header("letterContactId") String letterContactId,
                                          @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        UUID id = AdminIds.path(letterContactId);
        ObjectNode request = LETTER_CONTACT.validate(json.adminObject(body));
        LetterContact contact = store.updateLetterContact(service, id, request.get("contact_block").asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.ok(Map.of("data", json(contact)));
    }

    public HttpResult archiveLetterContact(@Header("serviceId") String serviceId, @Header("letterContactId") String letterContactId) {
        UUID service = lookups.existingService(serviceId);
        LetterContact contact = store.archiveLetterContact(service, AdminIds.path(letterContactId));
        changed(service);
        return HttpResult.ok(Map.of("data", json(contact)));
    }

    private void changed(UUID serviceId) {
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SENDERS));
    }

    static Map<String, Object> json(SmsSender s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().toString());
        out.put("sms_sender", s.smsSender());
        out.put("service_id", s.serviceId().toString());
        out.put("is_default", s.isDefault());
        out.put("archived", s.archived());
        out.put("inbound_number_id", s.inboundNumberId() == null ? null : s.inboundNumberId().toString());
        out.put("created_at", Timestamps.iso(s.createdAt()));
        out.put("updated_at", Timestamps.iso(s.updatedAt()));
        return out;
    }

    static Map<String, Object> json(ReplyTo r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString());
        out.put("service_id", r.serviceId().toString());
        out.put("email_address", r.emailAddress());
        out.put("is_default", r.isDefault());
        out.put("archived", r.archived());
        out.put("created_at", Timestamps.iso(r.createdAt()));
        out.put("updated_at", Timestamps.iso(r.updatedAt()));
        return out;
    }

    static Map<String, Object> json(LetterContact c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id().toString());
        out.put("service_id", c.serviceId().toString());
        out.put("contact_block", c.contactBlock());
        out.put("is_default", c.isDefault());
        out.put("archived", c.archived());
        out.put("created_at", Timestamps.iso(c.createdAt()));
        out.put("updated_at", Timestamps.iso(c.updatedAt()));
        return out;
    }
}
