package org.notifyoncamel.inbound;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;

/**
 * The number and date rules of inbound texts (inbound-sms.md 3.4, 3.5; the original's
 * {@code strip_leading_forty_four} and {@code create_inbound_sms_object}).
 */
public final class InboundNumbers {

    /** ISO 8601 with a space or a {@code T}, optional fraction, optional offset (dropped, not converted). */
    private static final DateTimeFormatter PROVIDER_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private InboundNumbers() {
    }

    /**
     * The destination as stored in inbound_numbers: a leading {@code +44}, {@code 0044} or {@code 44}
     * becomes {@code 0}, once (the original handled only a bare {@code 44}; the spec's fix list).
     * Whitespace around the value is ignored.
     */
    public static String notifyNumber(String destination) {
        String number = destination.strip();
        for (String prefix : new String[] {"+44", "0044", "44"}) {
            if (number.startsWith(prefix)) {
                return "0" + number.substring(prefix.length());
            }
        }
        return number;
    }

    /** The sender as stored: a valid UK or international number formatted ({@code 447...}), anything else as received. */
    public static String userNumber(PhoneNumbers phones, String sender) {
        try {
            return phones.validate(sender, true);
        } catch (InvalidRecipientException e) {
            return sender;
        }
    }

    /** The provider's timestamp as naive UTC: null when absent or empty, now when unparseable, any offset dropped. */
    public static LocalDateTime providerDate(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor parsed = PROVIDER_DATE.parse(text.strip());
            return LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR), parsed.get(ChronoField.DAY_OF_MONTH),
                    parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                    parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                    parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0);
        } catch (java.time.DateTimeException e) {
            return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
    }
}
