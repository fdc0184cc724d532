package org.notifyoncamel.broadcasts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * broadcast_message, broadcast_event, broadcast_provider_message(_number) and the per-service
 * broadcast settings. Provider messages are created once per (event, provider): the unique
 * constraint makes a redelivered or concurrent task find the row instead of making a second one.
 */
@Repository
public class BroadcastStore {

    /** A broadcast message; {@code areas} is the stored {"areas": [...], "simple_polygons": [...]} document. */
    public record BroadcastMessage(UUID id, UUID serviceId, UUID templateId, Integer templateVersion, String templateName,
                                   String encryptedPersonalisation, String content, JsonNode areas, String status,
                                   Instant startsAt, Instant finishesAt, Instant createdAt, Instant approvedAt,
                                   Instant cancelledAt, Instant updatedAt, UUID createdById, UUID approvedById,
                                   UUID cancelledById, UUID apiKeyId, String reference, boolean stubbed) {
    }

    /** What was transmitted for a message: self-contained, later edits of the message never change it. */
    public record BroadcastEvent(UUID id, UUID serviceId, UUID messageId, Instant sentAt, String messageType,
                                 JsonNode transmittedContent, JsonNode transmittedAreas, String transmittedSender,
                                 Instant transmittedStartsAt, Instant transmittedFinishesAt) {
    }

    /** One event sent to one network; {@code id} is the CAP identifier that network sees. */
    public record ProviderMessage(UUID id, UUID eventId, String provider, String status, Instant createdAt,
                                  Integer messageNumber) {
    }

    public record ServiceInfo(UUID id, boolean restricted, boolean active) {
    }

    public record TemplateInfo(UUID id, int version, String name, String content, String type) {
    }

    private static final String MESSAGE_COLUMNS = """
            m.id, m.service_id, m.template_id, m.template_version, t.name, m._personalisation, m.content, m.areas::text,
            m.status, m.starts_at, m.finishes_at, m.created_at, m.approved_at, m.cancelled_at, m.updated_at,
            m.created_by_id, m.approved_by_id, m.cancelled_by_id, m.api_key_id, m.reference, m.stubbed
            FROM broadcast_message m LEFT JOIN templates_history t ON t.id = m.template_id AND t.version = m.template_version
            """;

    private static final String EVENT_COLUMNS = """
            id, service_id, broadcast_message_id, sent_at, message_type, transmitted_content::text, transmitted_areas::text,
            transmitted_sender, transmitted_starts_at, transmitted_finishes_at FROM broadcast_event
            """;

    private static final String PROVIDER_MESSAGE_COLUMNS = """
            p.id, p.broadcast_event_id, p.provider, p.status, p.created_at, n.broadcast_provider_message_number
            FROM broadcast_provider_message p
            LEFT JOIN broadcast_provider_message_number n ON n.broadcast_provider_message_id = p.id
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public BroadcastStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    // ---- services, users, templates -------------------------------------------------------

    public Optional<ServiceInfo> service(UUID serviceId) {
        return jdbc.query("SELECT id, restricted, active FROM services WHERE id = ?",
                (rs, n) -> new ServiceInfo(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3)), serviceId)
                .stream().findFirst();
    }

    public boolean hasPermission(UUID serviceId, String permission) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM service_permissions WHERE service_id = ? AND permission = ?)", Boolean.class, serviceId, permission));
    }

    public boolean userExists(UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM users WHERE id = ?)", Boolean.class, userId));
    }

    public boolean isMember(UUID userId, UUID serviceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM user_to_service WHERE user_id = ? AND service_id = ?)", Boolean.class, userId, serviceId));
    }

    public Optional<TemplateInfo> template(UUID serviceId, UUID templateId) {
        return jdbc.query("SELECT id, version, name, content, template_type::text FROM templates WHERE id = ? AND service_id = ?",
                (rs, n) -> new TemplateInfo(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                templateId, serviceId).stream().findFirst();
    }

    /** The service's broadcast channel; no settings row means {@code test}. */
    public String channel(UUID serviceId) {
        return jdbc.queryForList("SELECT channel FROM service_broadcast_settings WHERE service_id = ?", String.class, serviceId)
                .stream().findFirst().orElse("test");
    }

    /** The one network a service is restricted to, if any. */
    public Optional<String> providerRestriction(UUID serviceId) {
        return jdbc.queryForList("SELECT provider FROM service_broadcast_provider_restriction WHERE service_id = ?", String.class, serviceId)
                .stream().findFirst();
    }

    // ---- messages --------------------------------------------------------------------------

    public List<BroadcastMessage> messages(UUID serviceId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " WHERE m.service_id = ? ORDER BY m.created_at, m.id", this::mapMessage, serviceId);
    }

    public Optional<BroadcastMessage> message(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " WHERE m.id = ? AND m.service_id = ?", this::mapMessage, id, serviceId)
                .stream().findFirst();
    }

    public Optional<BroadcastMessage> message(UUID id) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " WHERE m.id = ?", this::mapMessage, id).stream().findFirst();
    }

    /** Locks the message row for a status change (call inside a transaction). */
    public Optional<BroadcastMessage> messageForUpdate(UUID serviceId, UUID id) {
        List<UUID> locked = jdbc.queryForList("SELECT id FROM broadcast_message WHERE id = ? AND service_id = ? FOR UPDATE",
                UUID.class, id, serviceId);
        return locked.isEmpty() ? Optional.empty() : message(serviceId, id);
    }

    public void insert(BroadcastMessage m) {
        jdbc.update("""
                INSERT INTO broadcast_message (id, service_id, template_id, template_version, _personalisation, content, areas,
                    status, starts_at, finishes_at, created_at, created_by_id, api_key_id, reference, stubbed)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id(), m.serviceId(), m.templateId(), m.templateVersion(), m.encryptedPersonalisation(), m.content(),
                json(m.areas()), m.status(), Timestamps.toSql(m.startsAt()), Timestamps.toSql(m.finishesAt()),
                Timestamps.toSql(m.createdAt()), m.createdById(), m.apiKeyId(), m.reference(), m.stubbed());
    }

    /** Writes the editable fields and the status/approval/cancellation columns of a message. */
    public void update(BroadcastMessage m) {
        jdbc.update("""
                UPDATE broadcast_message SET _personalisation = ?, areas = ?::jsonb, status = ?, starts_at = ?, finishes_at = ?,
                    approved_at = ?, approved_by_id = ?, cancelled_at = ?, cancelled_by_id = ?, updated_at = ?
                WHERE id = ?""",
                m.encryptedPersonalisation(), json(m.areas()), m.status(), Timestamps.toSql(m.startsAt()),
                Timestamps.toSql(m.finishesAt()), Timestamps.toSql(m.approvedAt()), m.approvedById(),
                Timestamps.toSql(m.cancelledAt()), m.cancelledById(), Timestamps.toSql(m.updatedAt()), m.id());
    }

    // ---- events ----------------------------------------------------------------------------

    public void insertEvent(BroadcastEvent e) {
        jdbc.update("""
                INSERT INTO broadcast_event (id, service_id, broadcast_message_id, sent_at, message_type, transmitted_content,
                    transmitted_areas, transmitted_sender, transmitted_starts_at, transmitted_finishes_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""",
                e.id(), e.serviceId(), e.messageId(), Timestamps.toSql(e.sentAt()), e.messageType(), json(e.transmittedContent()),
                json(e.transmittedAreas()), e.transmittedSender(), Timestamps.toSql(e.transmittedStartsAt()),
                Timestamps.toSql(e.transmittedFinishesAt()));
    }

    public Optional<BroadcastEvent> event(UUID id) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " WHERE id = ?", this::mapEvent, id).stream().findFirst();
    }

    public List<BroadcastEvent> events(UUID messageId) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " WHERE broadcast_message_id = ? ORDER BY sent_at, id", this::mapEvent, messageId);
    }

    // ---- provider messages -----------------------------------------------------------------

    public Optional<ProviderMessage> providerMessage(UUID eventId, String provider) {
        return jdbc.query("SELECT " + PROVIDER_MESSAGE_COLUMNS + " WHERE p.broadcast_event_id = ? AND p.provider = ?",
                BroadcastStore::mapProviderMessage, eventId, provider).stream().findFirst();
    }

    public List<ProviderMessage> providerMessages(UUID eventId) {
        return jdbc.query("SELECT " + PROVIDER_MESSAGE_COLUMNS + " WHERE p.broadcast_event_id = ? ORDER BY p.provider",
                BroadcastStore::mapProviderMessage, eventId);
    }

    /**
     * The provider message for (event, provider), created with status {@code sending} by the first
     * attempt; later attempts and redelivered tasks get the same row (and the same CAP identifier).
     */
    public ProviderMessage providerMessageFor(UUID eventId, String provider, boolean withNumber) {
        Instant now = Timestamps.now();
        jdbc.update("""
                INSERT INTO broadcast_provider_message (id, broadcast_event_id, provider, status, created_at)
                VALUES (?, ?, ?, 'sending', ?)
                ON CONFLICT ON CONSTRAINT uq_broadcast_provider_message_event_provider DO NOTHING""",
                UUID.randomUUID(), eventId, provider, Timestamps.toSql(now));
        ProviderMessage message = providerMessage(eventId, provider).orElseThrow();
        if (withNumber && message.messageNumber() == null) {
            jdbc.update("""
                    INSERT INTO broadcast_provider_message_number (broadcast_provider_message_id) VALUES (?)
                    ON CONFLICT ON CONSTRAINT uq_broadcast_provider_message_number_message_id DO NOTHING""", message.id());
            message = providerMessage(eventId, provider).orElseThrow();
        }
        return message;
    }

    /** Marks a provider message acknowledged; false when it was not {@code sending} any more. */
    public boolean markAcknowledged(UUID providerMessageId) {
        return jdbc.update("UPDATE broadcast_provider_message SET status = 'returned-ack', updated_at = ? WHERE id = ? AND status = 'sending'",
                Timestamps.toSql(Timestamps.now()), providerMessageId) == 1;
    }

    /**
     * Records (event, provider) as given up: creates the row as technical-failure when no attempt
     * created it, so a later event for that network (a cancel) sees there is nothing to follow up.
     * An acknowledged provider message is never downgraded. True when a row became technical-failure.
     */
    public boolean givenUp(UUID eventId, String provider) {
        int created = jdbc.update("""
                INSERT INTO broadcast_provider_message (id, broadcast_event_id, provider, status, created_at, updated_at)
                VALUES (?, ?, ?, 'technical-failure', ?, ?)
                ON CONFLICT ON CONSTRAINT uq_broadcast_provider_message_event_provider DO NOTHING""",
                UUID.randomUUID(), eventId, provider, Timestamps.toSql(Timestamps.now()), Timestamps.toSql(Timestamps.now()));
        if (created == 1) {
            return true;
        }
        return providerMessage(eventId, provider).map(m -> markTechnicalFailure(m.id())).orElse(false);
    }

    /** Marks a provider message given up; an acknowledged one is never downgraded. */
    public boolean markTechnicalFailure(UUID providerMessageId) {
        return jdbc.update("UPDATE broadcast_provider_message SET status = 'technical-failure', updated_at = ? WHERE id = ? AND status = 'sending'",
                Timestamps.toSql(Timestamps.now()), providerMessageId) == 1;
    }

    // ---- mapping ---------------------------------------------------------------------------

    private BroadcastMessage mapMessage(ResultSet rs, int n) throws SQLException {
        return new BroadcastMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), tree(rs.getString(8)),
                rs.getString(9), Timestamps.toInstant(rs.getTimestamp(10)), Timestamps.toInstant(rs.getTimestamp(11)),
                Timestamps.toInstant(rs.getTimestamp(12)), Timestamps.toInstant(rs.getTimestamp(13)),
                Timestamps.toInstant(rs.getTimestamp(14)), Timestamps.toInstant(rs.getTimestamp(15)),
                rs.getObject(16, UUID.class), rs.getObject(17, UUID.class), rs.getObject(18, UUID.class),
                rs.getObject(19, UUID.class), rs.getString(20), rs.getBoolean(21));
    }

    private BroadcastEvent mapEvent(ResultSet rs, int n) throws SQLException {
        return new BroadcastEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                Timestamps.toInstant(rs.getTimestamp(4)), rs.getString(5), tree(rs.getString(6)), tree(rs.getString(7)),
                rs.getString(8), Timestamps.toInstant(rs.getTimestamp(9)), Timestamps.toInstant(rs.getTimestamp(10)));
    }

    private static ProviderMessage mapProviderMessage(ResultSet rs, int n) throws SQLException {
        return new ProviderMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Timestamps.toInstant(rs.getTimestamp(5)), (Integer) rs.getObject(6));
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored broadcast JSON is not valid", e);
        }
    }

    private String json(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
