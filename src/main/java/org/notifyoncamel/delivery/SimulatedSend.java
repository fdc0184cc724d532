package org.notifyoncamel.delivery;

import java.util.UUID;

/**
 * A research-mode or test-key notification, already marked as sent by {@code provider} without
 * calling it; its receipt is simulated (notifications-api app/celery/research_mode_tasks.py).
 */
public record SimulatedSend(UUID notificationId, String type, String provider, String to, String reference) implements DeliverySend {

    @Override
    public String channel() {
        return "simulated";
    }

    @Override
    public String toString() {
        return "SimulatedSend[" + notificationId + "]";
    }
}
