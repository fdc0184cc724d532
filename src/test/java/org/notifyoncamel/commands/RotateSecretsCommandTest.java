package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * rotate-secrets re-encrypts every encrypted column with the first key of SECRET_KEY, in batches, leaving values
 * already current alone. It runs against copies of the encrypted columns in a schema of its own (the shared test
 * database's rows are written with the test key and must stay readable by the other tests).
 */
@IntegrationTest
class RotateSecretsCommandTest {

    static final String OLD = "an-old-secret-key-of-thirty-two-chars";
    static final String NEW = "a-new-secret-key-of-thirty-two-chars!";

    @Autowired
    DataSource dataSource;

    @Test
    void everyEncryptedColumnIsReencryptedWithTheNewKeyAndStaysReadable() throws Exception {
        String schema = "rotate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("CREATE SCHEMA " + schema);
            try {
                jdbc.execute("SET search_path TO " + schema);
                SecretCipher old = new SecretCipher(OLD, "salt");
                SecretCipher rotating = new SecretCipher("[\"" + NEW + "\",\"" + OLD + "\"]", "salt");
                for (String[] column : RotateSecretsCommand.COLUMNS) {
                    jdbc.execute("CREATE TABLE " + column[0] + " (" + column[1] + " text)");
                    for (int i = 0; i < 5; i++) {
                        jdbc.update("INSERT INTO " + column[0] + " VALUES (?)", old.encrypt(column[0] + "-" + i));
                    }
                    jdbc.update("INSERT INTO " + column[0] + " VALUES (?)", rotating.encrypt(column[0] + "-current"));
                    jdbc.update("INSERT INTO " + column[0] + " VALUES (NULL)");
                }
                String currentBefore = jdbc.queryForObject("SELECT secret FROM api_keys WHERE secret LIKE 'v2." + rotating.currentKeyId() + ".%'", String.class);

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int status = new RotateSecretsCommand(jdbc, rotating, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                        .run(new String[] {"-b", "2"});

                assertThat(status).isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("Re-encrypted " + 5 * RotateSecretsCommand.COLUMNS.size() + " values");
                SecretCipher newOnly = new SecretCipher(NEW, "salt");
                for (String[] column : RotateSecretsCommand.COLUMNS) {
                    List<String> values = jdbc.queryForList("SELECT " + column[1] + " FROM " + column[0] + " WHERE " + column[1] + " IS NOT NULL", String.class);
                    assertThat(values).hasSize(6).allSatisfy(v -> assertThat(newOnly.isCurrent(v)).isTrue());
                    assertThat(values.stream().map(newOnly::decrypt).toList()).contains(column[0] + "-0", column[0] + "-4", column[0] + "-current");
                }
                assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE secret = ?", Integer.class, currentBefore))
                        .as("a value already current is left alone").isEqualTo(1);
            } finally {
                jdbc.execute("SET search_path TO public");
                jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
