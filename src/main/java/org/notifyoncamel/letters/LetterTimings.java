package org.notifyoncamel.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Print and delivery dates of letters (notifications-utils notifications_utils/letter_timings.py; notifications-api
 * app/letters/utils.py): DVLA prints Monday to Friday,
 * Royal Mail delivers Monday to Saturday, neither on England and Wales bank holidays; letters created after
 * 17:30 London are printed the day after.
 */
public final class LetterTimings {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final LocalTime PRINT_DEADLINE = LocalTime.of(17, 30);
    private static final Set<LocalDate> BANK_HOLIDAYS = load();
    private static final DateTimeFormatter FILE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC);

    private LetterTimings() {
    }

    /**
     * {@code estimated_delivery}: created_at in London plus 6 h 30, the next DVLA working day strictly after that
     * date prints it, then 1 + transit days (first 0, second 1, europe 3, rest-of-world 5) Royal Mail working days;
     * 16:00 London of that day, keeping created_at's seconds and fractions (the original's quirk).
     */
    public static Instant estimatedDelivery(Instant createdAt, String postage) {
        ZonedDateTime created = createdAt.atZone(LONDON);
        LocalDate printDay = created.plusHours(6).plusMinutes(30).toLocalDate().plusDays(1);
        while (!isDvlaWorkingDay(printDay)) {
            printDay = printDay.plusDays(1);
        }
        int transit = switch (postage == null ? "second" : postage) {
            case "first" -> 0;
            case "europe" -> 3;
            case "rest-of-world" -> 5;
            default -> 1;
        };
        LocalDate delivery = printDay;
        for (int days = 0; days < 1 + transit; ) {
            delivery = delivery.plusDays(1);
            if (isRoyalMailWorkingDay(delivery)) {
                days++;
            }
        }
        return ZonedDateTime.of(delivery, LocalTime.of(16, 0, created.getSecond(), created.getNano()), LONDON).toInstant();
    }

    /**
     * The print-date folder: London date of created_at, the next calendar day after 17:30 (notifications-api
     * app/letters/utils.py).
     */
    public static LocalDate printDate(Instant createdAt) {
        ZonedDateTime created = createdAt.atZone(LONDON);
        return created.toLocalTime().isAfter(PRINT_DEADLINE) ? created.toLocalDate().plusDays(1) : created.toLocalDate();
    }

    /**
     * {@code {folder}NOTIFY.{REF}.D.{class}.C.{crown}.{YYYYMMDDHHMMSS}.PDF}, upper-cased; no folder for test keys.
     */
    public static String pdfFileName(String reference, String postage, boolean crown, Instant createdAt, boolean testKey) {
        String folder = testKey ? "" : printDate(createdAt) + "/";
        String name = folder + "NOTIFY." + reference + ".D." + postageClass(postage) + ".C." + (crown ? "C" : "N") + "."
                + FILE_TIMESTAMP.format(createdAt) + ".PDF";
        return name.toUpperCase(Locale.ROOT);
    }

    /** {@code 1} first, {@code 2} second (and economy, ADR 0111), {@code E} europe, {@code N} rest of world. */
    public static String postageClass(String postage) {
        return switch (postage == null ? "second" : postage) {
            case "first" -> "1";
            case "europe" -> "E";
            case "rest-of-world" -> "N";
            default -> "2";
        };
    }

    public static boolean isDvlaWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !BANK_HOLIDAYS.contains(day);
    }

    public static boolean isRoyalMailWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SUNDAY && !BANK_HOLIDAYS.contains(day);
    }

    private static Set<LocalDate> load() {
        try (InputStream in = LetterTimings.class.getResourceAsStream("/data/bank-holidays-england-and-wales.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing data/bank-holidays-england-and-wales.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * notifications-utils' {@code letter_can_be_cancelled} (notifications-utils notifications_utils/letter_timings.py),
     * London times: only created or
     * pending-virus-check letters; not once today's 17:30 run has collated them; not when created before 17:30 on an
     * earlier day; not when created more than one calendar day ago.
     */
    public static boolean canBeCancelled(String status, Instant createdAt, Instant now) {
        if (!"created".equals(status) && !"pending-virus-check".equals(status)) {
            return false;
        }
        ZonedDateTime nowLondon = now.atZone(LONDON);
        ZonedDateTime created = createdAt.atZone(LONDON);
        java.time.LocalDateTime todaysDeadline = nowLondon.toLocalDate().atTime(PRINT_DEADLINE);
        if (!nowLondon.toLocalTime().isBefore(PRINT_DEADLINE) && !created.toLocalDateTime().isAfter(todaysDeadline)) {
            return false;
        }
        if (created.toLocalTime().isBefore(PRINT_DEADLINE) && created.toLocalDate().isBefore(nowLondon.toLocalDate())) {
            return false;
        }
        return !created.toLocalDate().isBefore(nowLondon.toLocalDate().minusDays(1));
    }

    /** "It’s too late to cancel this letter. Printing started today at 5.30pm" or "... on 5 March at 5.30pm". */
    public static String tooLateToCancel(Instant createdAt, Instant now) {
        LocalDate printing = createdAt.atZone(LONDON).plusHours(6).plusMinutes(30).toLocalDate();
        String day = !printing.isBefore(now.atZone(LONDON).toLocalDate()) ? "today"
                : "on " + DateTimeFormatter.ofPattern("d MMMM", Locale.UK).format(printing);
        return "It\u2019s too late to cancel this letter. Printing started " + day + " at 5.30pm";
    }
}
