package org.notifyoncamel.letters;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The letter rows of {@code notifications}: what rendering and the PDF endpoint read, and the status updates of letters. */
@Component
public class LetterStore {

    /** A letter with what its PDF needs: template version text, contact block, branding and the crown flag. */
    public record Letter(UUID id, UUID serviceId, String status, String keyType, Instant createdAt, String reference,
                         String postage, String encryptedPersonalisation, String contactBlock, String content, String subject,
                         boolean crown, String brandingFilename, String notificationType) {

        public boolean testKey() {
            return "test".equals(keyType);
        }
    }

    private static final String SELECT = "SELECT n.id, n.service_id, n.notification_status, n.key_type, n.created_at, n.reference, "
            + "n.postage, n._personalisation, n.reply_to_text, th.content, th.subject, COALESCE(s.crown, false) AS crown, "
            + "lb.filename, n.notification_type::text AS notification_type "
            + "FROM notifications n JOIN templates_history th ON th.id = n.template_id AND th.version = n.template_version "
            + "JOIN services s ON s.id = n.service_id "
            + "LEFT JOIN service_letter_branding slb ON slb.service_id = n.service_id "
            + "LEFT JOIN letter_branding lb ON lb.id = slb.letter_branding_id ";

    private final NamedParameterJdbcTemplate jdbc;

    public LetterStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Letter> find(UUID id) {
        return jdbc.query(SELECT + "WHERE n.id = :id", new MapSqlParameterSource("id", id), LetterStore::row).stream().findFirst();
    }

    public Optional<Letter> find(UUID serviceId, UUID id) {
        return jdbc.query(SELECT + "WHERE n.id = :id AND n.service_id = :serviceId",
                new MapSqlParameterSource("id", id).addValue("serviceId", serviceId), LetterStore::row).stream().findFirst();
    }

    /**
     * After the PDF is stored: sheets billed (0 for test keys) and updated_at set (notifications-api
     * app/celery/letters_pdf_tasks.py).
     */
    public void rendered(UUID id, int billableUnits) {
        jdbc.update("UPDATE notifications SET billable_units = :units, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("units", billableUnits).addValue("now", Timestamps.toSql(Timestamps.now())));
    }

    /** A letter that cannot be rendered or printed ends in {@code status} (technical-failure, validation-failed). */
    public int fail(UUID id, String status) {
        return jdbc.update("UPDATE notifications SET notification_status = :status, updated_at = :now WHERE id = :id "
                        + "AND notification_status IN ('created', 'sending', 'delivered', 'pending-virus-check')",
                new MapSqlParameterSource("id", id).addValue("status", status).addValue("now", Timestamps.toSql(Timestamps.now())));
    }

    /** Cancels a letter still created or pending its virus check; false when its status moved on meanwhile. */
    public boolean cancel(UUID id) {
        return jdbc.update("UPDATE notifications SET notification_status = 'cancelled', updated_at = :now WHERE id = :id "
                        + "AND notification_status IN ('created', 'pending-virus-check')",
                new MapSqlParameterSource("id", id).addValue("now", Timestamps.toSql(Timestamps.now()))) == 1;
    }

    private static Letter row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Letter(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class), rs.getString("notification_status"),
                rs.getString("key_type"), Timestamps.toInstant(rs.getTimestamp("created_at")), rs.getString("reference"),
                rs.getString("postage"), rs.getString("_personalisation"), rs.getString("reply_to_text"), rs.getString("content"),
                rs.getString("subject"), rs.getBoolean("crown"), rs.getString("filename"), rs.getString("notification_type"));
    }
}
