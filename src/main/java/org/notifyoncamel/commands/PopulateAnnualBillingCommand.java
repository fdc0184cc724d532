package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code populate-annual-billing -y YEAR}: gives every active service without a free SMS allowance
 * for the financial year (starting 1 April of YEAR) an annual_billing row with its latest allowance.
 * We fix the original's crash on a service with no allowance at all: it gets its organisation type's
 * allowance, or the default of 250,000 fragments. Running it twice adds nothing.
 */
@Component
public class PopulateAnnualBillingCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-y", "year", true));

    private final BillingSetupStore store;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public PopulateAnnualBillingCommand(BillingSetupStore store) {
        this(store, System.out, System.err);
    }

    PopulateAnnualBillingCommand(BillingSetupStore store, PrintStream out, PrintStream err) {
        this.store = store;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "populate-annual-billing";
    }

    @Override
    public String help() {
        return """
                Usage: command populate-annual-billing -y YEAR
                  Creates the annual_billing row (free SMS fragment allowance) for YEAR for every active service
                  lacking one, copying the service's latest allowance (else its organisation type's, else 250000).
                  -y, --year YEAR   the financial year start, e.g. 2021 for April 2021 - March 2022 (required)
                  --help            show this message""";
    }

    @Override
    public int run(String[] options) {
        int year;
        try {
            String value = CommandOptions.parse(options, OPTIONS).required("year", "-y");
            if (!value.matches("[0-9]{4}")) {
                throw new IllegalArgumentException("YEAR must be a four-digit year, e.g. " + LocalDate.now().getYear());
            }
            year = Integer.parseInt(value);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        int created = 0;
        for (BillingSetupStore.Allowance allowance : store.missingAllowances(year)) {
            if (store.createAllowance(allowance.serviceId(), year, allowance.freeSmsFragmentLimit())) {
                created++;
                out.println("create free limit of " + allowance.freeSmsFragmentLimit() + " for service: " + allowance.serviceId()
                        + " (" + allowance.source() + ")");
            }
        }
        out.println("Created " + created + " annual billing rows for " + year);
        return 0;
    }
}
