package org.notifyoncamel.senders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Conflict;
import org.notifyoncamel.common.InvalidRequest;
import org.notifyoncamel.common.NotFound;
import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's senders of every {@link SenderKind}: SMS senders (with inbound number allocation), email
 * reply-to addresses and letter contact blocks. Every write locks the service row first, so the "one
 * default" rules hold under concurrent requests; a new default clears the old one in the same transaction.
 * Rule violations are {@link InvalidRequest}, {@link NotFound} or {@link Conflict} exceptions and roll the
 * transaction back.
 */
@Repository
public class SenderStore {

    /** One sender; {@code value} is the SMS sender, email address or contact block; {@code inboundNumberId} only for SMS. */
    public record Sender(SenderKind kind, UUID id, UUID serviceId, String value, boolean isDefault, boolean archived,
                         UUID inboundNumberId, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public SenderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The live senders of a kind, default first. */
    public List<Sender> list(SenderKind kind, UUID serviceId) {
        return jdbc.query("SELECT " + kind.columns() + " FROM " + kind.table + " WHERE service_id = ? AND NOT archived "
                + "ORDER BY is_default DESC, " + kind.order, (rs, n) -> row(kind, rs), serviceId);
    }

    public Optional<Sender> find(SenderKind kind, UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + kind.columns() + " FROM " + kind.table + " WHERE service_id = ? AND id = ? AND NOT archived",
                (rs, n) -> row(kind, rs), serviceId, id).stream().findFirst();
    }

    /** The service's default SMS sender text (what a text message is sent from), if any. */
    public Optional<String> defaultSmsSender(UUID serviceId) {
        return defaultValue(SenderKind.SMS_SENDER, serviceId);
    }

    public Optional<String> defaultReplyTo(UUID serviceId) {
        return defaultValue(SenderKind.EMAIL_REPLY_TO, serviceId);
    }

    /** The contact block text of a letter contact, archived or not (templates keep showing what they were made with). */
    public Optional<String> contactBlock(UUID id) {
        return jdbc.queryForList("SELECT contact_block FROM service_letter_contacts WHERE id = ?", String.class, id).stream().findFirst();
    }

    /**
     * Adds a sender. An SMS sender with an inbound number: the number must be active and unallocated; it is
     * allocated to the service, and a service with exactly one sender has that sender replaced by the number
     * (made default) instead of gaining a row. A reply-to address may not repeat a live one (409).
     */
    @Transactional
    public Sender add(SenderKind kind, UUID serviceId, String value, boolean isDefault, UUID inboundNumberId) {
        lockService(serviceId);
        var now = Timestamps.toSql(Timestamps.now());
        if (kind == SenderKind.EMAIL_REPLY_TO) {
            refuseDuplicateReplyTo(serviceId, value, null);
        }
        if (kind == SenderKind.SMS_SENDER && inboundNumberId != null) {
            // the sender text becomes the number whatever the body said (the original's add_service_sms_sender,
            // app/service/rest.py: the admin's set-inbound-number page sends the number's id there)
            value = allocateInboundNumber(serviceId, inboundNumberId, now);
            Optional<Sender> replaced = replaceOnlySender(serviceId, value, inboundNumberId, now);
            if (replaced.isPresent()) {
                return replaced.get();
            }
        }
        if (isDefault) {
            jdbc.update("UPDATE " + kind.table + " SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default", now, serviceId);
        } else if (kind.needsDefault != null && list(kind, serviceId).stream().noneMatch(Sender::isDefault)) {
            throw new InvalidRequest(kind.needsDefault);
        }
        UUID id = UUID.randomUUID();
        if (kind == SenderKind.SMS_SENDER) {
            jdbc.update("INSERT INTO service_sms_senders (id, sms_sender, service_id, is_default, archived, inbound_number_id, created_at) "
                    + "VALUES (?, ?, ?, ?, false, ?, ?)", id, value, serviceId, isDefault, inboundNumberId, now);
        } else {
            jdbc.update("INSERT INTO " + kind.table + " (id, service_id, " + kind.field() + ", is_default, archived, created_at) "
                    + "VALUES (?, ?, ?, ?, false, ?)", id, serviceId, value, isDefault, now);
        }
        return find(kind, serviceId, id).orElseThrow();
    }

    @Transactional
    public Sender update(SenderKind kind, UUID serviceId, UUID id, String value, boolean isDefault) {
        lockService(serviceId);
        Sender sender = find(kind, serviceId, id).orElseThrow(NotFound::noResult);
        if (sender.inboundNumberId() != null && !sender.value().equals(value)) {
            throw new InvalidRequest("You can not change the inbound number for service " + serviceId);
        }
        if (kind == SenderKind.EMAIL_REPLY_TO) {
            refuseDuplicateReplyTo(serviceId, value, id);
        }
        var now = Timestamps.toSql(Timestamps.now());
        if (isDefault) {
            jdbc.update("UPDATE " + kind.table + " SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default AND id <> ?",
                    now, serviceId, id);
        } else if (kind.needsDefault != null && sender.isDefault()) {
            throw new InvalidRequest(kind.needsDefault);
        }
        jdbc.update("UPDATE " + kind.table + " SET " + kind.field() + " = ?, is_default = ?, updated_at = ? WHERE id = ?", value, isDefault, now, id);
        return find(kind, serviceId, id).orElseThrow();
    }

    /** Archives a sender; a letter contact is also unlinked from the service's templates (as the original, without a new template version). */
    @Transactional
    public Sender archive(SenderKind kind, UUID serviceId, UUID id) {
        lockService(serviceId);
        Sender sender = find(kind, serviceId, id).orElseThrow(NotFound::noResult);
        if (sender.inboundNumberId() != null) {
            throw new InvalidRequest("You cannot delete an inbound number");
        }
        if (sender.isDefault() && kind.defaultNotArchivable != null) {
            throw new InvalidRequest(kind.defaultNotArchivable);
        }
        var now = Timestamps.toSql(Timestamps.now());
        jdbc.update("UPDATE " + kind.table + " SET archived = true, updated_at = ? WHERE id = ?", now, id);
        if (kind == SenderKind.LETTER_CONTACT) {
            jdbc.update("UPDATE templates SET service_letter_contact_id = NULL WHERE service_id = ? AND service_letter_contact_id = ?", serviceId, id);
        }
        return jdbc.query("SELECT " + kind.columns() + " FROM " + kind.table + " WHERE id = ?", (rs, n) -> row(kind, rs), id).get(0);
    }

    private Optional<String> defaultValue(SenderKind kind, UUID serviceId) {
        return list(kind, serviceId).stream().filter(Sender::isDefault).map(Sender::value).findFirst();
    }

    /** Allocates the inbound number; when the service has exactly one SMS sender, that sender becomes the number. */
    /** Allocates the number to the service and answers the number itself. */
    private String allocateInboundNumber(UUID serviceId, UUID inboundNumberId, java.sql.Timestamp now) {
        Integer held = jdbc.queryForObject("SELECT count(*) FROM inbound_numbers WHERE service_id = ?", Integer.class, serviceId);
        if (held != null && held > 0) {
            throw new InvalidRequest("Service " + serviceId + " already has an inbound number");
        }
        int allocated = jdbc.update("UPDATE inbound_numbers SET service_id = ?, updated_at = ? WHERE id = ? AND active AND service_id IS NULL",
                serviceId, now, inboundNumberId);
        if (allocated == 0) {
            throw new InvalidRequest("Inbound number: " + inboundNumberId + " is not available");
        }
        return jdbc.queryForObject("SELECT number FROM inbound_numbers WHERE id = ?", String.class, inboundNumberId);
    }

    /** A service with exactly one SMS sender has it replaced by the inbound number (made default). */
    private Optional<Sender> replaceOnlySender(UUID serviceId, String value, UUID inboundNumberId, java.sql.Timestamp now) {
        List<Sender> existing = list(SenderKind.SMS_SENDER, serviceId);
        if (existing.size() != 1) {
            return Optional.empty();
        }
        UUID id = existing.get(0).id();
        jdbc.update("UPDATE service_sms_senders SET sms_sender = ?, inbound_number_id = ?, is_default = true, updated_at = ? WHERE id = ?",
                value, inboundNumberId, now, id);
        return find(SenderKind.SMS_SENDER, serviceId, id);
    }

    /** 409 when another live reply-to of the service has the same address (compared case-insensitively). */
    private void refuseDuplicateReplyTo(UUID serviceId, String address, UUID except) {
        String wanted = address.toLowerCase(Locale.ROOT);
        boolean inUse = list(SenderKind.EMAIL_REPLY_TO, serviceId).stream()
                .anyMatch(r -> !r.id().equals(except) && r.value().toLowerCase(Locale.ROOT).equals(wanted));
        if (inUse) {
            throw new Conflict("Your service already uses \u2018" + address + "\u2019 as an email reply-to address.");
        }
    }

    private void lockService(UUID serviceId) {
        if (jdbc.queryForList("SELECT id FROM services WHERE id = ? FOR UPDATE", UUID.class, serviceId).isEmpty()) {
            throw NotFound.noResult();
        }
    }

    private static Sender row(SenderKind kind, ResultSet rs) throws SQLException {
        return new Sender(kind, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getObject(6, UUID.class), Timestamps.toInstant(rs.getTimestamp(7)), Timestamps.toInstant(rs.getTimestamp(8)));
    }
}
