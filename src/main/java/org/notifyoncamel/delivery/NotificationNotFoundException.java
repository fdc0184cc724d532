package org.notifyoncamel.delivery;

/** A deliver task for a row that is not (yet) visible: retried like any other failure. */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String notificationId) {
        super("Notification " + notificationId + " not found");
    }
}
