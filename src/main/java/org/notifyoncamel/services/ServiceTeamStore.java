package org.notifyoncamel.services;

import java.util.List;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Team membership (user_to_service), per-service user permissions and folder permissions. */
@Repository
public class ServiceTeamStore {

    /** Every user permission except {@code platform_admin}: what a service's creator gets. */
    public static final List<String> DEFAULT_USER_PERMISSIONS = List.of("manage_users", "manage_templates", "manage_settings",
            "send_texts", "send_emails", "send_letters", "manage_api_keys", "view_activity");

    public static final List<String> USER_PERMISSIONS = List.of("manage_users", "manage_templates", "manage_settings",
            "send_texts", "send_emails", "send_letters", "manage_api_keys", "platform_admin", "view_activity");

    private final JdbcTemplate jdbc;

    public ServiceTeamStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> memberIds(UUID serviceId) {
        return jdbc.queryForList("""
                SELECT us.user_id FROM user_to_service us JOIN users u ON u.id = us.user_id
                WHERE us.service_id = ? ORDER BY u.created_at, u.id""", UUID.class, serviceId);
    }

    public boolean isMember(UUID serviceId, UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM user_to_service WHERE service_id = ? AND user_id = ?)", Boolean.class, serviceId, userId));
    }

    /** Folders of this service among {@code folderIds}. */
    public List<UUID> foldersOfService(UUID serviceId, List<UUID> folderIds) {
        if (folderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT id FROM template_folder WHERE service_id = ? AND id = ANY (?)", UUID.class,
                serviceId, folderIds.toArray(UUID[]::new));
    }

    /** Adds a member with these permissions; false if the user was already a member (nothing changed). */
    @Transactional
    public boolean add(UUID serviceId, UUID userId, List<String> permissions, List<UUID> folderIds) {
        int added = jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?) ON CONFLICT DO NOTHING", userId, serviceId);
        if (added == 0) {
            return false;
        }
        writePermissions(serviceId, userId, permissions, folderIds);
        return true;
    }

    /** Replaces the member's permissions and folder permissions on the service; false if not a member. */
    @Transactional
    public boolean replacePermissions(UUID serviceId, UUID userId, List<String> permissions, List<UUID> folderIds) {
        if (!isMember(serviceId, userId)) {
            return false;
        }
        jdbc.update("DELETE FROM permissions WHERE service_id = ? AND user_id = ?", serviceId, userId);
        jdbc.update("DELETE FROM user_folder_permissions WHERE service_id = ? AND user_id = ?", serviceId, userId);
        writePermissions(serviceId, userId, permissions, folderIds);
        return true;
    }

    @Transactional
    public void remove(UUID serviceId, UUID userId) {
        jdbc.update("DELETE FROM user_folder_permissions WHERE service_id = ? AND user_id = ?", serviceId, userId);
        jdbc.update("DELETE FROM permissions WHERE service_id = ? AND user_id = ?", serviceId, userId);
        jdbc.update("DELETE FROM user_to_service WHERE service_id = ? AND user_id = ?", serviceId, userId);
    }

    private void writePermissions(UUID serviceId, UUID userId, List<String> permissions, List<UUID> folderIds) {
        java.sql.Timestamp now = Timestamps.toSql(Timestamps.now());
        for (String permission : permissions.stream().distinct().toList()) {
            jdbc.update("INSERT INTO permissions (id, service_id, user_id, permission, created_at) VALUES (?, ?, ?, ?::permission_types, ?)",
                    UUID.randomUUID(), serviceId, userId, permission, now);
        }
        for (UUID folderId : folderIds.stream().distinct().toList()) {
            jdbc.update("INSERT INTO user_folder_permissions (user_id, template_folder_id, service_id) VALUES (?, ?, ?)",
                    userId, folderId, serviceId);
        }
    }
}
