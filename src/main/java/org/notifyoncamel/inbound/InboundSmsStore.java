package org.notifyoncamel.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * inbound_sms and the lookups around it (notifications-api app/models.py InboundSms, app/dao/inbound_sms_dao.py). Content is stored encrypted with
 * {@link SecretCipher} and decrypted only when read.
 */
@Repository
public class InboundSmsStore {

    /** The service an inbound number belongs to, and whether it may receive texts (permissions sms and inbound_sms). */
    public record Receiver(UUID serviceId, String number, boolean allowed) {
    }

    /** One page of a listing: its rows and whether another page follows. */
    public record Page(List<InboundSms> items, boolean hasNext) {
    }

    private static final String COLUMNS = "id, created_at, service_id, notify_number, user_number, content, provider, provider_date";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public InboundSmsStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The active, allocated inbound number stored as {@code number}, with its service. */
    public Optional<Receiver> receiver(String number) {
        return jdbc.query("""
                SELECT n.service_id, n.number,
                       EXISTS (SELECT 1 FROM service_permissions p WHERE p.service_id = n.service_id AND p.permission = 'sms')
                   AND EXISTS (SELECT 1 FROM service_permissions p WHERE p.service_id = n.service_id AND p.permission = 'inbound_sms')
                FROM inbound_numbers n
                WHERE n.number = ? AND n.active AND n.service_id IS NOT NULL""",
                (rs, n) -> new Receiver(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)), number).stream().findFirst();
    }

    /**
     * Stores a received text for the service and answers its id. A text whose provider reference is
     * already stored (a provider retrying a delivery) is not stored again: the earlier row's id is answered.
     */
    public UUID save(UUID serviceId, String notifyNumber, ReceivedText text) {
        UUID id = UUID.randomUUID();
        List<UUID> inserted = jdbc.query("""
                INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider_date, provider_reference, provider, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (provider, provider_reference) WHERE provider_reference IS NOT NULL DO NOTHING
                RETURNING id""", (rs, n) -> rs.getObject(1, UUID.class),
                id, Timestamps.toSql(Timestamps.now()), serviceId, notifyNumber, text.userNumber(),
                text.providerDate() == null ? null : Timestamp.valueOf(text.providerDate()), text.providerReference(), text.provider(),
                cipher.encrypt(SecretColumn.INBOUND_SMS_CONTENT, text.content()));
        if (!inserted.isEmpty()) {
            return inserted.get(0);
        }
        return jdbc.queryForObject("SELECT id FROM inbound_sms WHERE provider = ? AND provider_reference = ?", UUID.class,
                text.provider(), text.providerReference());
    }

    public Optional<InboundSms> find(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE service_id = ? AND id = ?", this::row, serviceId, id)
                .stream().findFirst();
    }

    /** The service's texts since {@code since}, newest first, optionally only those from one (stored-form) sender. */
    public List<InboundSms> search(UUID serviceId, Instant since, String userNumber) {
        if (userNumber == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE service_id = ? AND created_at >= ? ORDER BY created_at DESC",
                    this::row, serviceId, Timestamps.toSql(since));
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_sms WHERE service_id = ? AND created_at >= ? AND user_number = ? "
                + "ORDER BY created_at DESC", this::row, serviceId, Timestamps.toSql(since), userNumber);
    }

    /**
     * The newest text of each sender (no later text from the same number for the service, over all time),
     * created since {@code since}, newest first, one page ({@code page} from 1).
     */
    public Page mostRecent(UUID serviceId, Instant since, int page, int pageSize) {
        List<InboundSms> rows = jdbc.query("SELECT " + COLUMNS + """
                 FROM inbound_sms i
                WHERE i.service_id = ? AND i.created_at >= ?
                  AND NOT EXISTS (SELECT 1 FROM inbound_sms later
                                  WHERE later.service_id = i.service_id AND later.user_number = i.user_number
                                    AND later.created_at > i.created_at)
                ORDER BY i.created_at DESC, i.id
                LIMIT ? OFFSET ?""", this::row, serviceId, Timestamps.toSql(since), pageSize + 1, (long) (page - 1) * pageSize);
        boolean hasNext = rows.size() > pageSize;
        return new Page(hasNext ? rows.subList(0, pageSize) : rows, hasNext);
    }

    public int countSince(UUID serviceId, Instant since) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM inbound_sms WHERE service_id = ? AND created_at >= ?", Integer.class,
                serviceId, Timestamps.toSql(since));
        return count == null ? 0 : count;
    }

    /** When the service's newest text arrived (naive UTC), over all its stored texts. */
    public Optional<LocalDateTime> newest(UUID serviceId) {
        Timestamp newest = jdbc.queryForObject("SELECT max(created_at) FROM inbound_sms WHERE service_id = ?", Timestamp.class, serviceId);
        return Optional.ofNullable(newest).map(Timestamp::toLocalDateTime);
    }

    /** The service's SMS retention in days, if it has set one (service_data_retention). */
    public Optional<Integer> smsRetentionDays(UUID serviceId) {
        return jdbc.queryForList("SELECT days_of_retention FROM service_data_retention WHERE service_id = ? AND notification_type = 'sms'",
                Integer.class, serviceId).stream().findFirst();
    }

    private InboundSms row(ResultSet rs, int n) throws SQLException {
        return new InboundSms(rs.getObject("id", UUID.class), Timestamps.toInstant(rs.getTimestamp("created_at")),
                rs.getObject("service_id", UUID.class), rs.getString("notify_number"), rs.getString("user_number"),
                cipher.decrypt(SecretColumn.INBOUND_SMS_CONTENT, rs.getString("content")), rs.getString("provider"), Timestamps.toInstant(rs.getTimestamp("provider_date")));
    }
}
