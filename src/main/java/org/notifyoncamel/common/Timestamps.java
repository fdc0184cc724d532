package org.notifyoncamel.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The spec's timestamp formats. The database holds UTC in {@code timestamp without time zone}. */
public final class Timestamps {

    /** {@code 2021-02-01T12:34:56.123456Z}: DATETIME_FORMAT, used by v2 and most internal responses. */
    public static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** {@code 2021-02-01 12:34:56.123456}: DATETIME_FORMAT_NO_TIMEZONE, used by some internal responses. */
    public static final DateTimeFormatter NO_TIMEZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Now, truncated to microseconds (what PostgreSQL stores). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String iso(Instant instant) {
        return instant == null ? null : ISO_MICROS.format(instant);
    }

    public static String iso(Timestamp timestamp) {
        return timestamp == null ? null : iso(toInstant(timestamp));
    }

    public static String noTimezone(Timestamp timestamp) {
        return timestamp == null ? null : NO_TIMEZONE.format(toInstant(timestamp));
    }

    /** Reads a {@code timestamp without time zone} column as UTC, whatever the JVM's zone. */
    public static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** Writes an Instant to a {@code timestamp without time zone} column as UTC. */
    public static Timestamp toSql(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
