package org.notifyoncamel.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * templates, templates_history, template_redacted and the template's folder (template_folder_map).
 * Every versioned change (create, content/settings update, archive, letter contact) bumps
 * {@code version} and copies the live row into templates_history in the same transaction, because
 * notifications point at {@code (template id, version)} in the history.
 */
@Repository
public class TemplateStore {

    /** One template (live row or history row). {@code folderId} and {@code redactPersonalisation} are only read for live rows. */
    public record Template(UUID id, String name, String templateType, Instant createdAt, Instant updatedAt, String content,
                           boolean archived, boolean hidden, String subject, String postage, String broadcastDataJson,
                           UUID serviceId, UUID createdById, String processType, UUID letterContactId, int version,
                           UUID folderId, boolean redactPersonalisation) {
    }

    public record NewTemplate(String name, String templateType, String content, String subject, String postage,
                              String processType, UUID serviceId, UUID createdById, UUID folderId) {
    }

    /** The complete new values of the versioned columns a content/settings update may change. */
    public record Change(String name, String content, String subject, boolean archived, String processType,
                         String postage, UUID createdById) {
    }

    private static final String COLUMNS = "id, name, template_type, created_at, updated_at, content, archived, hidden, subject, postage, "
            + "broadcast_data, service_id, created_by_id, process_type, service_letter_contact_id, version";
    private static final String SELECT_LIVE = "SELECT t.id, t.name, t.template_type::text, t.created_at, t.updated_at, t.content, t.archived, t.hidden, "
            + "t.subject, t.postage, t.broadcast_data::text, t.service_id, t.created_by_id, t.process_type, t.service_letter_contact_id, t.version, "
            + "m.template_folder_id, coalesce(r.redact_personalisation, false) FROM templates t "
            + "LEFT JOIN template_folder_map m ON m.template_id = t.id LEFT JOIN template_redacted r ON r.template_id = t.id ";
    private static final String SELECT_HISTORY = "SELECT id, name, template_type::text, created_at, updated_at, content, archived, hidden, subject, "
            + "postage, broadcast_data::text, service_id, created_by_id, process_type, service_letter_contact_id, version, "
            + "NULL::uuid, false FROM templates_history ";

    private final JdbcTemplate jdbc;

    public TemplateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates version 1 with its history row, its redaction row and its folder. */
    @Transactional
    public Template create(NewTemplate t) {
        UUID id = UUID.randomUUID();
        var now = Timestamps.toSql(Timestamps.now());
        jdbc.update("INSERT INTO templates (id, name, template_type, created_at, content, archived, hidden, subject, postage, "
                + "service_id, created_by_id, process_type, version) VALUES (?, ?, ?::template_type, ?, ?, false, false, ?, ?, ?, ?, ?, 1)",
                id, t.name(), t.templateType(), now, t.content(), t.subject(), t.postage(), t.serviceId(), t.createdById(), t.processType());
        writeHistory(id);
        jdbc.update("INSERT INTO template_redacted (template_id, redact_personalisation, updated_at, updated_by_id) VALUES (?, false, ?, ?)",
                id, now, t.createdById());
        if (t.folderId() != null) {
            jdbc.update("INSERT INTO template_folder_map (template_id, template_folder_id) VALUES (?, ?)", id, t.folderId());
        }
        return find(t.serviceId(), id).orElseThrow();
    }

    /** A new version with these values; archiving also takes the template out of its folder. */
    @Transactional
    public Optional<Template> update(UUID serviceId, UUID id, Change c) {
        int updated = jdbc.update("UPDATE templates SET name = ?, content = ?, subject = ?, archived = ?, process_type = ?, postage = ?, "
                + "created_by_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND service_id = ? AND NOT hidden",
                c.name(), c.content(), c.subject(), c.archived(), c.processType(), c.postage(), c.createdById(),
                Timestamps.toSql(Timestamps.now()), id, serviceId);
        if (updated == 0) {
            return Optional.empty();
        }
        writeHistory(id);
        if (c.archived()) {
            jdbc.update("DELETE FROM template_folder_map WHERE template_id = ?", id);
        }
        return find(serviceId, id);
    }

    /** Sets (or clears) the letter contact of a template: a new version. */
    @Transactional
    public Optional<Template> setLetterContact(UUID serviceId, UUID id, UUID letterContactId) {
        int updated = jdbc.update("UPDATE templates SET service_letter_contact_id = ?, version = version + 1, updated_at = ? "
                + "WHERE id = ? AND service_id = ? AND NOT hidden", letterContactId, Timestamps.toSql(Timestamps.now()), id, serviceId);
        if (updated == 0) {
            return Optional.empty();
        }
        writeHistory(id);
        return find(serviceId, id);
    }

    /** Marks the template's personalisation as redacted (not a new version). */
    @Transactional
    public void redact(UUID id, UUID userId) {
        var now = Timestamps.toSql(Timestamps.now());
        int updated = jdbc.update("UPDATE template_redacted SET redact_personalisation = true, updated_at = ?, updated_by_id = ? WHERE template_id = ?",
                now, userId, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO template_redacted (template_id, redact_personalisation, updated_at, updated_by_id) VALUES (?, true, ?, ?)",
                    id, now, userId);
        }
    }

    /** A visible (not hidden) template of the service; archived ones included. */
    public Optional<Template> find(UUID serviceId, UUID id) {
        return jdbc.query(SELECT_LIVE + "WHERE t.id = ? AND t.service_id = ? AND NOT t.hidden", TemplateStore::row, id, serviceId)
                .stream().findFirst();
    }

    /** The service's templates that are neither archived nor hidden, by name then type. */
    public List<Template> list(UUID serviceId) {
        return jdbc.query(SELECT_LIVE + "WHERE t.service_id = ? AND NOT t.archived AND NOT t.hidden ORDER BY t.name, t.template_type",
                TemplateStore::row, serviceId);
    }

    public Optional<Template> version(UUID serviceId, UUID id, int version) {
        return jdbc.query(SELECT_HISTORY + "WHERE id = ? AND service_id = ? AND version = ? AND NOT hidden", TemplateStore::row,
                id, serviceId, version).stream().findFirst();
    }

    /** Every version, newest first. */
    public List<Template> versions(UUID serviceId, UUID id) {
        return jdbc.query(SELECT_HISTORY + "WHERE id = ? AND service_id = ? AND NOT hidden ORDER BY version DESC", TemplateStore::row,
                id, serviceId);
    }

    public boolean folderBelongsTo(UUID serviceId, UUID folderId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM template_folder WHERE id = ? AND service_id = ?", Integer.class,
                folderId, serviceId);
        return count != null && count > 0;
    }

    private void writeHistory(UUID id) {
        jdbc.update("INSERT INTO templates_history (" + COLUMNS + ") SELECT " + COLUMNS + " FROM templates WHERE id = ?", id);
    }

    private static Template row(ResultSet rs, int n) throws SQLException {
        return new Template(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Timestamps.toInstant(rs.getTimestamp(4)),
                Timestamps.toInstant(rs.getTimestamp(5)), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class), rs.getObject(13, UUID.class), rs.getString(14),
                rs.getObject(15, UUID.class), rs.getInt(16), rs.getObject(17, UUID.class), rs.getBoolean(18));
    }
}
