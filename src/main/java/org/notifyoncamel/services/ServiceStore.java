package org.notifyoncamel.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.apikeys.ApiKeyStore;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.users.UserStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * services (versioned: every create, update, archive, suspend and resume writes a services_history row in the
 * same transaction) and its satellites: service_permissions, branding links, the default SMS sender.
 */
@Repository
public class ServiceStore {

    public static final List<String> DEFAULT_SERVICE_PERMISSIONS = List.of("sms", "email", "letter", "international_sms",
            "upload_letters", "international_letters");

    public static final List<String> SERVICE_PERMISSIONS = List.of("email", "sms", "letter", "broadcast", "international_sms",
            "inbound_sms", "schedule_notifications", "email_auth", "letters_as_pdf", "upload_document", "edit_folder_permissions",
            "upload_letters", "international_letters");

    public static final List<String> ORGANISATION_TYPES = List.of("central", "local", "nhs_central", "nhs_local", "nhs_gp",
            "emergency_service", "school_or_college", "other");

    private static final Set<String> NHS_ORGANISATION_TYPES = Set.of("nhs_central", "nhs_local", "nhs_gp");

    /** Columns the internal API may set directly (besides permissions and branding, which live in other tables). */
    public static final Set<String> WRITABLE_COLUMNS = Set.of("name", "email_from", "message_limit", "restricted", "research_mode",
            "active", "prefix_sms", "organisation_type", "crown", "rate_limit", "contact_link", "volume_sms", "volume_email",
            "volume_letter", "consent_to_research", "count_as_live", "go_live_user_id", "go_live_at", "notes",
            "billing_contact_names", "billing_contact_email_addresses", "purchase_order_number", "billing_reference");

    static final String COLUMNS = "id, name, created_at, updated_at, active, message_limit, restricted, research_mode, email_from, "
            + "created_by_id, prefix_sms, organisation_type, crown, rate_limit, contact_link, volume_sms, volume_email, volume_letter, "
            + "consent_to_research, count_as_live, go_live_user_id, go_live_at, organisation_id, notes, billing_contact_names, "
            + "billing_contact_email_addresses, purchase_order_number, billing_reference, version";

    /** A unique constraint broke: {@code services_name_key} or {@code services_email_from_key}. */
    public static class DuplicateService extends RuntimeException {
        private final String constraint;

        public DuplicateService(String constraint) {
            super("duplicate service " + constraint);
            this.constraint = constraint;
        }

        public boolean emailFrom() {
            return constraint.contains("email_from");
        }
    }

    public record Service(UUID id, String name, Instant createdAt, Instant updatedAt, boolean active, long messageLimit,
                          boolean restricted, boolean researchMode, String emailFrom, UUID createdById, boolean prefixSms,
                          String organisationType, Boolean crown, int rateLimit, String contactLink, Integer volumeSms,
                          Integer volumeEmail, Integer volumeLetter, Boolean consentToResearch, boolean countAsLive,
                          UUID goLiveUserId, Instant goLiveAt, UUID organisationId, String notes, String billingContactNames,
                          String billingContactEmailAddresses, String purchaseOrderNumber, String billingReference, int version) {
    }

    /**
     * A change to a service. {@code columns} keys are from {@link #WRITABLE_COLUMNS}; {@code permissions} null = unchanged;
     * branding ids are applied only when their {@code set} flag is true (null then removes the branding).
     */
    public record Change(Map<String, Object> columns, List<String> permissions, boolean setEmailBranding, UUID emailBranding,
                         boolean setLetterBranding, UUID letterBranding) {
        public static Change columns(Map<String, Object> columns) {
            return new Change(columns, null, false, null, false, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final ApiKeyStore apiKeys;
    private final ServiceTeamStore team;

    public ServiceStore(JdbcTemplate jdbc, ApiKeyStore apiKeys, ServiceTeamStore team) {
        this.jdbc = jdbc;
        this.apiKeys = apiKeys;
        this.team = team;
    }

    /**
     * Creates a service (version 1) for its creator: the creator joins with the default user permissions, the
     * service gets {@code permissions} (the defaults when null) and one default SMS sender {@code fromNumber};
     * organisation, crown and branding come from the creator's email domain or the organisation type, unless
     * {@code emailBrandingId} / {@code letterBrandingId} are given.
     */
    @Transactional
    public Service create(Map<String, Object> columns, List<String> permissions, UserStore.User creator, String fromNumber,
                          UUID emailBrandingId, UUID letterBrandingId) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now();
        Map<String, Object> values = new LinkedHashMap<>(columns);
        values.put("id", id);
        values.put("created_at", now);
        values.put("active", true);
        values.put("research_mode", false);
        values.put("created_by_id", creator.id());
        values.put("count_as_live", !creator.platformAdmin());
        values.put("version", 1);
        String organisationType = (String) values.get("organisation_type");
        Optional<Organisation> organisation = organisationFor(creator.emailAddress());
        UUID emailBranding = null;
        UUID letterBranding = null;
        if (organisation.isPresent()) {
            Organisation org = organisation.get();
            values.put("organisation_id", org.id());
            if (org.organisationType() != null) {
                values.put("organisation_type", org.organisationType());
            }
            values.put("crown", org.crown());
            emailBranding = org.emailBrandingId();
            letterBranding = org.letterBrandingId();
        } else {
            if ((organisationType != null && NHS_ORGANISATION_TYPES.contains(organisationType)) || isNhsEmail(creator.emailAddress())) {
                emailBranding = brandingId("email_branding", "NHS");
                letterBranding = brandingId("letter_branding", "NHS");
            }
            if (organisationType != null) {
                values.put("crown", jdbc.queryForObject("SELECT is_crown FROM organisation_types WHERE name = ?", Boolean.class, organisationType));
            }
        }
        if (emailBrandingId != null) {
            emailBranding = emailBrandingId;
        }
        if (letterBrandingId != null) {
            letterBranding = letterBrandingId;
        }
        insert(values);
        writeHistory(id);
        writePermissions(id, permissions == null ? DEFAULT_SERVICE_PERMISSIONS : permissions, now);
        setBranding("service_email_branding", "email_branding_id", id, emailBranding);
        setBranding("service_letter_branding", "letter_branding_id", id, letterBranding);
        jdbc.update("INSERT INTO service_sms_senders (id, sms_sender, service_id, is_default, archived, created_at) VALUES (?, ?, ?, true, false, ?)",
                UUID.randomUUID(), fromNumber, id, Timestamps.toSql(now));
        team.add(id, creator.id(), ServiceTeamStore.DEFAULT_USER_PERMISSIONS, List.of());
        return find(id).orElseThrow();
    }

    public Optional<Service> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM services WHERE id = ?", ServiceStore::row, id).stream().findFirst();
    }

    public List<Service> list(boolean onlyActive, UUID userId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS.replaceAll("(^|, )", "$1s.") + " FROM services s");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            sql.append(" JOIN user_to_service us ON us.service_id = s.id AND us.user_id = ?");
            args.add(userId);
        }
        if (onlyActive) {
            sql.append(" WHERE s.active");
        }
        sql.append(" ORDER BY s.created_at, s.id");
        return jdbc.query(sql.toString(), ServiceStore::row, args.toArray());
    }

    public List<Service> history(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM services_history WHERE id = ? ORDER BY version", ServiceStore::row, id);
    }

    public List<String> permissions(UUID id) {
        return jdbc.queryForList("SELECT permission FROM service_permissions WHERE service_id = ? ORDER BY created_at, permission",
                String.class, id);
    }

    public Optional<UUID> emailBranding(UUID id) {
        return jdbc.queryForList("SELECT email_branding_id FROM service_email_branding WHERE service_id = ?", UUID.class, id).stream().findFirst();
    }

    public Optional<UUID> letterBranding(UUID id) {
        return jdbc.queryForList("SELECT letter_branding_id FROM service_letter_branding WHERE service_id = ?", UUID.class, id).stream().findFirst();
    }

    public List<UUID> inboundApiIds(UUID id) {
        return jdbc.queryForList("SELECT id FROM service_inbound_api WHERE service_id = ? ORDER BY created_at", UUID.class, id);
    }

    public List<UUID> callbackApiIds(UUID id) {
        return jdbc.queryForList("SELECT id FROM service_callback_api WHERE service_id = ? ORDER BY created_at", UUID.class, id);
    }

    public Optional<String> allowedBroadcastProvider(UUID id) {
        return jdbc.queryForList("SELECT provider FROM service_broadcast_provider_restriction WHERE service_id = ?", String.class, id)
                .stream().findFirst();
    }

    public boolean brandingExists(String table, UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM " + table + " WHERE id = ?)", Boolean.class, id));
    }

    /** Whether another service (not {@code serviceId}) has this name (case-insensitively) or this email_from. */
    public boolean nameOrEmailFromTaken(UUID serviceId, String name, String emailFrom) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT exists(SELECT 1 FROM services WHERE id <> ? AND (lower(name) = lower(?) OR email_from = ?))""",
                Boolean.class, serviceId, name, emailFrom));
    }

    /** Applies a change as a new version; empty when the service does not exist. */
    @Transactional
    public Optional<Service> update(UUID id, Change change) {
        if (!bumpVersion(id, change.columns())) {
            return Optional.empty();
        }
        Instant now = Timestamps.now();
        if (change.permissions() != null) {
            jdbc.update("DELETE FROM service_permissions WHERE service_id = ?", id);
            writePermissions(id, change.permissions(), now);
        }
        if (change.setEmailBranding()) {
            setBranding("service_email_branding", "email_branding_id", id, change.emailBranding());
        }
        if (change.setLetterBranding()) {
            setBranding("service_letter_branding", "letter_branding_id", id, change.letterBranding());
        }
        writeHistory(id);
        return find(id);
    }

    /**
     * Archives an active service: inactive, name and email_from prefixed {@code _archived_<date>_}, every template
     * archived (new template versions), every unexpired API key expired (new key versions). False if already inactive.
     */
    @Transactional
    public boolean archive(UUID id) {
        Service service = lockActive(id);
        if (service == null) {
            return false;
        }
        String prefix = "_archived_" + LocalDate.ofInstant(Timestamps.now(), ZoneOffset.UTC) + "_";
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("active", false);
        columns.put("name", freeArchivedValue("name", prefix, service.name(), 255));
        columns.put("email_from", freeArchivedValue("email_from", prefix, service.emailFrom(), Integer.MAX_VALUE));
        bumpVersion(id, columns);
        writeHistory(id);
        archiveTemplates(id);
        apiKeys.expireAll(id);
        return true;
    }

    /** Suspends an active service: inactive, unexpired keys expired. False if already inactive. */
    @Transactional
    public boolean suspend(UUID id) {
        if (lockActive(id) == null) {
            return false;
        }
        bumpVersion(id, Map.of("active", false));
        writeHistory(id);
        apiKeys.expireAll(id);
        return true;
    }

    /** Reactivates a suspended service (its keys stay revoked). False if already active. */
    @Transactional
    public boolean resume(UUID id) {
        int updated = jdbc.update("UPDATE services SET active = true, updated_at = ?, version = version + 1 WHERE id = ? AND NOT active",
                Timestamps.toSql(Timestamps.now()), id);
        if (updated == 0) {
            return false;
        }
        writeHistory(id);
        return true;
    }

    private Service lockActive(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM services WHERE id = ? AND active FOR UPDATE", ServiceStore::row, id)
                .stream().findFirst().orElse(null);
    }

    /** {@code prefix + value} cut to the column size, with a counter when an earlier archive already holds it. */
    private String freeArchivedValue(String column, String prefix, String value, int maxLength) {
        for (int attempt = 0; ; attempt++) {
            String start = attempt == 0 ? prefix : prefix + attempt + "_";
            String candidate = (start + value).length() > maxLength ? (start + value).substring(0, maxLength) : start + value;
            boolean taken = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT exists(SELECT 1 FROM services WHERE " + column + " = ?)", Boolean.class, candidate));
            if (!taken) {
                return candidate;
            }
        }
    }

    private void archiveTemplates(UUID serviceId) {
        List<UUID> archived = jdbc.queryForList("""
                UPDATE templates SET archived = true, updated_at = ?, version = version + 1
                WHERE service_id = ? AND NOT archived RETURNING id""", UUID.class, Timestamps.toSql(Timestamps.now()), serviceId);
        String columns = "id, name, template_type, created_at, updated_at, content, archived, hidden, subject, postage, broadcast_data, "
                + "service_id, created_by_id, process_type, service_letter_contact_id, version";
        for (UUID templateId : archived) {
            jdbc.update("INSERT INTO templates_history (" + columns + ") SELECT " + columns + " FROM templates WHERE id = ?", templateId);
        }
    }

    private boolean bumpVersion(UUID id, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE services SET updated_at = ?, version = version + 1");
        List<Object> args = new ArrayList<>();
        args.add(Timestamps.toSql(Timestamps.now()));
        columns.forEach((column, value) -> {
            requireWritable(column);
            sql.append(", ").append(column).append(" = ?");
            args.add(sqlValue(value));
        });
        sql.append(" WHERE id = ?");
        args.add(id);
        try {
            return jdbc.update(sql.toString(), args.toArray()) > 0;
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
    }

    private void insert(Map<String, Object> values) {
        values.keySet().stream().filter(c -> !Set.of("id", "created_at", "created_by_id", "version", "organisation_id").contains(c))
                .forEach(ServiceStore::requireWritable);
        String sql = "INSERT INTO services (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
        try {
            jdbc.update(sql, values.values().stream().map(ServiceStore::sqlValue).toArray());
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
    }

    private void writeHistory(UUID id) {
        jdbc.update("INSERT INTO services_history (" + COLUMNS + ") SELECT " + COLUMNS + " FROM services WHERE id = ?", id);
    }

    private void writePermissions(UUID id, List<String> permissions, Instant now) {
        for (String permission : permissions.stream().distinct().toList()) {
            jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, ?, ?)", id, permission, Timestamps.toSql(now));
        }
    }

    private void setBranding(String table, String column, UUID serviceId, UUID brandingId) {
        jdbc.update("DELETE FROM " + table + " WHERE service_id = ?", serviceId);
        if (brandingId != null) {
            jdbc.update("INSERT INTO " + table + " (service_id, " + column + ") VALUES (?, ?)", serviceId, brandingId);
        }
    }

    private UUID brandingId(String table, String name) {
        return jdbc.queryForList("SELECT id FROM " + table + " WHERE name = ?", UUID.class, name).stream().findFirst().orElse(null);
    }

    record Organisation(UUID id, String organisationType, Boolean crown, UUID emailBrandingId, UUID letterBrandingId) {
    }

    /** The organisation owning the longest domain that the address is at (user@domain) or under (user@x.domain). */
    Optional<Organisation> organisationFor(String emailAddress) {
        String address = emailAddress.toLowerCase(Locale.ROOT);
        return jdbc.query("""
                SELECT o.id, o.organisation_type, o.crown, o.email_branding_id, o.letter_branding_id
                FROM domain d JOIN organisation o ON o.id = d.organisation_id
                WHERE ? LIKE '%@' || lower(d.domain) OR ? LIKE '%.' || lower(d.domain)
                ORDER BY length(d.domain) DESC LIMIT 1""",
                (rs, n) -> new Organisation(rs.getObject(1, UUID.class), rs.getString(2), (Boolean) rs.getObject(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)), address, address).stream().findFirst();
    }

    private static boolean isNhsEmail(String emailAddress) {
        String address = emailAddress.toLowerCase(Locale.ROOT);
        return address.endsWith("@nhs.uk") || address.endsWith(".nhs.uk") || address.endsWith("@nhs.net") || address.endsWith(".nhs.net");
    }

    private static void requireWritable(String column) {
        if (!WRITABLE_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not a writable service column: " + column);
        }
    }

    private static Object sqlValue(Object value) {
        return value instanceof Instant instant ? Timestamps.toSql(instant) : value;
    }

    private static DuplicateService duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        return new DuplicateService(message.contains("services_email_from_key") ? "services_email_from_key" : "services_name_key");
    }

    private static Service row(ResultSet rs, int n) throws SQLException {
        return new Service(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                rs.getBoolean(5), rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9), rs.getObject(10, UUID.class),
                rs.getBoolean(11), rs.getString(12), (Boolean) rs.getObject(13), rs.getInt(14), rs.getString(15),
                (Integer) rs.getObject(16), (Integer) rs.getObject(17), (Integer) rs.getObject(18), (Boolean) rs.getObject(19),
                rs.getBoolean(20), rs.getObject(21, UUID.class), instant(rs.getTimestamp(22)), rs.getObject(23, UUID.class),
                rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27), rs.getString(28), rs.getInt(29));
    }

    private static Instant instant(Timestamp timestamp) {
        return Timestamps.toInstant(timestamp);
    }
}
