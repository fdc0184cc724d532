package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code rotate-secrets [-b BATCH]}: re-encrypts every secret at rest with SECRET_KEY's first key, bound to its
 * column (ADR 0004, amended); older unbound {@code v1.}/{@code v2.} values are rewritten in the bound form. Run it
 * with {@code SECRET_KEY=["new","old"]} after every app has that list; afterwards the old key can be dropped.
 * Works in batches, each in its own statement, so it can be stopped and run again: a value already written bound
 * with the current key is left alone, and a row changed meanwhile is skipped (the update matches the old
 * ciphertext) and picked up by the next batch.
 */
@Component
public class RotateSecretsCommand implements NotifyCommand {

    /** A table holding an encrypted column. */
    record Target(String table, SecretColumn secret) {
    }

    /** Every encrypted column (db/migration V0004, V0005, V0007), history tables with their live table's binding. */
    static final List<Target> COLUMNS = Arrays.stream(SecretColumn.values())
            .flatMap(secret -> secret.tables().stream().map(table -> new Target(table, secret)))
            .toList();

    static final List<CommandOptions.Option> OPTIONS = List.of(new CommandOptions.Option("-b", "batch-size", true));

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public RotateSecretsCommand(JdbcTemplate jdbc, SecretCipher cipher) {
        this(jdbc, cipher, System.out, System.err);
    }

    RotateSecretsCommand(JdbcTemplate jdbc, SecretCipher cipher, PrintStream out, PrintStream err) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "rotate-secrets";
    }

    @Override
    public String help() {
        return """
                Usage: command rotate-secrets [-b BATCH]
                  Re-encrypts API key secrets, callback bearer tokens, personalisation and inbound SMS content with the
                  first key of SECRET_KEY (a JSON list during a rotation: ["new","old"]). Safe to stop and run again.
                  -b, --batch-size BATCH   values re-encrypted per statement (default 1000)
                  --help                   show this message""";
    }

    @Override
    public int run(String[] options) {
        int batch;
        try {
            String value = CommandOptions.parse(options, OPTIONS).get("batch-size").orElse("1000");
            batch = Integer.parseInt(value);
            if (batch < 1) {
                throw new NumberFormatException();
            }
        } catch (IllegalArgumentException e) {
            err.println("BATCH must be a positive number\n" + help());
            return 2;
        }
        long total = 0;
        for (Target target : COLUMNS) {
            long done = rotate(target.table(), target.secret(), batch);
            out.println(target.table() + "." + target.secret().column() + ": " + done + " re-encrypted");
            total += done;
        }
        out.println("Re-encrypted " + total + " values with key " + cipher.currentKeyId());
        return 0;
    }

    long rotate(String table, SecretColumn secret, int batch) {
        String column = secret.column();
        String current = cipher.currentPrefix() + "%";
        String select = "SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column
                + " NOT LIKE ? LIMIT ?";
        String update = "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?";
        long done = 0;
        while (true) {
            List<String> stale = jdbc.queryForList(select, String.class, current, batch);
            if (stale.isEmpty()) {
                return done;
            }
            List<Object[]> pairs = stale.stream().map(old -> new Object[] {cipher.reencrypt(secret, old), old}).toList();
            for (int updated : jdbc.batchUpdate(update, pairs)) {
                done += Math.max(updated, 0);
            }
        }
    }
}
