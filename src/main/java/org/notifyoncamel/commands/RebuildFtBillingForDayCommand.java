package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.notifyoncamel.scheduling.BillingFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code rebuild-ft-billing-for-day -d YYYY-MM-DD [-s SERVICE_ID]}: deletes and recomputes the day's
 * SMS and email ft_billing rows (of one service, or all), with the nightly job's {@link BillingFacts}.
 */
@Component
public class RebuildFtBillingForDayCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-d", "day", true),
            new CommandOptions.Option("-s", "service_id", true));

    private final BillingFacts billing;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public RebuildFtBillingForDayCommand(BillingFacts billing) {
        this(billing, System.out, System.err);
    }

    RebuildFtBillingForDayCommand(BillingFacts billing, PrintStream out, PrintStream err) {
        this.billing = billing;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "rebuild-ft-billing-for-day";
    }

    @Override
    public String help() {
        return """
                Usage: command rebuild-ft-billing-for-day -d YYYY-MM-DD [-s SERVICE_ID]
                  Deletes and recomputes the ft_billing rows (SMS and email) of a London day.
                  -d, --day YYYY-MM-DD     the day to recalculate (required)
                  -s, --service_id UUID    only this service (default: every service)
                  --help                   show this message""";
    }

    @Override
    public int run(String[] options) {
        LocalDate day;
        UUID serviceId;
        try {
            CommandOptions parsed = CommandOptions.parse(options, OPTIONS);
            day = OptionValues.day(parsed.required("day", "-d"), "-d");
            serviceId = parsed.get("service_id").map(OptionValues::serviceId).orElse(null);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        try {
            BillingFacts.Rebuilt rebuilt = billing.rebuild(day, serviceId);
            out.println("ft_billing for " + day + (serviceId == null ? "" : " and service " + serviceId) + ": deleted "
                    + rebuilt.deleted() + " rows, inserted " + rebuilt.inserted() + " rows");
            return 0;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
