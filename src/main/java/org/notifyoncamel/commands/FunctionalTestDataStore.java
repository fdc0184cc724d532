package org.notifyoncamel.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code purge-functional-test-data}: finds users by email prefix, and deletes services
 * with every dependent row, then users, in foreign-key-safe order. {@link #SERVICE_TABLES} and
 * {@link #USER_TABLES} name every table that references services or users (a test compares them with
 * the schema's foreign keys, so a new table cannot be forgotten).
 */
@Component
public class FunctionalTestDataStore {

    /** A matched user: id and email address. */
    public record User(UUID id, String email) {
    }

    /** Deletes for a set of services (:services), children first. */
    static final List<String> SERVICE_DELETES = List.of(
            // cell broadcasts: provider message numbers -> provider messages -> events -> messages
            "DELETE FROM broadcast_provider_message_number WHERE broadcast_provider_message_id IN (SELECT p.id FROM broadcast_provider_message p "
                    + "JOIN broadcast_event e ON e.id = p.broadcast_event_id JOIN broadcast_message m ON m.id = e.broadcast_message_id "
                    + "WHERE m.service_id IN (:services) OR e.service_id IN (:services))",
            "DELETE FROM broadcast_provider_message WHERE broadcast_event_id IN (SELECT e.id FROM broadcast_event e "
                    + "JOIN broadcast_message m ON m.id = e.broadcast_message_id WHERE m.service_id IN (:services) OR e.service_id IN (:services))",
            "DELETE FROM broadcast_event WHERE service_id IN (:services) "
                    + "OR broadcast_message_id IN (SELECT id FROM broadcast_message WHERE service_id IN (:services))",
            "DELETE FROM broadcast_message WHERE service_id IN (:services)",
            "DELETE FROM service_broadcast_settings WHERE service_id IN (:services)",
            "DELETE FROM service_broadcast_provider_restriction WHERE service_id IN (:services)",
            // notifications and what is derived from them
            "DELETE FROM complaints WHERE service_id IN (:services)",
            "DELETE FROM idempotency_keys WHERE service_id IN (:services)",
            "DELETE FROM notifications WHERE service_id IN (:services)",
            "DELETE FROM notification_history WHERE service_id IN (:services)",
            "DELETE FROM inbound_sms WHERE service_id IN (:services)",
            "DELETE FROM inbound_sms_history WHERE service_id IN (:services)",
            "DELETE FROM ft_notification_status WHERE service_id IN (:services)",
            "DELETE FROM ft_billing WHERE service_id IN (:services)",
            "DELETE FROM jobs WHERE service_id IN (:services)",
            "DELETE FROM service_contact_list WHERE service_id IN (:services)",
            // templates and folders (folder permissions cascade from user_to_service / template_folder)
            "DELETE FROM template_folder_map WHERE template_id IN (SELECT id FROM templates WHERE service_id IN (:services)) "
                    + "OR template_folder_id IN (SELECT id FROM template_folder WHERE service_id IN (:services))",
            "DELETE FROM user_folder_permissions WHERE service_id IN (:services)",
            "DELETE FROM template_folder WHERE service_id IN (:services)",
            "DELETE FROM template_redacted WHERE template_id IN (SELECT id FROM templates WHERE service_id IN (:services))",
            "DELETE FROM templates WHERE service_id IN (:services)",
            "DELETE FROM templates_history WHERE service_id IN (:services)",
            // keys, senders, callbacks
            "DELETE FROM api_keys WHERE service_id IN (:services)",
            "DELETE FROM api_keys_history WHERE service_id IN (:services)",
            "DELETE FROM service_sms_senders WHERE service_id IN (:services)",
            // inbound numbers are a pool loaded by a command: released, not deleted
            "UPDATE inbound_numbers SET service_id = NULL, updated_at = now() AT TIME ZONE 'UTC' WHERE service_id IN (:services)",
            "DELETE FROM service_email_reply_to WHERE service_id IN (:services)",
            "DELETE FROM service_letter_contacts WHERE service_id IN (:services)",
            "DELETE FROM service_callback_api WHERE service_id IN (:services)",
            "DELETE FROM service_callback_api_history WHERE service_id IN (:services)",
            "DELETE FROM service_inbound_api WHERE service_id IN (:services)",
            "DELETE FROM service_inbound_api_history WHERE service_id IN (:services)",
            "DELETE FROM parked_callbacks WHERE service_id IN (:services)",
            "DELETE FROM service_callback_circuits WHERE service_id IN (:services)",
            // settings, team and the service itself
            "DELETE FROM service_whitelist WHERE service_id IN (:services)",
            "DELETE FROM service_data_retention WHERE service_id IN (:services)",
            "DELETE FROM annual_billing WHERE service_id IN (:services)",
            "DELETE FROM service_email_branding WHERE service_id IN (:services)",
            "DELETE FROM service_letter_branding WHERE service_id IN (:services)",
            "DELETE FROM service_permissions WHERE service_id IN (:services)",
            "DELETE FROM permissions WHERE service_id IN (:services)",
            "DELETE FROM invited_users WHERE service_id IN (:services)",
            "DELETE FROM user_to_service WHERE service_id IN (:services)",
            "DELETE FROM services_history WHERE id IN (:services)",
            "DELETE FROM services WHERE id IN (:services)");

    /**
     * Deletes and unlinks for a set of users (:users), once their services are gone. Optional
     * references from rows that stay (an organisation's agreement signer, another service's go-live
     * user, provider changes, one-off sends) are set to null; required ones (a template of a service
     * the user did not belong to) make the user's deletion fail, and the user is kept.
     */
    static final List<String> USER_DELETES = List.of(
            "DELETE FROM verify_codes WHERE user_id IN (:users)",
            "DELETE FROM permissions WHERE user_id IN (:users)",
            "DELETE FROM invited_users WHERE user_id IN (:users)",
            "DELETE FROM user_to_service WHERE user_id IN (:users)",
            "DELETE FROM user_to_organisation WHERE user_id IN (:users)",
            "UPDATE organisation SET agreement_signed_by_id = NULL WHERE agreement_signed_by_id IN (:users)",
            "UPDATE services SET go_live_user_id = NULL WHERE go_live_user_id IN (:users)",
            "UPDATE services_history SET go_live_user_id = NULL WHERE go_live_user_id IN (:users)",
            "UPDATE provider_details SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE provider_details_history SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE jobs SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE notifications SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE notification_history SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE service_contact_list SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE broadcast_message SET created_by_id = NULL WHERE created_by_id IN (:users)",
            "UPDATE broadcast_message SET approved_by_id = NULL WHERE approved_by_id IN (:users)",
            "UPDATE broadcast_message SET cancelled_by_id = NULL WHERE cancelled_by_id IN (:users)",
            "DELETE FROM users WHERE id IN (:users)");

    /** Every table with a foreign key to services(id), or rows keyed by service_id, that the purge clears. */
    public static final List<String> SERVICE_TABLES = tables(SERVICE_DELETES);

    /** Every table with a foreign key to users(id) that the purge clears or unlinks. */
    public static final List<String> USER_TABLES = tables(USER_DELETES);

    private final NamedParameterJdbcTemplate jdbc;

    public FunctionalTestDataStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Users whose email address starts with the prefix (LIKE wildcards in the prefix are literal). */
    public List<User> usersWithEmailPrefix(String prefix) {
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.query("SELECT id, email_address FROM users WHERE email_address LIKE :pattern ORDER BY email_address",
                Map.of("pattern", escaped + "%"), (rs, i) -> new User(rs.getObject(1, UUID.class), rs.getString(2)));
    }

    /** Services the user belongs to or created. */
    public List<UUID> servicesOf(UUID userId) {
        return jdbc.queryForList("SELECT service_id FROM user_to_service WHERE user_id = :user "
                + "UNION SELECT id FROM services WHERE created_by_id = :user", Map.of("user", userId), UUID.class);
    }

    /** Deletes the services and every row that depends on them. */
    public void deleteServices(List<UUID> services) {
        if (services.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("services", services);
        for (String sql : SERVICE_DELETES) {
            jdbc.update(sql, params);
        }
    }

    /** Deletes the users (their services must be gone); fails on a required reference from a row that stays. */
    public void deleteUsers(List<UUID> users) {
        MapSqlParameterSource params = new MapSqlParameterSource("users", users);
        for (String sql : USER_DELETES) {
            jdbc.update(sql, params);
        }
    }

    private static List<String> tables(List<String> statements) {
        List<String> tables = new ArrayList<>();
        for (String sql : statements) {
            String[] words = sql.split("\\s+");
            String table = words[0].equals("DELETE") ? words[2] : words[1];
            if (!tables.contains(table)) {
                tables.add(table);
            }
        }
        return List.copyOf(tables);
    }
}
