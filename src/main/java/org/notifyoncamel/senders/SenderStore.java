package org.notifyoncamel.senders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Conflict;
import org.notifyoncamel.common.InvalidRequest;
import org.notifyoncamel.common.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's senders: SMS senders (service_sms_senders, with inbound number allocation), email
 * reply-to addresses and letter contact blocks. Every write locks the service row first, so the
 * "one default" rules hold under concurrent requests; a new default clears the old one in the same
 * transaction. Rule violations are {@link InvalidRequest}, {@link NotFound} or {@link Conflict} exceptions and roll the transaction back.
 */
@Repository
public class SenderStore {

    public record SmsSender(UUID id, String smsSender, UUID serviceId, boolean isDefault, boolean archived, UUID inboundNumberId,
                            Instant createdAt, Instant updatedAt) {
    }

    public record ReplyTo(UUID id, UUID serviceId, String emailAddress, boolean isDefault, boolean archived, Instant createdAt,
                          Instant updatedAt) {
    }

    public record LetterContact(UUID id, UUID serviceId, String contactBlock, boolean isDefault, boolean archived, Instant createdAt,
                                Instant updatedAt) {
    }

    static final String NO_DEFAULT_SMS_SENDER = "You must have at least one SMS sender as the default";
    static final String NO_DEFAULT_REPLY_TO = "You must have at least one reply to email address as the default.";

    private static final String SMS_COLUMNS = "id, sms_sender, service_id, is_default, archived, inbound_number_id, created_at, updated_at";
    private static final String REPLY_TO_COLUMNS = "id, service_id, email_address, is_default, archived, created_at, updated_at";
    private static final String LETTER_COLUMNS = "id, service_id, contact_block, is_default, archived, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public SenderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- SMS senders

    public List<SmsSender> smsSenders(UUID serviceId) {
        return jdbc.query("SELECT " + SMS_COLUMNS + " FROM service_sms_senders WHERE service_id = ? AND NOT archived "
                + "ORDER BY is_default DESC, created_at", SenderStore::sms, serviceId);
    }

    public Optional<SmsSender> smsSender(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + SMS_COLUMNS + " FROM service_sms_senders WHERE service_id = ? AND id = ? AND NOT archived",
                SenderStore::sms, serviceId, id).stream().findFirst();
    }

    /** The service's default SMS sender text (what a text message is sent from), if any. */
    public Optional<String> defaultSmsSender(UUID serviceId) {
        return smsSenders(serviceId).stream().filter(SmsSender::isDefault).map(SmsSender::smsSender).findFirst();
    }

    /**
     * Adds an SMS sender. With an inbound number: the number must be active and unallocated; it is
     * allocated to the service, and a service with exactly one sender has that sender replaced by the
     * number (made default) instead of gaining a row.
     */
    @Transactional
    public SmsSender addSmsSender(UUID serviceId, String text, boolean isDefault, UUID inboundNumberId) {
        lockService(serviceId);
        var now = Timestamps.toSql(Timestamps.now());
        if (inboundNumberId != null) {
            Integer held = jdbc.queryForObject("SELECT count(*) FROM inbound_numbers WHERE service_id = ?", Integer.class, serviceId);
            if (held != null && held > 0) {
                throw new InvalidRequest("Service " + serviceId + " already has an inbound number");
            }
            int allocated = jdbc.update("UPDATE inbound_numbers SET service_id = ?, updated_at = ? WHERE id = ? AND active AND service_id IS NULL",
                    serviceId, now, inboundNumberId);
            if (allocated == 0) {
                throw new InvalidRequest("Inbound number: " + inboundNumberId + " is not available");
            }
            // the sender text becomes the number whatever the body said (inbound-sms.md 2.2)
            text = jdbc.queryForObject("SELECT number FROM inbound_numbers WHERE id = ?", String.class, inboundNumberId);
            List<SmsSender> existing = smsSenders(serviceId);
            if (existing.size() == 1) {
                UUID id = existing.get(0).id();
                jdbc.update("UPDATE service_sms_senders SET sms_sender = ?, inbound_number_id = ?, is_default = true, updated_at = ? WHERE id = ?",
                        text, inboundNumberId, now, id);
                return smsSender(serviceId, id).orElseThrow();
            }
        }
        Optional<SmsSender> currentDefault = smsSenders(serviceId).stream().filter(SmsSender::isDefault).findFirst();
        if (isDefault) {
            jdbc.update("UPDATE service_sms_senders SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default", now, serviceId);
        } else if (currentDefault.isEmpty()) {
            throw new InvalidRequest(NO_DEFAULT_SMS_SENDER);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_sms_senders (id, sms_sender, service_id, is_default, archived, inbound_number_id, created_at) "
                + "VALUES (?, ?, ?, ?, false, ?, ?)", id, text, serviceId, isDefault, inboundNumberId, now);
        return smsSender(serviceId, id).orElseThrow();
    }

    @Transactional
    public SmsSender updateSmsSender(UUID serviceId, UUID id, String text, boolean isDefault) {
        lockService(serviceId);
        SmsSender sender = smsSender(serviceId, id).orElseThrow(NotFound::noResult);
        if (sender.inboundNumberId() != null && !sender.smsSender().equals(text)) {
            throw new InvalidRequest("You can not change the inbound number for service " + serviceId);
        }
        var now = Timestamps.toSql(Timestamps.now());
        if (isDefault) {
            jdbc.update("UPDATE service_sms_senders SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default AND id <> ?",
                    now, serviceId, id);
        } else if (sender.isDefault()) {
            throw new InvalidRequest(NO_DEFAULT_SMS_SENDER);
        }
        jdbc.update("UPDATE service_sms_senders SET sms_sender = ?, is_default = ?, updated_at = ? WHERE id = ?", text, isDefault, now, id);
        return smsSender(serviceId, id).orElseThrow();
    }

    @Transactional
    public SmsSender archiveSmsSender(UUID serviceId, UUID id) {
        lockService(serviceId);
        SmsSender sender = smsSender(serviceId, id).orElseThrow(NotFound::noResult);
        if (sender.inboundNumberId() != null) {
            throw new InvalidRequest("You cannot delete an inbound number");
        }
        if (sender.isDefault()) {
            throw new InvalidRequest("You cannot delete a default sms sender");
        }
        jdbc.update("UPDATE service_sms_senders SET archived = true, updated_at = ? WHERE id = ?", Timestamps.toSql(Timestamps.now()), id);
        return jdbc.query("SELECT " + SMS_COLUMNS + " FROM service_sms_senders WHERE id = ?", SenderStore::sms, id).get(0);
    }

    // ---------------------------------------------------------------- email reply-to

    /** Default first, then newest first. */
    public List<ReplyTo> replyTos(UUID serviceId) {
        return jdbc.query("SELECT " + REPLY_TO_COLUMNS + " FROM service_email_reply_to WHERE service_id = ? AND NOT archived "
                + "ORDER BY is_default DESC, created_at DESC", SenderStore::replyTo, serviceId);
    }

    public Optional<ReplyTo> replyTo(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + REPLY_TO_COLUMNS + " FROM service_email_reply_to WHERE service_id = ? AND id = ? AND NOT archived",
                SenderStore::replyTo, serviceId, id).stream().findFirst();
    }

    public Optional<String> defaultReplyTo(UUID serviceId) {
        return replyTos(serviceId).stream().filter(ReplyTo::isDefault).map(ReplyTo::emailAddress).findFirst();
    }

    @Transactional
    public ReplyTo addReplyTo(UUID serviceId, String address, boolean isDefault) {
        lockService(serviceId);
        refuseDuplicateReplyTo(serviceId, address, null);
        var now = Timestamps.toSql(Timestamps.now());
        boolean hasDefault = replyTos(serviceId).stream().anyMatch(ReplyTo::isDefault);
        if (isDefault) {
            jdbc.update("UPDATE service_email_reply_to SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default", now, serviceId);
        } else if (!hasDefault) {
            throw new InvalidRequest(NO_DEFAULT_REPLY_TO);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_email_reply_to (id, service_id, email_address, is_default, archived, created_at) VALUES (?, ?, ?, ?, false, ?)",
                id, serviceId, address, isDefault, now);
        return replyTo(serviceId, id).orElseThrow();
    }

    @Transactional
    public ReplyTo updateReplyTo(UUID serviceId, UUID id, String address, boolean isDefault) {
        lockService(serviceId);
        ReplyTo replyTo = replyTo(serviceId, id).orElseThrow(NotFound::noResult);
        refuseDuplicateReplyTo(serviceId, address, id);
        var now = Timestamps.toSql(Timestamps.now());
        if (isDefault) {
            jdbc.update("UPDATE service_email_reply_to SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default AND id <> ?",
                    now, serviceId, id);
        } else if (replyTo.isDefault()) {
            throw new InvalidRequest(NO_DEFAULT_REPLY_TO);
        }
        jdbc.update("UPDATE service_email_reply_to SET email_address = ?, is_default = ?, updated_at = ? WHERE id = ?", address, isDefault, now, id);
        return replyTo(serviceId, id).orElseThrow();
    }

    @Transactional
    public ReplyTo archiveReplyTo(UUID serviceId, UUID id) {
        lockService(serviceId);
        ReplyTo replyTo = replyTo(serviceId, id).orElseThrow(NotFound::noResult);
        if (replyTo.isDefault()) {
            throw new InvalidRequest("You cannot delete a default email reply to address");
        }
        jdbc.update("UPDATE service_email_reply_to SET archived = true, updated_at = ? WHERE id = ?", Timestamps.toSql(Timestamps.now()), id);
        return jdbc.query("SELECT " + REPLY_TO_COLUMNS + " FROM service_email_reply_to WHERE id = ?", SenderStore::replyTo, id).get(0);
    }

    /** 409 when another live reply-to of the service has the same address (compared case-insensitively). */
    private void refuseDuplicateReplyTo(UUID serviceId, String address, UUID except) {
        String wanted = address.toLowerCase(Locale.ROOT);
        boolean inUse = replyTos(serviceId).stream()
                .anyMatch(r -> !r.id().equals(except) && r.emailAddress().toLowerCase(Locale.ROOT).equals(wanted));
        if (inUse) {
            throw new Conflict("Your service already uses \u2018" + address + "\u2019 as an email reply-to address.");
        }
    }

    // ---------------------------------------------------------------- letter contacts

    public List<LetterContact> letterContacts(UUID serviceId) {
        return jdbc.query("SELECT " + LETTER_COLUMNS + " FROM service_letter_contacts WHERE service_id = ? AND NOT archived "
                + "ORDER BY is_default DESC, created_at DESC", SenderStore::letter, serviceId);
    }

    public Optional<LetterContact> letterContact(UUID serviceId, UUID id) {
        return jdbc.query("SELECT " + LETTER_COLUMNS + " FROM service_letter_contacts WHERE service_id = ? AND id = ? AND NOT archived",
                SenderStore::letter, serviceId, id).stream().findFirst();
    }

    /** The contact block text of a letter contact, archived or not (templates keep showing what they were made with). */
    public Optional<String> contactBlock(UUID id) {
        return jdbc.queryForList("SELECT contact_block FROM service_letter_contacts WHERE id = ?", String.class, id).stream().findFirst();
    }

    /** Letters may have no default at all; a new default clears the old one. */
    @Transactional
    public LetterContact addLetterContact(UUID serviceId, String block, boolean isDefault) {
        lockService(serviceId);
        var now = Timestamps.toSql(Timestamps.now());
        if (isDefault) {
            jdbc.update("UPDATE service_letter_contacts SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default", now, serviceId);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO service_letter_contacts (id, service_id, contact_block, is_default, archived, created_at) VALUES (?, ?, ?, ?, false, ?)",
                id, serviceId, block, isDefault, now);
        return letterContact(serviceId, id).orElseThrow();
    }

    @Transactional
    public LetterContact updateLetterContact(UUID serviceId, UUID id, String block, boolean isDefault) {
        lockService(serviceId);
        letterContact(serviceId, id).orElseThrow(NotFound::noResult);
        var now = Timestamps.toSql(Timestamps.now());
        if (isDefault) {
            jdbc.update("UPDATE service_letter_contacts SET is_default = false, updated_at = ? WHERE service_id = ? AND is_default AND id <> ?",
                    now, serviceId, id);
        }
        jdbc.update("UPDATE service_letter_contacts SET contact_block = ?, is_default = ?, updated_at = ? WHERE id = ?", block, isDefault, now, id);
        return letterContact(serviceId, id).orElseThrow();
    }

    /** Archives the contact block and unlinks it from the service's templates (as the original, without a new template version). */
    @Transactional
    public LetterContact archiveLetterContact(UUID serviceId, UUID id) {
        lockService(serviceId);
        letterContact(serviceId, id).orElseThrow(NotFound::noResult);
        var now = Timestamps.toSql(Timestamps.now());
        jdbc.update("UPDATE service_letter_contacts SET archived = true, updated_at = ? WHERE id = ?", now, id);
        jdbc.update("UPDATE templates SET service_letter_contact_id = NULL WHERE service_id = ? AND service_letter_contact_id = ?", serviceId, id);
        return jdbc.query("SELECT " + LETTER_COLUMNS + " FROM service_letter_contacts WHERE id = ?", SenderStore::letter, id).get(0);
    }

    private void lockService(UUID serviceId) {
        if (jdbc.queryForList("SELECT id FROM services WHERE id = ? FOR UPDATE", UUID.class, serviceId).isEmpty()) {
            throw NotFound.noResult();
        }
    }

    private static SmsSender sms(ResultSet rs, int n) throws SQLException {
        return new SmsSender(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getBoolean(4), rs.getBoolean(5),
                rs.getObject(6, UUID.class), Timestamps.toInstant(rs.getTimestamp(7)), Timestamps.toInstant(rs.getTimestamp(8)));
    }

    private static ReplyTo replyTo(ResultSet rs, int n) throws SQLException {
        return new ReplyTo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                Timestamps.toInstant(rs.getTimestamp(6)), Timestamps.toInstant(rs.getTimestamp(7)));
    }

    private static LetterContact letter(ResultSet rs, int n) throws SQLException {
        return new LetterContact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                Timestamps.toInstant(rs.getTimestamp(6)), Timestamps.toInstant(rs.getTimestamp(7)));
    }
}
