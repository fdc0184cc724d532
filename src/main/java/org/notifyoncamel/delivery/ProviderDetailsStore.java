package org.notifyoncamel.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** provider_details and provider_details_history: every change bumps the version and writes history. */
@Repository
public class ProviderDetailsStore {

    public record ProviderDetails(UUID id, String displayName, String identifier, int priority, String notificationType,
                                  boolean active, int version, java.time.Instant updatedAt, UUID createdById,
                                  boolean supportsInternational) {
    }

    public record Change(Integer priority, Boolean active, UUID createdBy) {
    }

    private static final String COLUMNS = "id, display_name, identifier, priority, notification_type::text, active, version, updated_at, created_by_id, supports_international";

    private final JdbcTemplate jdbc;

    public ProviderDetailsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProviderDetails> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM provider_details ORDER BY notification_type, priority, identifier", ProviderDetailsStore::row);
    }

    public List<ProviderDetails> active(String notificationType) {
        return jdbc.query("SELECT " + COLUMNS + " FROM provider_details WHERE active AND notification_type = ?::notification_type ORDER BY priority",
                ProviderDetailsStore::row, notificationType);
    }

    public Optional<ProviderDetails> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM provider_details WHERE id = ?", ProviderDetailsStore::row, id).stream().findFirst();
    }

    public List<ProviderDetails> versions(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM provider_details_history WHERE id = ? ORDER BY version DESC", ProviderDetailsStore::row, id);
    }

    /** Month-to-date billable SMS per provider from the billing facts (excludes today, as the original). */
    public long currentMonthBillableSms(String identifier) {
        Long units = jdbc.queryForObject("""
                SELECT coalesce(sum(billable_units * rate_multiplier), 0) FROM ft_billing
                WHERE provider = ? AND notification_type = 'sms' AND bst_date >= date_trunc('month', now() AT TIME ZONE 'Europe/London')::date
                """, Long.class, identifier);
        return units == null ? 0 : units;
    }

    @Transactional
    public Optional<ProviderDetails> update(UUID id, Change change) {
        int updated = jdbc.update("""
                UPDATE provider_details SET priority = coalesce(?, priority), active = coalesce(?, active),
                       created_by_id = ?, version = version + 1, updated_at = ?
                WHERE id = ?""",
                change.priority(), change.active(), change.createdBy(), Timestamps.toSql(Timestamps.now()), id);
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.update("INSERT INTO provider_details_history (" + COLUMNS.replace("::text", "") + ") SELECT "
                + COLUMNS.replace("::text", "") + " FROM provider_details WHERE id = ?", id);
        return find(id);
    }

    private static ProviderDetails row(ResultSet rs, int n) throws SQLException {
        return new ProviderDetails(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getBoolean(6), rs.getInt(7), Timestamps.toInstant(rs.getTimestamp(8)), rs.getObject(9, UUID.class), rs.getBoolean(10));
    }
}
