package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code create-provider-rates -p PROVIDER -c COST -d VALID_FROM}: records what a provider charges per
 * message (pence, with decimals) from a date (notifications-api app/commands.py).
 */
@Component
public class CreateProviderRatesCommand implements NotifyCommand {

    static final List<String> PROVIDERS = List.of("mmg", "firetext", "ses");
    static final List<CommandOptions.Option> OPTIONS = List.of(
            new CommandOptions.Option("-p", "provider_name", true),
            new CommandOptions.Option("-c", "cost", true),
            new CommandOptions.Option("-d", "valid_from", true));

    private final BillingSetupStore store;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public CreateProviderRatesCommand(BillingSetupStore store) {
        this(store, System.out, System.err);
    }

    CreateProviderRatesCommand(BillingSetupStore store, PrintStream out, PrintStream err) {
        this.store = store;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "create-provider-rates";
    }

    @Override
    public String help() {
        return """
                Usage: command create-provider-rates -p PROVIDER -c COST -d VALID_FROM
                  Inserts a provider rate (provider_rates row).
                  -p, --provider_name PROVIDER   one of mmg, firetext, ses (required)
                  -c, --cost COST                pence per message, decimals allowed, e.g. 1.5 (required)
                  -d, --valid_from DATETIME      UTC, %Y-%m-%dT%H:%M:%S (also %Y-%m-%d or %Y-%m-%d %H:%M:%S) (required)
                  --help                         show this message""";
    }

    @Override
    public int run(String[] options) {
        String provider;
        BigDecimal cost;
        LocalDateTime validFrom;
        try {
            CommandOptions parsed = CommandOptions.parse(options, OPTIONS);
            provider = parsed.required("provider_name", "-p");
            if (!PROVIDERS.contains(provider)) {
                throw new IllegalArgumentException("Invalid provider name, must be one of " + PROVIDERS);
            }
            cost = cost(parsed.required("cost", "-c"));
            validFrom = dateTime(parsed.required("valid_from", "-d"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        UUID providerId = store.providerId(provider).orElse(null);
        if (providerId == null) {
            err.println("Provider " + provider + " is not in provider_details");
            return 1;
        }
        UUID id = store.createProviderRate(providerId, validFrom, cost);
        out.println("Created provider rate " + id + ": " + provider + " " + cost.toPlainString() + "p from " + validFrom);
        return 0;
    }

    static BigDecimal cost(String value) {
        try {
            BigDecimal cost = new BigDecimal(value.strip());
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("Invalid cost value: it cannot be negative");
            }
            return cost;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid cost value: " + value);
        }
    }

    /** click's datetime formats: %Y-%m-%d, %Y-%m-%dT%H:%M:%S, %Y-%m-%d %H:%M:%S. */
    static LocalDateTime dateTime(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay();
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}")) {
                return LocalDateTime.parse(v.replace(' ', 'T'));
            }
        } catch (DateTimeParseException e) {
            // an impossible date such as 2021-02-30: reported below
        }
        throw new IllegalArgumentException("Invalid valid_from " + value + ": use %Y-%m-%dT%H:%M:%S, e.g. 2021-04-01T00:00:00");
    }
}
