package org.notifyoncamel.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.broadcasts.BroadcastMessages;
import org.notifyoncamel.broadcasts.BroadcastStatus;
import org.notifyoncamel.broadcasts.BroadcastStore;
import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastMessage;
import org.notifyoncamel.broadcasts.BroadcastStore.TemplateInfo;
import org.notifyoncamel.broadcasts.BroadcastTasks;
import org.notifyoncamel.broadcasts.BroadcastSchema;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.Placeholders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{serviceId}/broadcast-message}: create, edit, list and move broadcast messages
 * through their statuses (internal-api-and-schema.md 1.4.9). The service id in the URL is the
 * one used, whatever the body says.
 */
@Component("broadcastMessageAdmin")
public class BroadcastMessageAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastMessageAdmin.class);
    private static final List<String> CREATE_FIELDS = List.of("service_id", "created_by", "template_id", "personalisation",
            "starts_at", "finishes_at", "areas", "simple_polygons", "content", "reference");
    private static final List<String> UPDATE_FIELDS = List.of("personalisation", "starts_at", "finishes_at", "areas", "simple_polygons");
    private static final List<String> STATUS_FIELDS = List.of("status", "created_by");

    private final BroadcastMessages messages;
    private final BroadcastStore store;
    private final BroadcastTasks tasks;
    private final JsonRequests json;
    private final String environment;
    private final List<String> sendStubbedIn;

    public BroadcastMessageAdmin(BroadcastMessages messages, BroadcastStore store, BroadcastTasks tasks, JsonRequests json,
                                 @Value("${notify.environment}") String environment,
                                 @Value("${notify.broadcasts.send-stubbed-in}") List<String> sendStubbedIn) {
        this.messages = messages;
        this.store = store;
        this.tasks = tasks;
        this.json = json;
        this.environment = environment;
        this.sendStubbedIn = sendStubbedIn;
    }

    public HttpResult list(@Header("serviceId") String serviceId) {
        UUID service = AdminIds.path(serviceId);
        return HttpResult.ok(Map.of("broadcast_messages", store.messages(service).stream().map(messages::view).toList()));
    }

    public HttpResult get(@Header("serviceId") String serviceId, @Header("broadcastMessageId") String id) {
        UUID service = AdminIds.path(serviceId);
        BroadcastMessage message = store.message(service, AdminIds.path(id)).orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(messages.view(message));
    }

    public HttpResult create(@Header("serviceId") String serviceId, @Body byte[] body) {
        UUID service = AdminIds.path(serviceId);
        ObjectNode request = json.adminObject(body);
        BroadcastSchema errors = BroadcastSchema.start()
                .uuid(request, "service_id").uuid(request, "created_by").uuid(request, "template_id")
                .object(request, "personalisation").dateTime(request, "starts_at", false).dateTime(request, "finishes_at", false)
                .stringArray(request, "areas").polygons(request, "simple_polygons")
                .string(request, "content", 1, 1395).string(request, "reference", 1, 255)
                .required(request, "service_id", "created_by");
        boolean withTemplate = request.has("template_id");
        if (withTemplate == request.has("content")) {
            errors.add(oneOf(request, withTemplate, "content"));
        }
        if (withTemplate == request.has("reference")) {
            errors.add(oneOf(request, withTemplate, "reference"));
        }
        errors.noOtherProperties(request, CREATE_FIELDS).throwIfAny();

        BroadcastStore.ServiceInfo serviceInfo = store.service(service).orElseThrow(AdminError::noResultFound);
        UUID createdBy = Uuids.parse(request.get("created_by").asText()).orElseThrow();
        if (!store.userExists(createdBy)) {
            throw AdminError.badRequest(Map.of("created_by", List.of("User " + createdBy + " not found.")));
        }
        String content;
        UUID templateId = null;
        Integer templateVersion = null;
        JsonNode personalisation = request.get("personalisation");
        if (withTemplate) {
            templateId = Uuids.parse(request.get("template_id").asText()).orElseThrow();
            TemplateInfo template = store.template(service, templateId).orElseThrow(AdminError::noResultFound);
            if (!"broadcast".equals(template.type())) {
                throw ApiError.validation("template_id " + templateId + " is not a broadcast template");
            }
            templateVersion = template.version();
            Map<String, Object> values = personalisation == null ? Map.of()
                    : json.mapper().convertValue(personalisation, new TypeReference<Map<String, Object>>() { });
            content = Placeholders.fill(template.content(), Personalisation.of(values), Placeholders.ListStyle.INLINE);
        } else {
            content = request.get("content").asText();
        }
        BroadcastMessage message = new BroadcastMessage(UUID.randomUUID(), service, templateId, templateVersion, null,
                messages.encryptPersonalisation(personalisation), content,
                messages.areas(request.get("areas"), request.get("simple_polygons")), BroadcastStatus.DRAFT,
                instant(request, "starts_at"), instant(request, "finishes_at"), Timestamps.now(), null, null, null, createdBy,
                null, null, null, withTemplate ? null : request.get("reference").asText(), serviceInfo.restricted());
        return HttpResult.created(messages.view(messages.create(message)));
    }

    public HttpResult update(@Header("serviceId") String serviceId, @Header("broadcastMessageId") String id, @Body byte[] body) {
        UUID service = AdminIds.path(serviceId);
        UUID messageId = AdminIds.path(id);
        ObjectNode request = json.adminObject(body);
        BroadcastSchema.start().object(request, "personalisation").dateTime(request, "starts_at", true)
                .dateTime(request, "finishes_at", true).stringArray(request, "areas").polygons(request, "simple_polygons")
                .noOtherProperties(request, UPDATE_FIELDS).throwIfAny();
        store.message(service, messageId).orElseThrow(AdminError::noResultFound);
        if (request.has("areas") != request.has("simple_polygons")) {
            throw AdminError.badRequest("Cannot update broadcast_message " + messageId + ", areas or polygons are missing.");
        }
        BroadcastMessages.Edit edit = new BroadcastMessages.Edit(
                Optional.ofNullable(request.get("personalisation")),
                request.has("starts_at") ? Optional.of(Optional.ofNullable(instant(request, "starts_at"))) : Optional.empty(),
                request.has("finishes_at") ? Optional.of(Optional.ofNullable(instant(request, "finishes_at"))) : Optional.empty(),
                request.has("areas") ? Optional.of(messages.areas(request.get("areas"), request.get("simple_polygons"))) : Optional.empty());
        return HttpResult.ok(messages.view(messages.edit(service, messageId, edit)));
    }

    public HttpResult status(@Header("serviceId") String serviceId, @Header("broadcastMessageId") String id, @Body byte[] body) {
        UUID service = AdminIds.path(serviceId);
        UUID messageId = AdminIds.path(id);
        ObjectNode request = json.adminObject(body);
        BroadcastSchema.start().enumValue(request, "status", BroadcastStatus.ALL).uuid(request, "created_by")
                .required(request, "status", "created_by").noOtherProperties(request, STATUS_FIELDS).throwIfAny();
        UUID user = Uuids.parse(request.get("created_by").asText()).orElseThrow();
        BroadcastMessages.StatusChange change = messages.changeStatus(service, messageId, request.get("status").asText(), user);
        change.event().ifPresent(event -> {
            if (!change.message().stubbed() || sendStubbedIn.contains(environment)) {
                tasks.queueEvent(event.id());
            } else {
                LOG.info("Broadcast message {} is stubbed (training mode): {} event {} is not sent", messageId,
                        event.messageType(), event.id());
            }
        });
        return HttpResult.ok(messages.view(change.message()));
    }

    private static String oneOf(ObjectNode request, boolean both, String field) {
        String repr = org.notifyoncamel.templates.PythonValues.repr(request);
        return both ? repr + " is valid under each of {required: [template_id]}, {required: [" + field + "]}"
                : repr + " is not valid under any of the given schemas";
    }

    private static Instant instant(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : BroadcastSchema.parseDateTime(value.asText());
    }
}
