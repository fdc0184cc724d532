package org.notifyoncamel.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** users and what the user JSON shows about them: active services, organisations, permissions per service. */
@Repository
public class UserStore {

    /** Raised when an email address (compared case-insensitively) is already taken. */
    public static class DuplicateEmail extends RuntimeException {
        public DuplicateEmail() {
            super("duplicate email address");
        }
    }

    public record User(UUID id, String name, String emailAddress, Instant createdAt, Instant updatedAt, String mobileNumber,
                       Instant passwordChangedAt, Instant loggedInAt, int failedLoginCount, String state, boolean platformAdmin,
                       UUID currentSessionId, String authType, Instant emailAccessValidatedAt) {
    }

    public record NewUser(String name, String emailAddress, String password, String mobileNumber, String authType, String state,
                          boolean platformAdmin, int failedLoginCount, Instant loggedInAt, UUID currentSessionId) {
    }

    /** Columns POST /user/{uid} may change (null values clear nullable columns). */
    public static final List<String> UPDATABLE = List.of("name", "email_address", "mobile_number", "auth_type",
            "current_session_id", "email_access_validated_at");

    private static final String COLUMNS = "id, name, email_address, created_at, updated_at, mobile_number, password_changed_at, "
            + "logged_in_at, failed_login_count, state, platform_admin, current_session_id, auth_type, email_access_validated_at";

    private final JdbcTemplate jdbc;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

    public UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public User create(NewUser user) {
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = Timestamps.toSql(Timestamps.now());
        try {
            jdbc.update("INSERT INTO users (id, name, email_address, created_at, _password, mobile_number, password_changed_at, "
                            + "logged_in_at, failed_login_count, state, platform_admin, current_session_id, auth_type, email_access_validated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, user.name(), user.emailAddress(), now, passwords.encode(user.password()), user.mobileNumber(), now,
                    Timestamps.toSql(user.loggedInAt()), user.failedLoginCount(), user.state(), user.platformAdmin(),
                    user.currentSessionId(), user.authType(), now);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmail();
        }
        return find(id).orElseThrow();
    }

    public Optional<User> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::row, id).stream().findFirst();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE lower(email_address) = lower(?)", UserStore::row, email)
                .stream().findFirst();
    }

    public List<User> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM users ORDER BY created_at, id", UserStore::row);
    }

    public boolean exists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM users WHERE id = ?)", Boolean.class, id));
    }

    /** Sets the given columns (keys from {@link #UPDATABLE}); answers the updated user or empty if unknown. */
    public Optional<User> update(UUID id, Map<String, Object> changes) {
        if (!changes.isEmpty()) {
            StringBuilder sql = new StringBuilder("UPDATE users SET updated_at = ?");
            List<Object> args = new java.util.ArrayList<>();
            args.add(Timestamps.toSql(Timestamps.now()));
            changes.forEach((column, value) -> {
                if (!UPDATABLE.contains(column)) {
                    throw new IllegalArgumentException("not an updatable user column: " + column);
                }
                sql.append(", ").append(column).append(" = ?");
                args.add(value instanceof Instant instant ? Timestamps.toSql(instant) : value);
            });
            sql.append(" WHERE id = ?");
            args.add(id);
            try {
                jdbc.update(sql.toString(), args.toArray());
            } catch (DuplicateKeyException e) {
                throw new DuplicateEmail();
            }
        }
        return find(id);
    }

    public void activate(UUID id) {
        jdbc.update("UPDATE users SET state = 'active', updated_at = ? WHERE id = ?", Timestamps.toSql(Timestamps.now()), id);
    }

    public List<UUID> activeServiceIds(UUID userId) {
        return jdbc.queryForList("""
                SELECT s.id FROM user_to_service us JOIN services s ON s.id = us.service_id
                WHERE us.user_id = ? AND s.active ORDER BY s.created_at, s.id""", UUID.class, userId);
    }

    public List<UUID> activeOrganisationIds(UUID userId) {
        return jdbc.queryForList("""
                SELECT o.id FROM user_to_organisation uo JOIN organisation o ON o.id = uo.organisation_id
                WHERE uo.user_id = ? AND o.active ORDER BY o.name""", UUID.class, userId);
    }

    /** Permission names per active service: {@code {service_id: [permission, ...]}}. */
    public Map<String, List<String>> permissions(UUID userId) {
        Map<String, List<String>> byService = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.service_id, p.permission::text FROM permissions p JOIN services s ON s.id = p.service_id
                WHERE p.user_id = ? AND s.active ORDER BY p.service_id, p.created_at, p.permission""", rs -> {
            byService.computeIfAbsent(rs.getObject(1, UUID.class).toString(), k -> new java.util.ArrayList<>()).add(rs.getString(2));
        }, userId);
        return byService;
    }

    /**
     * Archives a user: leaves every service and organisation, loses all permissions, the email address gets the
     * {@code _archived_<date>_} prefix, the password becomes unknowable and the state {@code inactive}.
     */
    @Transactional
    public void archive(UUID userId) {
        Instant now = Timestamps.now();
        jdbc.update("DELETE FROM user_folder_permissions WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM permissions WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM user_to_service WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM user_to_organisation WHERE user_id = ?", userId);
        String prefix = "_archived_" + java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) + "_";
        jdbc.update("""
                UPDATE users SET email_address = left(? || email_address, 255), mobile_number = NULL, _password = ?,
                       current_session_id = '00000000-0000-0000-0000-000000000000', state = 'inactive', auth_type = 'email_auth',
                       updated_at = ?
                WHERE id = ?""", prefix, passwords.encode(UUID.randomUUID().toString()), Timestamps.toSql(now), userId);
    }

    /** Active services the user belongs to where nobody else active has {@code manage_settings}. */
    public List<UUID> servicesOnlyThisUserManages(UUID userId) {
        return jdbc.queryForList("""
                SELECT us.service_id FROM user_to_service us JOIN services s ON s.id = us.service_id
                WHERE us.user_id = ? AND s.active AND NOT EXISTS (
                    SELECT 1 FROM permissions p JOIN users u ON u.id = p.user_id
                    WHERE p.service_id = us.service_id AND p.user_id <> ? AND p.permission = 'manage_settings' AND u.state = 'active')""",
                UUID.class, userId, userId);
    }

    private static User row(ResultSet rs, int n) throws SQLException {
        return new User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Timestamps.toInstant(rs.getTimestamp(4)),
                Timestamps.toInstant(rs.getTimestamp(5)), rs.getString(6), Timestamps.toInstant(rs.getTimestamp(7)),
                Timestamps.toInstant(rs.getTimestamp(8)), rs.getInt(9), rs.getString(10), rs.getBoolean(11),
                rs.getObject(12, UUID.class), rs.getString(13), Timestamps.toInstant(rs.getTimestamp(14)));
    }
}
