package org.notifyoncamel.precompiled;

import java.util.UUID;
import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each service's hidden "Pre-compiled PDF" letter template, which precompiled letters are sent with (notifications-api
 * app/v2/notifications/post_notifications.py; the original's {@code dao_get_or_create_precompiled_template}): found, or
 * created once (version 1 with its
 * history row) by the Notify service user. A per-service advisory lock makes concurrent first letters share one.
 */
@Repository
public class PrecompiledTemplateStore {

    public static final String NAME = "Pre-compiled PDF";
    /** The Notify service user (V0008), who creates templates no person made. */
    static final UUID NOTIFY_USER_ID = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    /** The template's id, version and postage. */
    public record PrecompiledTemplate(UUID id, int version, String postage) {
    }

    private final JdbcTemplate jdbc;

    public PrecompiledTemplateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public PrecompiledTemplate getOrCreate(UUID serviceId) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('precompiled-template:' || ?))", Object.class,
            serviceId.toString());
        var existing = jdbc.query("SELECT id, version, postage FROM templates WHERE service_id = ? AND template_type = 'letter' "
            + "AND hidden ORDER BY created_at LIMIT 1", (rs, i) -> new PrecompiledTemplate(rs.getObject("id", UUID.class),
            rs.getInt("version"), rs.getString("postage")), serviceId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        UUID id = UUID.randomUUID();
        var now = Timestamps.toSql(Timestamps.now());
        jdbc.update("INSERT INTO templates (id, name, template_type, created_at, content, archived, hidden, subject, postage, "
            + "service_id, created_by_id, process_type, version) VALUES (?, ?, 'letter', ?, '', false, true, ?, 'second', ?, ?, "
            + "'normal', 1)", id, NAME, now, NAME, serviceId, NOTIFY_USER_ID);
        jdbc.update("INSERT INTO templates_history (id, name, template_type, created_at, updated_at, content, archived, hidden, "
            + "subject, postage, service_id, created_by_id, process_type, version) SELECT id, name, template_type, created_at, "
            + "updated_at, content, archived, hidden, subject, postage, service_id, created_by_id, process_type, version "
            + "FROM templates WHERE id = ?", id);
        jdbc.update("INSERT INTO template_redacted (template_id, redact_personalisation, updated_at, updated_by_id) "
            + "VALUES (?, false, ?, ?)", id, now, NOTIFY_USER_ID);
        return new PrecompiledTemplate(id, 1, "second");
    }
}
