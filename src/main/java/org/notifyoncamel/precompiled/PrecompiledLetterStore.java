package org.notifyoncamel.precompiled;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notification rows of precompiled letters while they are scanned and checked (notifications-api
 * app/celery/letters_pdf_tasks.py, notifications-antivirus app/celery/tasks.py). Every change
 * is guarded by {@code pending-virus-check}: a redelivered task, a second worker or a letter cancelled meanwhile
 * changes nothing, so a letter is settled exactly once.
 */
@Component
public class PrecompiledLetterStore {

    public static final String PENDING = "pending-virus-check";

    /** A letter awaiting its scan and checks, with what deciding its outcome needs. */
    public record PendingLetter(UUID id, UUID serviceId, String keyType, String postage, String reference,
                                Instant createdAt, boolean crown, boolean internationalAllowed) {
        public boolean testKey() {
            return "test".equals(keyType);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public PrecompiledLetterStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The letter when it is still {@code pending-virus-check}; empty when settled, cancelled or unknown. */
    public Optional<PendingLetter> pending(UUID id) {
        return jdbc.query("""
                SELECT n.id, n.service_id, n.key_type, n.postage, n.reference, n.created_at,
                       COALESCE((SELECT s.crown FROM services s WHERE s.id = n.service_id), false) AS crown,
                       EXISTS (SELECT 1 FROM service_permissions p
                               WHERE p.service_id = n.service_id AND p.permission = 'international_letters') AS international
                FROM notifications n
                WHERE n.id = :id AND n.notification_type = 'letter' AND n.notification_status = :pending
                """, new MapSqlParameterSource("id", id).addValue("pending", PENDING),
            (rs, i) -> new PendingLetter(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getString("key_type"), rs.getString("postage"), rs.getString("reference"),
                Timestamps.toInstant(rs.getTimestamp("created_at")), rs.getBoolean("crown"),
                rs.getBoolean("international"))).stream().findFirst();
    }

    /**
     * Whether the service is a crown body (the {@code C}/{@code N} of letter file names, notifications-api
     * app/letters/utils.py).
     */
    public boolean crown(UUID serviceId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT crown FROM services WHERE id = :id", new MapSqlParameterSource("id", serviceId),
            rs -> rs.next() && rs.getBoolean(1)));
    }

    /**
     * The letter passed: its status ({@code created}, or {@code delivered} for a test key), the address read as
     * {@code to}, sheets as billable units and the postage (international when the address is abroad).
     */
    public boolean passed(UUID id, String status, String to, int billableUnits, String postage, boolean international,
                          Instant now) {
        return jdbc.update("""
                UPDATE notifications SET notification_status = :status, "to" = :to, normalised_to = NULL,
                       billable_units = :units, postage = :postage, international = :international, updated_at = :now
                WHERE id = :id AND notification_status = :pending
                """, new MapSqlParameterSource("id", id).addValue("status", status).addValue("to", to)
            .addValue("units", billableUnits).addValue("postage", postage).addValue("international", international)
            .addValue("now", Timestamps.toSql(now)).addValue("pending", PENDING)) == 1;
    }

    /** The letter failed: {@code validation-failed}, {@code virus-scan-failed} or {@code technical-failure}, no units. */
    public boolean failed(UUID id, String status, Instant now) {
        return jdbc.update("""
                UPDATE notifications SET notification_status = :status, billable_units = 0, updated_at = :now
                WHERE id = :id AND notification_status = :pending
                """, new MapSqlParameterSource("id", id).addValue("status", status)
            .addValue("now", Timestamps.toSql(now)).addValue("pending", PENDING)) == 1;
    }
}
