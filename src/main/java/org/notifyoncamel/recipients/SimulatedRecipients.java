package org.notifyoncamel.recipients;

import java.util.Set;

/**
 * Smoke-test recipients (notifications-api app/config.py SIMULATED_EMAIL_ADDRESSES and SIMULATED_SMS_NUMBERS): requests to them get a normal 201 but
 * nothing is stored or sent.
 */
public final class SimulatedRecipients {

    public static final Set<String> EMAIL_ADDRESSES = Set.of(
        "simulate-delivered@notifications.service.gov.uk",
        "simulate-delivered-2@notifications.service.gov.uk",
        "simulate-delivered-3@notifications.service.gov.uk");

    /** Formatted (see {@link PhoneNumbers#validateUk}) simulated numbers. */
    public static final Set<String> PHONE_NUMBERS = Set.of("447700900000", "447700900111", "447700900222");

    private SimulatedRecipients() {
    }

    /** Whether an already formatted number (e.g. {@code 447700900000}) is simulated. */
    public static boolean isSimulatedNumber(String formattedNumber) {
        return PHONE_NUMBERS.contains(formattedNumber);
    }

    /** Whether a raw number is simulated; numbers that do not validate as UK numbers are not. */
    public static boolean isSimulatedRawNumber(String rawNumber) {
        try {
            return PHONE_NUMBERS.contains(PhoneNumbers.validateUk(rawNumber));
        } catch (InvalidRecipientException e) {
            return false;
        }
    }

    /** Whether an email address, exactly as sent, is simulated (no case folding, as the original). */
    public static boolean isSimulatedEmail(String emailAddress) {
        return EMAIL_ADDRESSES.contains(emailAddress);
    }
}
