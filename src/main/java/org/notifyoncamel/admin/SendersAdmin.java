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
import org.notifyoncamel.senders.SenderKind;
import org.notifyoncamel.senders.SenderStore;
import org.notifyoncamel.senders.SenderStore.Sender;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{serviceId}/sms-sender}, {@code /email-reply-to}, {@code /letter-contact} (the original's
 * {@code app/service/rest.py}): one set of operations for every {@link SenderKind}; the route-facing methods
 * only name the kind. The response envelopes differ per kind, as in the original.
 */
@Component("sendersAdmin")
public class SendersAdmin {

    private static final Map<SenderKind, JsonSchemaChecks> SCHEMAS = Map.of(
            SenderKind.SMS_SENDER, JsonSchemaChecks.object()
                    .property("sms_sender", JsonSchemaChecks.string().minLength(1).maxLength(11))
                    .property("is_default", JsonSchemaChecks.bool())
                    .property("inbound_number_id", JsonSchemaChecks.uuid())
                    .required("sms_sender", "is_default"),
            SenderKind.EMAIL_REPLY_TO, JsonSchemaChecks.object()
                    .property("email_address", JsonSchemaChecks.email())
                    .property("is_default", JsonSchemaChecks.bool())
                    .required("email_address", "is_default"),
            SenderKind.LETTER_CONTACT, JsonSchemaChecks.object()
                    .property("contact_block", JsonSchemaChecks.string().minLength(1))
                    .property("is_default", JsonSchemaChecks.bool())
                    .required("contact_block", "is_default"));

    /**
     * Allocating an inbound number: the sender text becomes the number, so {@code sms_sender} is not limited to 11
     * characters (the admin's "set inbound number" page sends the number's id there).
     */
    private static final JsonSchemaChecks SMS_SENDER_WITH_INBOUND_NUMBER = JsonSchemaChecks.object()
            .property("sms_sender", JsonSchemaChecks.string().minLength(1))
            .property("is_default", JsonSchemaChecks.bool())
            .property("inbound_number_id", JsonSchemaChecks.uuid())
            .required("sms_sender", "is_default");

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

    // ---------------------------------------------------------------- the operations, for any kind (the routes name it)

    public HttpResult list(SenderKind kind, @Header("serviceId") String serviceId) {
        return HttpResult.ok(store.list(kind, lookups.existingService(serviceId)).stream().map(SendersAdmin::json).toList());
    }

    public HttpResult get(SenderKind kind, @Header("serviceId") String serviceId, @Header("senderId") String id) {
        UUID service = lookups.existingService(serviceId);
        return HttpResult.ok(json(store.find(kind, service, AdminIds.path(id)).orElseThrow(AdminError::noResultFound)));
    }

    public HttpResult add(SenderKind kind, @Header("serviceId") String serviceId, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        ObjectNode raw = json.adminObject(body);
        boolean allocating = kind == SenderKind.SMS_SENDER && raw.hasNonNull("inbound_number_id");
        ObjectNode request = (allocating ? SMS_SENDER_WITH_INBOUND_NUMBER : SCHEMAS.get(kind)).validate(raw);
        UUID inboundNumberId = request.hasNonNull("inbound_number_id")
                ? Uuids.parse(request.get("inbound_number_id").asText()).orElseThrow() : null;
        Sender sender = store.add(kind, service, request.get(kind.field()).asText(), request.get("is_default").asBoolean(), inboundNumberId);
        changed(service);
        return HttpResult.created(written(sender));
    }

    public HttpResult update(SenderKind kind, @Header("serviceId") String serviceId, @Header("senderId") String id, @Body byte[] body) {
        UUID service = lookups.existingService(serviceId);
        UUID senderId = AdminIds.path(id);
        ObjectNode request = SCHEMAS.get(kind).validate(json.adminObject(body));
        Sender sender = store.update(kind, service, senderId, request.get(kind.field()).asText(), request.get("is_default").asBoolean());
        changed(service);
        return HttpResult.ok(written(sender));
    }

    public HttpResult archive(SenderKind kind, @Header("serviceId") String serviceId, @Header("senderId") String id) {
        UUID service = lookups.existingService(serviceId);
        Sender sender = store.archive(kind, service, AdminIds.path(id));
        changed(service);
        return HttpResult.ok(Map.of("data", json(sender)));
    }

    private void changed(UUID serviceId) {
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SENDERS));
    }

    /** What add and update answer: the bare SMS sender, or {"data": sender} for the other kinds. */
    private static Object written(Sender sender) {
        return sender.kind().writesWrapped() ? Map.of("data", json(sender)) : json(sender);
    }

    static Map<String, Object> json(Sender s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().toString());
        if (s.kind() == SenderKind.SMS_SENDER) {
            out.put(s.kind().field(), s.value());
        }
        out.put("service_id", s.serviceId().toString());
        out.putIfAbsent(s.kind().field(), s.value());
        out.put("is_default", s.isDefault());
        out.put("archived", s.archived());
        if (s.kind() == SenderKind.SMS_SENDER) {
            out.put("inbound_number_id", s.inboundNumberId() == null ? null : s.inboundNumberId().toString());
        }
        out.put("created_at", Timestamps.iso(s.createdAt()));
        out.put("updated_at", Timestamps.iso(s.updatedAt()));
        return out;
    }
}
