package org.notifyoncamel.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** service_data_retention: per notification type overrides of the default 7 days. */
@Repository
public class DataRetentionStore {

    public static final List<String> NOTIFICATION_TYPES = List.of("sms", "letter", "email");

    /** The service already has a retention row for that notification type. */
    public static class Duplicate extends RuntimeException {
        public Duplicate() {
            super("duplicate data retention");
        }
    }

    public record DataRetention(UUID id, UUID serviceId, String serviceName, String notificationType, int daysOfRetention,
                                Instant createdAt, Instant updatedAt) {
    }

    private static final String SELECT = """
            SELECT r.id, r.service_id, s.name, r.notification_type::text, r.days_of_retention, r.created_at, r.updated_at
            FROM service_data_retention r JOIN services s ON s.id = r.service_id""";

    private final JdbcTemplate jdbc;

    public DataRetentionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataRetention> list(UUID serviceId) {
        return jdbc.query(SELECT + " WHERE r.service_id = ? ORDER BY r.notification_type", DataRetentionStore::row, serviceId);
    }

    public Optional<DataRetention> find(UUID serviceId, UUID id) {
        return jdbc.query(SELECT + " WHERE r.service_id = ? AND r.id = ?", DataRetentionStore::row, serviceId, id).stream().findFirst();
    }

    public Optional<DataRetention> forType(UUID serviceId, String notificationType) {
        return jdbc.query(SELECT + " WHERE r.service_id = ? AND r.notification_type = ?::notification_type", DataRetentionStore::row,
                serviceId, notificationType).stream().findFirst();
    }

    public DataRetention create(UUID serviceId, String notificationType, int days) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at) "
                    + "VALUES (?, ?, ?::notification_type, ?, ?)", id, serviceId, notificationType, days, Timestamps.toSql(Timestamps.now()));
        } catch (DuplicateKeyException e) {
            throw new Duplicate();
        }
        return find(serviceId, id).orElseThrow();
    }

    public boolean update(UUID serviceId, UUID id, int days) {
        return jdbc.update("UPDATE service_data_retention SET days_of_retention = ?, updated_at = ? WHERE service_id = ? AND id = ?",
                days, Timestamps.toSql(Timestamps.now()), serviceId, id) > 0;
    }

    private static DataRetention row(ResultSet rs, int n) throws SQLException {
        return new DataRetention(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
                Timestamps.toInstant(rs.getTimestamp(6)), Timestamps.toInstant(rs.getTimestamp(7)));
    }
}
