package org.notifyoncamel.broadcasts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastEvent;
import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastMessage;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.common.InvalidRequest;
import org.notifyoncamel.common.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The life of a broadcast message (notifications-api app/broadcast_message/rest.py): created as a draft (or pending approval
 * through the CAP API), edited while not yet broadcast, moved through the allowed statuses, and an
 * event (alert or cancel) recorded when it starts or stops broadcasting.
 */
@Service
public class BroadcastMessages {

    public static final String TRANSMITTED_SENDER = "notifications.service.gov.uk";

    /** A status change and the event it created, if any (to be queued once the change is committed). */
    public record StatusChange(BroadcastMessage message, Optional<BroadcastEvent> event) {
    }

    /** What may change in a draft: null fields are left as they are. */
    public record Edit(Optional<JsonNode> personalisation, Optional<Optional<Instant>> startsAt,
                       Optional<Optional<Instant>> finishesAt, Optional<JsonNode> areas) {
    }

    private final BroadcastStore store;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;

    public BroadcastMessages(BroadcastStore store, SecretCipher cipher, ObjectMapper mapper) {
        this.store = store;
        this.cipher = cipher;
        this.mapper = mapper;
    }

    /** The stored areas document. */
    public ObjectNode areas(JsonNode names, JsonNode simplePolygons) {
        ObjectNode areas = mapper.createObjectNode();
        areas.set("areas", names == null ? mapper.createArrayNode() : names);
        areas.set("simple_polygons", simplePolygons == null ? mapper.createArrayNode() : simplePolygons);
        return areas;
    }

    public String encryptPersonalisation(JsonNode personalisation) {
        return personalisation == null || personalisation.isNull() ? null : cipher.encrypt(SecretColumn.BROADCAST_PERSONALISATION, personalisation.toString());
    }

    @Transactional
    public BroadcastMessage create(BroadcastMessage message) {
        store.insert(message);
        return store.message(message.serviceId(), message.id()).orElseThrow();
    }

    @Transactional
    public BroadcastMessage edit(UUID serviceId, UUID id, Edit edit) {
        BroadcastMessage m = store.messageForUpdate(serviceId, id).orElseThrow(NotFound::noResult);
        if (!BroadcastStatus.EDITABLE.contains(m.status())) {
            throw new InvalidRequest("Cannot update broadcast_message " + id + " while it has status " + m.status());
        }
        BroadcastMessage updated = new BroadcastMessage(m.id(), m.serviceId(), m.templateId(), m.templateVersion(), m.templateName(),
                edit.personalisation().map(this::encryptPersonalisation).orElse(m.encryptedPersonalisation()), m.content(),
                edit.areas().orElse(m.areas()), m.status(),
                edit.startsAt().map(v -> v.orElse(null)).orElse(m.startsAt()),
                edit.finishesAt().map(v -> v.orElse(null)).orElse(m.finishesAt()),
                m.createdAt(), m.approvedAt(), m.cancelledAt(), Timestamps.now(), m.createdById(), m.approvedById(),
                m.cancelledById(), m.apiKeyId(), m.reference(), m.stubbed());
        store.update(updated);
        return store.message(serviceId, id).orElseThrow();
    }

    /**
     * Moves a message to a new status by a member of its service. Approval (to broadcasting) needs a
     * second person unless the service is in training mode (restricted), at least one polygon and an
     * end time; broadcasting and cancelled record an alert and a cancel event.
     */
    @Transactional
    public StatusChange changeStatus(UUID serviceId, UUID id, String newStatus, UUID userId) {
        BroadcastMessage m = store.messageForUpdate(serviceId, id).orElseThrow(NotFound::noResult);
        if (!store.userExists(userId)) {
            throw NotFound.noResult();
        }
        if (!store.isMember(userId, serviceId)) {
            throw new InvalidRequest("User " + userId + " cannot approve broadcast_message " + id + " from other service");
        }
        if (!BroadcastStatus.canMove(m.status(), newStatus)) {
            throw new InvalidRequest("Cannot move broadcast_message " + id + " from " + m.status() + " to " + newStatus);
        }
        Instant now = Timestamps.now();
        Instant approvedAt = m.approvedAt();
        UUID approvedBy = m.approvedById();
        Instant cancelledAt = m.cancelledAt();
        UUID cancelledBy = m.cancelledById();
        if (BroadcastStatus.BROADCASTING.equals(newStatus)) {
            boolean restricted = store.service(serviceId).map(BroadcastStore.ServiceInfo::restricted).orElse(false);
            if (userId.equals(m.createdById()) && !restricted) {
                throw new InvalidRequest("User " + userId + " cannot approve their own broadcast_message " + id);
            }
            JsonNode polygons = m.areas() == null ? null : m.areas().get("simple_polygons");
            if (polygons == null || !polygons.isArray() || polygons.isEmpty()) {
                throw new InvalidRequest("broadcast_message " + id + " has no selected areas and so cannot be broadcasted.");
            }
            if (m.finishesAt() == null) {
                throw new InvalidRequest("broadcast_message " + id + " has no finishes_at and so cannot be broadcasted.");
            }
            approvedAt = now;
            approvedBy = userId;
        }
        if (BroadcastStatus.CANCELLED.equals(newStatus)) {
            cancelledAt = now;
            cancelledBy = userId;
        }
        BroadcastMessage changed = new BroadcastMessage(m.id(), m.serviceId(), m.templateId(), m.templateVersion(), m.templateName(),
                m.encryptedPersonalisation(), m.content(), m.areas(), newStatus, m.startsAt(), m.finishesAt(), m.createdAt(),
                approvedAt, cancelledAt, now, m.createdById(), approvedBy, cancelledBy, m.apiKeyId(), m.reference(), m.stubbed());
        store.update(changed);
        Optional<BroadcastEvent> event = Optional.empty();
        if (BroadcastStatus.BROADCASTING.equals(newStatus) || BroadcastStatus.CANCELLED.equals(newStatus)) {
            ObjectNode content = mapper.createObjectNode().put("body", m.content());
            BroadcastEvent created = new BroadcastEvent(UUID.randomUUID(), serviceId, id, now,
                    BroadcastStatus.BROADCASTING.equals(newStatus) ? "alert" : "cancel", content,
                    m.areas() == null ? mapper.createObjectNode() : m.areas(), TRANSMITTED_SENDER, m.startsAt(), m.finishesAt());
            store.insertEvent(created);
            event = Optional.of(created);
        }
        return new StatusChange(store.message(serviceId, id).orElseThrow(), event);
    }

    /** The JSON of a broadcast message, as every broadcast endpoint answers it. */
    public Map<String, Object> view(BroadcastMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id().toString());
        out.put("reference", m.reference());
        out.put("service_id", m.serviceId().toString());
        out.put("template_id", m.templateId() == null ? null : m.templateId().toString());
        out.put("template_version", m.templateVersion());
        out.put("template_name", m.templateName());
        out.put("personalisation", personalisation(m.encryptedPersonalisation()));
        out.put("content", m.content());
        out.put("areas", list(m.areas(), "areas"));
        out.put("simple_polygons", list(m.areas(), "simple_polygons"));
        out.put("status", m.status());
        out.put("starts_at", Timestamps.iso(m.startsAt()));
        out.put("finishes_at", Timestamps.iso(m.finishesAt()));
        out.put("created_at", Timestamps.iso(m.createdAt()));
        out.put("approved_at", Timestamps.iso(m.approvedAt()));
        out.put("cancelled_at", Timestamps.iso(m.cancelledAt()));
        out.put("updated_at", Timestamps.iso(m.updatedAt()));
        out.put("created_by_id", m.createdById() == null ? null : m.createdById().toString());
        out.put("approved_by_id", m.approvedById() == null ? null : m.approvedById().toString());
        out.put("cancelled_by_id", m.cancelledById() == null ? null : m.cancelledById().toString());
        return out;
    }

    private Object list(JsonNode areas, String field) {
        JsonNode value = areas == null ? null : areas.get(field);
        return value == null ? List.of() : value;
    }

    private Map<String, Object> personalisation(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        try {
            return mapper.readValue(cipher.decrypt(SecretColumn.BROADCAST_PERSONALISATION, encrypted), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored broadcast personalisation is not a JSON object", e);
        }
    }
}
