package org.notifyoncamel.commands;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What replay-service-callbacks reads: the service's delivery-status callback and its notifications by client reference. */
@Repository
public class CallbackReplayStore {

    private final JdbcTemplate jdbc;

    public CallbackReplayStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasDeliveryStatusCallback(UUID serviceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM service_callback_api WHERE service_id = ? AND callback_type = 'delivery_status')", Boolean.class, serviceId));
    }

    /** The service's notifications (still in the notifications table) with this client reference, oldest first. */
    List<UUID> notificationIds(UUID serviceId, String clientReference) {
        return jdbc.queryForList("SELECT id FROM notifications WHERE service_id = ? AND client_reference = ? ORDER BY created_at, id",
                UUID.class, serviceId, clientReference);
    }
}
