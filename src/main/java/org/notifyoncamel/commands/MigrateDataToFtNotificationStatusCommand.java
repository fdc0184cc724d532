package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.notifyoncamel.scheduling.NotificationStatusFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code migrate-data-to-ft-notification-status -s START -e END [-t TYPE]}: rebuilds ft_notification_status
 * for every London day from START to END inclusive, for one notification type or all, with the nightly
 * job's {@link NotificationStatusFacts}. The original queued one reporting task per day and type; we
 * rebuild in process, one transaction per day and type, and print each result.
 */
@Component
public class MigrateDataToFtNotificationStatusCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-s", "start_date", true),
            new CommandOptions.Option("-e", "end_date", true), new CommandOptions.Option("-t", "notification_type", true));

    private final NotificationStatusFacts facts;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public MigrateDataToFtNotificationStatusCommand(NotificationStatusFacts facts) {
        this(facts, System.out, System.err);
    }

    MigrateDataToFtNotificationStatusCommand(NotificationStatusFacts facts, PrintStream out, PrintStream err) {
        this.facts = facts;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "migrate-data-to-ft-notification-status";
    }

    @Override
    public String help() {
        return """
                Usage: command migrate-data-to-ft-notification-status -s YYYY-MM-DD -e YYYY-MM-DD [-t TYPE]
                  Rebuilds ft_notification_status for every London day from the start to the end date (inclusive).
                  -s, --start_date YYYY-MM-DD          first day (required)
                  -e, --end_date YYYY-MM-DD            last day (required)
                  -t, --notification-type TYPE         sms, email or letter (default: all three)
                  --help                               show this message""";
    }

    @Override
    public int run(String[] options) {
        LocalDate start;
        LocalDate end;
        List<String> types;
        try {
            CommandOptions parsed = CommandOptions.parse(options, OPTIONS);
            start = OptionValues.day(parsed.required("start_date", "-s"), "-s");
            end = OptionValues.day(parsed.required("end_date", "-e"), "-e");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("The end date " + end + " is before the start date " + start);
            }
            String type = parsed.get("notification_type").orElse(null);
            if (type != null && !NotificationStatusFacts.TYPES.contains(type)) {
                throw new IllegalArgumentException("Option -t: '" + type + "' is not one of " + String.join(", ", NotificationStatusFacts.TYPES));
            }
            types = type == null ? NotificationStatusFacts.TYPES : List.of(type);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        int total = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            for (String type : types) {
                int rows = facts.rebuild(day, type);
                total += rows;
                out.println(day + " " + type + ": " + rows + " rows");
            }
        }
        out.println("Rebuilt ft_notification_status from " + start + " to " + end + ": " + total + " rows");
        return 0;
    }
}
