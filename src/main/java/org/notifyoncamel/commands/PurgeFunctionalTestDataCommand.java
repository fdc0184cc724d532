package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.common.Uuids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code purge-functional-test-data -u PREFIX}: deletes the users whose email address starts with
 * PREFIX and carries {@code +<uuid>} in its local part (the functional tests' accounts), the services
 * they belong to or created, and every row that depends on those (notifications-api app/commands.py).
 * Each user is purged in its own transactions, so one failure leaves the others done. Other members
 * of a purged service lose the membership but are not deleted (the original deleted them too).
 */
@Component
public class PurgeFunctionalTestDataCommand implements NotifyCommand {

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-u", "user_email_prefix", true));

    private final FunctionalTestDataStore store;
    private final TransactionTemplate transactions;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public PurgeFunctionalTestDataCommand(FunctionalTestDataStore store, PlatformTransactionManager transactions) {
        this(store, transactions, System.out, System.err);
    }

    PurgeFunctionalTestDataCommand(FunctionalTestDataStore store, PlatformTransactionManager transactions, PrintStream out, PrintStream err) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "purge-functional-test-data";
    }

    @Override
    public String help() {
        return """
                Usage: command purge-functional-test-data -u PREFIX
                  Deletes users whose email address starts with PREFIX and contains +<uuid> before the @
                  (e.g. notify-tests-preview+0d2e...@digital.cabinet-office.gov.uk), their services and
                  every dependent row (templates, keys, notifications, jobs, senders, callbacks, ...).
                  Inbound numbers of those services are released, not deleted.
                  -u, --user_email_prefix PREFIX   the email prefix of the functional tests' users (required)
                  --help                           show this message""";
    }

    @Override
    public int run(String[] options) {
        String prefix;
        try {
            prefix = CommandOptions.parse(options, OPTIONS).required("user_email_prefix", "-u");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + help());
            return 2;
        }
        int purged = 0;
        int services = 0;
        int kept = 0;
        for (FunctionalTestDataStore.User user : store.usersWithEmailPrefix(prefix)) {
            if (uuidTag(user.email()).isEmpty()) {
                out.println("Skipping " + user.email() + " as the user email doesn't contain a UUID.");
                continue;
            }
            List<UUID> owned = store.servicesOf(user.id());
            transactions.executeWithoutResult(status -> store.deleteServices(owned));
            services += owned.size();
            try {
                transactions.executeWithoutResult(status -> store.deleteUsers(List.of(user.id())));
                purged++;
                out.println("Deleted " + user.email() + " and " + owned.size() + " services");
            } catch (DataIntegrityViolationException e) {
                kept++;
                err.println("Kept " + user.email() + " (its " + owned.size() + " services were deleted): "
                        + "rows of other services still need it");
            }
        }
        out.println("Purged " + purged + " users and " + services + " services with prefix " + prefix
                + (kept > 0 ? "; " + kept + " users kept" : ""));
        return kept > 0 ? 1 : 0;
    }

    /** The UUID after the first '+' of the local part, up to the next '+' or the '@', as the original checks. */
    static Optional<UUID> uuidTag(String email) {
        String local = email.split("@", -1)[0];
        String[] parts = local.split("\\+", -1);
        return parts.length < 2 ? Optional.empty() : Uuids.parse(parts[1]);
    }
}
