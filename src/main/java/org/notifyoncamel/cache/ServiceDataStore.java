package org.notifyoncamel.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads services, their API keys and templates for the public API (the caches sit in front). */
@Component
public class ServiceDataStore {

    /**
     * Keys revoked longer ago than this are invisible to authentication (notifications-api app/authentication/auth.py).
     */
    static final long REVOKED_KEY_VISIBILITY_DAYS = 7;

    private static final String TEMPLATE_COLUMNS = "t.id, t.service_id, t.name, t.template_type::text, t.created_at, t.updated_at, "
            + "t.content, t.subject, t.archived, t.hidden, t.postage, t.process_type, t.service_letter_contact_id, t.version, u.email_address";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public ServiceDataStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The service and everything the public API checks about it. The service row is read and its result set
     * closed before the related rows are read, so a load holds one pooled connection at a time: queries run
     * from inside a row mapper would hold a second connection while the first is still open, and a burst of
     * concurrent loads could then take every connection of the pool and wait for each other until the pool's
     * connection timeout (docs/adr/0072).
     */
    public Optional<ServiceData> service(UUID serviceId) {
        record Row(UUID id, String name, boolean active, boolean restricted, boolean researchMode, long messageLimit, int rateLimit,
                   String emailFrom, boolean prefixSms, String contactLink) {
        }
        Optional<Row> found = jdbc.query("SELECT id, name, active, restricted, research_mode, message_limit, rate_limit, email_from, "
                + "prefix_sms, contact_link FROM services WHERE id = ?", (rs, n) -> new Row(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("active"), rs.getBoolean("restricted"),
                        rs.getBoolean("research_mode"), rs.getLong("message_limit"), rs.getInt("rate_limit"), rs.getString("email_from"),
                        rs.getBoolean("prefix_sms"), rs.getString("contact_link")), serviceId).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        jdbc.query("SELECT u.mobile_number, u.email_address FROM users u JOIN user_to_service us ON us.user_id = u.id "
                + "WHERE us.service_id = ?", r -> {
                    phones.add(r.getString(1));
                    emails.add(r.getString(2));
                }, serviceId);
        jdbc.query("SELECT recipient_type::text, recipient FROM service_whitelist WHERE service_id = ?", r -> {
            ("mobile".equals(r.getString(1)) ? phones : emails).add(r.getString(2));
        }, serviceId);
        return Optional.of(new ServiceData(row.id(), row.name(), row.active(), row.restricted(), row.researchMode(), row.messageLimit(),
                row.rateLimit(), row.emailFrom(), row.prefixSms(), row.contactLink(),
                new HashSet<>(jdbc.queryForList("SELECT permission FROM service_permissions WHERE service_id = ?", String.class, serviceId)),
                AllowedRecipients.of(phones, emails),
                jdbc.query("SELECT id, sms_sender, is_default, archived FROM service_sms_senders WHERE service_id = ? ORDER BY created_at",
                        (r, i) -> new ServiceData.SmsSender(r.getObject(1, UUID.class), r.getString(2), r.getBoolean(3), r.getBoolean(4)), serviceId),
                jdbc.query("SELECT id, email_address, is_default, archived FROM service_email_reply_to WHERE service_id = ? ORDER BY created_at",
                        (r, i) -> new ServiceData.ReplyTo(r.getObject(1, UUID.class), r.getString(2), r.getBoolean(3), r.getBoolean(4)), serviceId),
                jdbc.query("SELECT id, contact_block, is_default, archived FROM service_letter_contacts WHERE service_id = ? ORDER BY created_at",
                        (r, i) -> new ServiceData.LetterContact(r.getObject(1, UUID.class), r.getString(2), r.getBoolean(3), r.getBoolean(4)),
                        serviceId)));
    }

    /** Active keys and keys revoked within the last 7 days, oldest first. */
    public List<ApiKeyData> apiKeys(UUID serviceId) {
        Instant cutoff = Timestamps.now().minus(REVOKED_KEY_VISIBILITY_DAYS, ChronoUnit.DAYS);
        return jdbc.query("SELECT id, name, secret, key_type, expiry_date FROM api_keys WHERE service_id = ? "
                + "AND (expiry_date IS NULL OR expiry_date > ?) ORDER BY created_at, id",
                (rs, n) -> new ApiKeyData(rs.getObject(1, UUID.class), rs.getString(2), cipher.decrypt(SecretColumn.API_KEY_SECRET, rs.getString(3)),
                        rs.getString(4), Timestamps.toInstant(rs.getTimestamp(5))),
                serviceId, Timestamps.toSql(cutoff));
    }

    /** The current version of a service's template (hidden and archived included: callers decide). */
    public Optional<TemplateData> template(UUID serviceId, UUID templateId) {
        return jdbc.query("SELECT " + TEMPLATE_COLUMNS + " FROM templates t JOIN users u ON u.id = t.created_by_id "
                + "WHERE t.id = ? AND t.service_id = ?", ServiceDataStore::template, templateId, serviceId).stream().findFirst();
    }

    /** One version of a template, from its history. */
    public Optional<TemplateData> templateVersion(UUID serviceId, UUID templateId, int version) {
        return jdbc.query("SELECT " + TEMPLATE_COLUMNS + " FROM templates_history t JOIN users u ON u.id = t.created_by_id "
                + "WHERE t.id = ? AND t.service_id = ? AND t.version = ?", ServiceDataStore::template, templateId, serviceId, version)
                .stream().findFirst();
    }

    /** The service's templates that are neither hidden nor archived, by name then type. */
    public List<TemplateData> templates(UUID serviceId, String type) {
        String sql = "SELECT " + TEMPLATE_COLUMNS + " FROM templates t JOIN users u ON u.id = t.created_by_id "
                + "WHERE t.service_id = ? AND NOT t.hidden AND NOT t.archived"
                + (type == null ? "" : " AND t.template_type = ?::template_type") + " ORDER BY t.name, t.template_type";
        return type == null ? jdbc.query(sql, ServiceDataStore::template, serviceId)
                : jdbc.query(sql, ServiceDataStore::template, serviceId, type);
    }

    static TemplateData template(ResultSet rs, int n) throws SQLException {
        return new TemplateData(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Timestamps.toInstant(rs.getTimestamp(5)), Timestamps.toInstant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8),
                rs.getBoolean(9), rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getObject(13, UUID.class), rs.getInt(14),
                rs.getString(15));
    }
}
