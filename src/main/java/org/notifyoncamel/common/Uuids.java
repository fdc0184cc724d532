package org.notifyoncamel.common;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUID handling for ids that arrive in requests (notifications-api app/schema_validation/__init__.py, the uuid format).
 *
 * <p>Two questions are answered separately because the original answers them differently:
 * <ul>
 *   <li>{@link #parse(String)}: is the value a valid UUID for request validation? Lenient, like
 *       Python's {@code uuid.UUID(str)}: {@code urn:}/{@code uuid:} removed, surrounding braces
 *       stripped, all hyphens removed, 32 hex digits left.</li>
 *   <li>{@link #forLookup(String)}: the id to look a row up with. Only the forms PostgreSQL's
 *       {@code uuid} input accepts; a value that passed {@link #parse} but is absent here must be
 *       answered as "No result found" (404), never as a validation error.</li>
 * </ul>
 */
public final class Uuids {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private Uuids() {
    }

    /** Canonical lowercase form of a UUID. */
    public static String canonical(UUID uuid) {
        return uuid.toString().toLowerCase(Locale.ROOT);
    }

    /** True when {@code value} is a string accepted by {@link #parse(String)}; non-strings are invalid. */
    public static boolean isValid(Object value) {
        return value instanceof String s && parse(s).isPresent();
    }

    /**
     * Lenient (Python-compatible) parse. Returns the UUID, or empty when the value is not a valid
     * UUID (the caller then reports {@code "<field> is not a valid UUID"}).
     */
    public static Optional<UUID> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String hex = value.replace("urn:", "").replace("uuid:", "");
        hex = stripBraces(hex).replace("-", "");
        if (hex.codePointCount(0, hex.length()) != 32) {
            return Optional.empty();
        }
        String digits = pythonHexDigits(hex);
        if (digits == null) {
            return Optional.empty();
        }
        String padded = "0".repeat(32 - digits.length()) + digits;
        return Optional.of(fromHex32(padded));
    }

    /** Lenient parse returning the canonical lowercase form. */
    public static Optional<String> canonical(String value) {
        return parse(value).map(Uuids::canonical);
    }

    /**
     * The UUID to use for a database lookup: only forms PostgreSQL accepts (32 hex digits,
     * optionally inside one pair of braces, optionally with single hyphens after any group of four
     * hex digits). Empty means "valid perhaps, but no row can match" (404).
     */
    public static Optional<UUID> forLookup(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = value;
        if (s.startsWith("{")) {
            if (!s.endsWith("}") || s.length() < 2) {
                return Optional.empty();
            }
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder hex = new StringBuilder(32);
        int i = 0;
        for (int group = 0; group < 8; group++) {
            if (i + 4 > s.length()) {
                return Optional.empty();
            }
            String part = s.substring(i, i + 4);
            if (!HEX.matcher(part).matches()) {
                return Optional.empty();
            }
            hex.append(part);
            i += 4;
            if (group < 7 && i < s.length() && s.charAt(i) == '-') {
                i++;
            }
        }
        if (i != s.length()) {
            return Optional.empty();
        }
        return Optional.of(fromHex32(hex.toString()));
    }

    private static String stripBraces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '{' || s.charAt(start) == '}')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '{' || s.charAt(end - 1) == '}')) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * What Python's {@code int(s, 16)} accepts: surrounding whitespace, an optional {@code +},
     * an optional {@code 0x}, and single underscores between digits. Returns the bare hex digits or
     * null.
     */
    private static String pythonHexDigits(String s) {
        String t = s.strip();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            t = t.substring(2);
            if (t.startsWith("_")) {
                t = t.substring(1);
            }
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return null;
        }
        String digits = t.replace("_", "");
        if (!HEX.matcher(digits).matches()) {
            return null;
        }
        return digits;
    }

    private static UUID fromHex32(String hex) {
        if (!HEX32.matcher(hex).matches()) {
            throw new IllegalArgumentException(hex);
        }
        long msb = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lsb = Long.parseUnsignedLong(hex.substring(16), 16);
        return new UUID(msb, lsb);
    }
}
