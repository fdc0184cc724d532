package org.notifyoncamel.services;

import java.util.List;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The guest list (table service_whitelist): who a trial-mode service may send to besides its team. */
@Repository
public class GuestListStore {

    public record GuestList(List<String> emailAddresses, List<String> phoneNumbers) {
    }

    private final JdbcTemplate jdbc;

    public GuestListStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public GuestList find(UUID serviceId) {
        String sql = "SELECT recipient FROM service_whitelist WHERE service_id = ? AND recipient_type = ?::recipient_type ORDER BY created_at, recipient";
        return new GuestList(jdbc.queryForList(sql, String.class, serviceId, "email"),
                jdbc.queryForList(sql, String.class, serviceId, "mobile"));
    }

    /** Replaces the whole list in one transaction. */
    @Transactional
    public void replace(UUID serviceId, GuestList list) {
        jdbc.update("DELETE FROM service_whitelist WHERE service_id = ?", serviceId);
        java.sql.Timestamp now = Timestamps.toSql(Timestamps.now());
        String insert = "INSERT INTO service_whitelist (id, service_id, recipient_type, recipient, created_at) VALUES (?, ?, ?::recipient_type, ?, ?)";
        list.emailAddresses().forEach(address -> jdbc.update(insert, UUID.randomUUID(), serviceId, "email", address, now));
        list.phoneNumbers().forEach(number -> jdbc.update(insert, UUID.randomUUID(), serviceId, "mobile", number, now));
    }
}
