package org.notifyoncamel.commands;

import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts a template (version 1) with its templates_history row and template_redacted row, for commands that set up a
 * service without the template API.
 */
@Repository
public class StarterTemplates {

    private final JdbcTemplate jdbc;

    public StarterTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public UUID insert(UUID serviceId, UUID createdBy, String templateType, String name, String subject, String content) {
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = Timestamps.toSql(Timestamps.now());
        String columns = "id, name, template_type, created_at, content, archived, hidden, subject, service_id, created_by_id, process_type, version";
        jdbc.update("INSERT INTO templates (" + columns + ") VALUES (?, ?, ?::template_type, ?, ?, false, false, ?, ?, ?, 'normal', 1)",
                id, name, templateType, now, content, subject, serviceId, createdBy);
        jdbc.update("INSERT INTO templates_history (" + columns + ") SELECT " + columns + " FROM templates WHERE id = ?", id);
        jdbc.update("INSERT INTO template_redacted (template_id, redact_personalisation, updated_at, updated_by_id) VALUES (?, false, ?, ?)",
                id, now, createdBy);
        return id;
    }
}
