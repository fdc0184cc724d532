package org.notifyoncamel.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code datetime_within_next_day} format of {@code scheduled_for} (notifications-api app/v2/notifications/notification_schemas.py): an
 * ISO-8601 datetime, offset discarded, in the future and at most 24 hours ahead. A valid value is honoured:
 * the notification is sent at that time (docs/adr/0151).
 */
final class ScheduledFor {

    static final String INVALID = "datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601";

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private ScheduledFor() {
    }

    /** The checker's message, or null when the value is acceptable. */
    static String problem(String value, Clock clock) {
        LocalDateTime when = parse(value);
        if (when == null) {
            return INVALID;
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        if (when.isBefore(now)) {
            return "datetime can not be in the past";
        }
        if (when.isAfter(now.plusHours(24))) {
            return "datetime can only be 24 hours in the future";
        }
        return null;
    }

    /** The time to send at (UTC, the offset discarded as the checker does) of a value {@link #problem} accepted. */
    static Instant instant(String value) {
        LocalDateTime when = parse(value);
        if (when == null) {
            throw new IllegalArgumentException("not a scheduled_for value");
        }
        return when.toInstant(ZoneOffset.UTC);
    }

    /** The value as a UTC time with any offset dropped (not converted), as the original reads it; null when unparseable. */
    static LocalDateTime parse(String value) {
        Matcher m = ISO.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
