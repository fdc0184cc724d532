package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notifyoncamel.senders.InboundNumberStore;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class InsertInboundNumbersCommandTest {

    @Autowired
    InboundNumberStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.util.List<NotifyCommand> commands;

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    InsertInboundNumbersCommand command() {
        return new InsertInboundNumbersCommand(store, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static String randomNumber() {
        return "07" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }

    int rows(String number) {
        return jdbc.queryForObject("SELECT count(*) FROM inbound_numbers WHERE number = ? AND provider = 'mmg' AND active AND service_id IS NULL",
                Integer.class, number);
    }

    @Test
    void isRegisteredUnderItsName() {
        assertThat(commands).extracting(NotifyCommand::name).contains("insert-inbound-numbers");
        assertThat(command().help()).contains("-f, --file_name FILE");
    }

    @Test
    void insertsOneNumberPerLineAndSkipsKnownOnes() throws Exception {
        String a = randomNumber();
        String b = randomNumber();
        Path file = Files.writeString(dir.resolve("numbers.txt"), a + "\n\n  " + b + "  \n");
        assertThat(command().run(new String[] {"-f", file.toString()})).isZero();
        assertThat(rows(a)).isEqualTo(1);
        assertThat(rows(b)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Inserted 2 inbound numbers");

        assertThat(command().run(new String[] {"--file_name", file.toString()})).isZero();
        assertThat(rows(a)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Inserted 0 inbound numbers (2 already present)");
    }

    @Test
    void aBadLineInsertsNothing() throws Exception {
        String good = randomNumber();
        Path file = Files.writeString(dir.resolve("bad.txt"), good + "\n077009001234567\n");
        assertThat(command().run(new String[] {"-f", file.toString()})).isEqualTo(1);
        assertThat(rows(good)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Line 2");
    }

    @Test
    void missingOrUnknownOptionsAreUsageErrors() {
        assertThat(command().run(new String[] {})).isEqualTo(2);
        assertThat(command().run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(command().run(new String[] {"-f", dir.resolve("missing.txt").toString()})).isEqualTo(1);
    }
}
