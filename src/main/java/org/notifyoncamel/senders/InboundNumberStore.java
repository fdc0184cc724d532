package org.notifyoncamel.senders;

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
 * inbound_numbers: two-way numbers loaded by the insert-inbound-numbers command and allocated to a
 * service through its SMS senders ({@link SenderStore#addSmsSender}).
 */
@Repository
public class InboundNumberStore {

    public static final String PROVIDER = "mmg";

    /** A number with the name of the service it is allocated to (both null when unallocated). */
    public record InboundNumber(UUID id, String number, String provider, UUID serviceId, String serviceName, boolean active,
                                Instant createdAt, Instant updatedAt) {
    }

    private static final String SELECT = "SELECT n.id, n.number, n.provider, n.service_id, s.name, n.active, n.created_at, n.updated_at "
            + "FROM inbound_numbers n LEFT JOIN services s ON s.id = n.service_id ";

    private final JdbcTemplate jdbc;

    public InboundNumberStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<InboundNumber> all() {
        return jdbc.query(SELECT + "ORDER BY n.updated_at NULLS FIRST, n.created_at", InboundNumberStore::row);
    }

    /** Active and not allocated to any service. */
    public List<InboundNumber> available() {
        return jdbc.query(SELECT + "WHERE n.active AND n.service_id IS NULL ORDER BY n.created_at, n.number", InboundNumberStore::row);
    }

    public Optional<InboundNumber> forService(UUID serviceId) {
        return jdbc.query(SELECT + "WHERE n.service_id = ?", InboundNumberStore::row, serviceId).stream().findFirst();
    }

    /** Deactivates the service's number; false when the service has none. */
    @Transactional
    public boolean switchOff(UUID serviceId) {
        return jdbc.update("UPDATE inbound_numbers SET active = false, updated_at = ? WHERE service_id = ?",
                Timestamps.toSql(Timestamps.now()), serviceId) > 0;
    }

    /** Inserts active, unallocated numbers of the provider; numbers already present are left alone. Returns how many were added. */
    @Transactional
    public int insert(List<String> numbers) {
        var now = Timestamps.toSql(Timestamps.now());
        int added = 0;
        for (String number : numbers) {
            added += jdbc.update("INSERT INTO inbound_numbers (id, number, provider, service_id, active, created_at) VALUES (?, ?, ?, NULL, true, ?) "
                    + "ON CONFLICT (number) DO NOTHING", UUID.randomUUID(), number, PROVIDER, now);
        }
        return added;
    }

    private static InboundNumber row(ResultSet rs, int n) throws SQLException {
        return new InboundNumber(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                rs.getBoolean(6), Timestamps.toInstant(rs.getTimestamp(7)), Timestamps.toInstant(rs.getTimestamp(8)));
    }
}
