package org.notifyoncamel.recipients;

import java.util.Set;

/**
 * Mobile number validation and formatting (notifications-utils notifications_utils/recipients.py).
 *
 * <p>Every validation method returns the formatted number (digits only, no {@code +}, UK numbers
 * as {@code 447…}) or throws {@link InvalidRecipientException} with the original's reason text.
 * Unlike the original, the UK country prefix {@code 44} is stripped once, not every leading 4.
 */
public final class PhoneNumbers {

    public static final String UK_PREFIX = "44";

    static final String NOT_UK_MOBILE = "Not a UK mobile number";
    static final String TOO_MANY_DIGITS = "Too many digits";
    static final String NOT_ENOUGH_DIGITS = "Not enough digits";
    static final String NOT_VALID_PREFIX = "Not a valid country prefix";
    static final String LETTERS_OR_SYMBOLS = "Must not contain letters or symbols";

    /** Characters removed by {@link #normalise(String)} besides ASCII whitespace. */
    private static final String REMOVED = "\u180E\u200B\u200C\u200D\u2060\u00A0\uFEFF()-+";
    private static final String ASCII_WHITESPACE = " \t\n\r\u000B\u000C";

    private static final Set<String> CROWN_DEPENDENCY_RANGES = Set.of(
        "7781", "7839", "7911", "7509", "7797", "7937", "7700", "7829", "7624", "7524", "7924");
    private static final String TV_RANGE = "447700900";

    private final InternationalBillingRates rates;

    public PhoneNumbers(InternationalBillingRates rates) {
        this.rates = rates;
    }

    /** International facts about a valid number. */
    public record InternationalInfo(
        String prefix, boolean crownDependency, boolean international, int rateMultiplier, boolean dlrSupported) {
    }

    /**
     * Removes whitespace, invisible characters, brackets, hyphens and {@code +}; the rest must be
     * decimal digits; leading zeros are stripped.
     */
    public static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (ASCII_WHITESPACE.indexOf(cp) >= 0 || REMOVED.indexOf(cp) >= 0) {
                return;
            }
            if (!Character.isDigit(cp)) {
                throw new InvalidRecipientException(LETTERS_OR_SYMBOLS);
            }
            out.appendCodePoint(cp);
        });
        int start = 0;
        while (start < out.length() && out.charAt(start) == '0') {
            start++;
        }
        return out.substring(start);
    }

    /** Whether the number is treated as a UK number (and so validated with the UK rules). */
    public static boolean isUk(String raw) {
        if (raw.startsWith("0") && !raw.startsWith("00")) {
            return true;
        }
        String number = normalise(raw);
        return number.startsWith(UK_PREFIX) || (number.startsWith("7") && length(number) < 11);
    }

    /** A text message sender as sent: a valid UK mobile becomes {@code 447…}; anything else (e.g. {@code GOVUK}) stays as it is. */
    public static String senderOrUkFormat(String sender) {
        if (sender == null) {
            return null;
        }
        try {
            return validateUk(sender);
        } catch (InvalidRecipientException e) {
            return sender;
        }
    }

    /** Validates a UK mobile number and returns it as {@code 44} + 10 digits. */
    public static String validateUk(String raw) {
        String number = normalise(raw);
        if (number.startsWith(UK_PREFIX)) {
            number = number.substring(UK_PREFIX.length());
        }
        number = stripLeadingZeros(number);
        if (!number.startsWith("7")) {
            throw new InvalidRecipientException(NOT_UK_MOBILE);
        }
        int length = length(number);
        if (length > 10) {
            throw new InvalidRecipientException(TOO_MANY_DIGITS);
        }
        if (length < 10) {
            throw new InvalidRecipientException(NOT_ENOUGH_DIGITS);
        }
        return UK_PREFIX + number;
    }

    /** Validates a non-UK number against the known country prefixes and returns its digits. */
    public String validateInternational(String raw) {
        String number = normalise(raw);
        int length = length(number);
        if (length < 8) {
            throw new InvalidRecipientException(NOT_ENOUGH_DIGITS);
        }
        if (length > 15) {
            throw new InvalidRecipientException(TOO_MANY_DIGITS);
        }
        if (rates.match(number).isEmpty()) {
            throw new InvalidRecipientException(NOT_VALID_PREFIX);
        }
        return number;
    }

    /**
     * Validates and formats a number: UK rules for UK numbers or when international numbers are not
     * allowed, international rules otherwise.
     */
    public String validate(String raw, boolean allowInternational) {
        if (!allowInternational || isUk(raw)) {
            return validateUk(raw);
        }
        return validateInternational(raw);
    }

    /** International facts of a number (validated with international numbers allowed). */
    public InternationalInfo internationalInfo(String raw) {
        String number = validate(raw, true);
        InternationalBillingRates.Rate rate = rates.match(number)
            .orElseThrow(() -> new InvalidRecipientException(NOT_VALID_PREFIX));
        boolean crown = isCrownDependency(number);
        boolean international = !UK_PREFIX.equals(rate.prefix()) || crown;
        return new InternationalInfo(rate.prefix(), crown, international, rate.billableUnits(), rate.dlrSupported());
    }

    /** Whether a formatted number is in a Jersey, Guernsey or Isle of Man mobile range. */
    public static boolean isCrownDependency(String formatted) {
        return formatted.length() >= 6
            && formatted.startsWith(UK_PREFIX)
            && CROWN_DEPENDENCY_RANGES.contains(formatted.substring(2, 6))
            && !formatted.startsWith(TV_RANGE);
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
