package org.notifyoncamel.commands;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Click-style options for commands: {@code -u VALUE}, {@code --user_email_prefix VALUE},
 * {@code --user-email-prefix=VALUE} (underscores and dashes are the same, as in the original's
 * README and click's spelling). Unknown options and missing values are errors.
 */
final class CommandOptions {

    /** One option: its short form ("-u"), its long name ("user_email_prefix") and whether it takes a value. */
    record Option(String shortName, String longName, boolean hasValue) {
        boolean matches(String given) {
            return given.equals(shortName) || normalise(given).equals("--" + normalise(longName));
        }
    }

    private final Map<String, String> values;

    private CommandOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses the options; throws {@link IllegalArgumentException} with a message for the user. */
    static CommandOptions parse(String[] args, List<Option> options) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inline = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            String given = arg;
            Option option = options.stream().filter(o -> o.matches(given)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown option " + given));
            if (!option.hasValue()) {
                values.put(option.longName(), "true");
            } else if (inline != null) {
                values.put(option.longName(), inline);
            } else if (i + 1 < args.length) {
                values.put(option.longName(), args[++i]);
            } else {
                throw new IllegalArgumentException("Option " + given + " needs a value");
            }
        }
        return new CommandOptions(values);
    }

    Optional<String> get(String longName) {
        return Optional.ofNullable(values.get(longName));
    }

    String required(String longName, String shortName) {
        String value = values.get(longName);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing option " + shortName + " / --" + longName);
        }
        return value;
    }

    private static String normalise(String name) {
        return name.replace('_', '-');
    }
}
