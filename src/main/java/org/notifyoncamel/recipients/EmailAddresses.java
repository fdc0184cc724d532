package org.notifyoncamel.recipients;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email address validation and normalisation (notifications-utils notifications_utils/recipients.py). */
public final class EmailAddresses {

    static final String INVALID = "Not a valid email address";

    private static final String INVISIBLE = "\u180E\u200B\u200C\u200D\u2060\u00A0\uFEFF";
    private static final String ASCII_WHITESPACE = " \t\n\r\u000B\u000C";

    private static final Pattern ADDRESS = Pattern.compile(
        "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HOST_LABEL = Pattern.compile(
        "(xn-|[a-z0-9]+)(-[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile(
        "([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)", Pattern.CASE_INSENSITIVE);

    private EmailAddresses() {
    }

    /** Removes invisible characters and surrounding ASCII whitespace. */
    public static String strip(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> INVISIBLE.indexOf(cp) < 0).forEach(out::appendCodePoint);
        int start = 0;
        int end = out.length();
        while (start < end && ASCII_WHITESPACE.indexOf(out.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ASCII_WHITESPACE.indexOf(out.charAt(end - 1)) >= 0) {
            end--;
        }
        return out.substring(start, end);
    }

    /**
     * Validates an address and returns it stripped (case kept). Throws
     * {@link InvalidRecipientException} with {@code Not a valid email address}.
     */
    public static String validate(String raw) {
        String address = strip(raw);
        var match = ADDRESS.matcher(address);
        if (!match.matches() || address.length() > 320 || address.contains("..")) {
            throw invalid();
        }
        String host;
        try {
            host = IDN.toASCII(match.group(1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253 || labels.length < 2) {
            throw invalid();
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || !HOST_LABEL.matcher(label).matches()) {
                throw invalid();
            }
        }
        if (!TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches()) {
            throw invalid();
        }
        return address;
    }

    public static boolean isValid(String raw) {
        try {
            validate(raw);
            return true;
        } catch (InvalidRecipientException e) {
            return false;
        }
    }

    /** Validates and returns the form stored as {@code normalised_to}: stripped and lower-cased. */
    public static String normalise(String raw) {
        return validate(raw).toLowerCase(Locale.ROOT);
    }

    private static InvalidRecipientException invalid() {
        return new InvalidRecipientException(INVALID);
    }
}
