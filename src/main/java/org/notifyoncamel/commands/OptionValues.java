package org.notifyoncamel.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parsing of the id and date options the reporting commands share; errors are messages for the operator. */
final class OptionValues {

    private OptionValues() {
    }

    static UUID serviceId(String value) {
        try {
            if (value.strip().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid service id (a UUID)");
        }
    }

    static LocalDate day(String value, String option) {
        try {
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option " + option + ": '" + value + "' is not a date in the format YYYY-MM-DD");
        }
    }
}
