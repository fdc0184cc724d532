package org.notifyoncamel.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.notifyoncamel.senders.InboundNumberStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code insert-inbound-numbers -f FILE}: loads two-way numbers (provider mmg, active, unallocated),
 * one per line. The only way numbers are created (notifications-api app/commands.py). Numbers already
 * present are skipped; any malformed line aborts the whole file.
 */
@Component
public class InsertInboundNumbersCommand implements NotifyCommand {

    static final int MAX_LENGTH = 11;

    private final InboundNumberStore store;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public InsertInboundNumbersCommand(InboundNumberStore store) {
        this(store, System.out, System.err);
    }

    InsertInboundNumbersCommand(InboundNumberStore store, PrintStream out, PrintStream err) {
        this.store = store;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "insert-inbound-numbers";
    }

    @Override
    public String help() {
        return """
                Usage: command insert-inbound-numbers -f FILE
                  Inserts inbound (two-way) SMS numbers for provider mmg, active and unallocated.
                  -f, --file_name FILE   text file with one number per line (e.g. 07700900123, at most 11 characters)
                  --help                 show this message""";
    }

    @Override
    public int run(String[] options) {
        String file = null;
        for (int i = 0; i < options.length; i++) {
            String option = options[i];
            if ((option.equals("-f") || option.equals("--file_name") || option.equals("--file-name")) && i + 1 < options.length) {
                file = options[++i];
            } else if (option.startsWith("--file_name=") || option.startsWith("--file-name=")) {
                file = option.substring(option.indexOf('=') + 1);
            } else {
                err.println("Unknown option " + option + "\n" + help());
                return 2;
            }
        }
        if (file == null) {
            err.println("Missing option -f FILE\n" + help());
            return 2;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String number = lines.get(i).strip();
            if (number.isEmpty()) {
                continue;
            }
            if (!number.matches("[0-9]+") || number.length() > MAX_LENGTH) {
                err.println("Line " + (i + 1) + ": '" + number + "' is not a phone number of at most " + MAX_LENGTH + " digits; nothing inserted");
                return 1;
            }
            numbers.add(number);
        }
        int added = store.insert(numbers);
        out.println("Inserted " + added + " inbound numbers (" + (numbers.size() - added) + " already present)");
        return 0;
    }
}
