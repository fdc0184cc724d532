package org.notifyoncamel.delivery;

/**
 * What {@code NotificationDelivery#prepare} hands the deliver route: the route chooses the next hop on
 * {@link #channel()} (a field, not the Java class).
 */
public sealed interface DeliverySend permits SmsSend, EmailSend, SimulatedSend {

    /** {@code sms}, {@code email} or {@code simulated}: the deliver-notification route's choice. */
    String channel();
}
