package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.LegacyCiphertexts;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * rotate-secrets re-encrypts every encrypted column with the first key of SECRET_KEY, bound to its column, in
 * batches, leaving values already current alone. It runs against copies of the encrypted columns in a schema of its own (the shared test
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
                for (RotateSecretsCommand.Target target : RotateSecretsCommand.COLUMNS) {
                    String table = target.table();
                    jdbc.execute("CREATE TABLE " + table + " (" + target.secret().column() + " text)");
                    for (int i = 0; i < 4; i++) {
                        jdbc.update("INSERT INTO " + table + " VALUES (?)", old.encrypt(target.secret(), table + "-" + i));
                    }
                    // written unbound before the binding existed (v2, the current key): rewritten in the bound form
                    jdbc.update("INSERT INTO " + table + " VALUES (?)", LegacyCiphertexts.v2(NEW, table + "-4"));
                    jdbc.update("INSERT INTO " + table + " VALUES (?)", rotating.encrypt(target.secret(), table + "-current"));
                    jdbc.update("INSERT INTO " + table + " VALUES (NULL)");
                }
                String currentBefore = jdbc.queryForObject("SELECT secret FROM api_keys WHERE secret LIKE '" + rotating.currentPrefix() + "%'", String.class);

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int status = new RotateSecretsCommand(jdbc, rotating, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                        .run(new String[] {"-b", "2"});

                assertThat(status).isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("Re-encrypted " + 5 * RotateSecretsCommand.COLUMNS.size() + " values");
                SecretCipher newOnly = new SecretCipher(NEW, "salt");
                assertThat(RotateSecretsCommand.COLUMNS).extracting(RotateSecretsCommand.Target::table)
                        .contains("api_keys_history", "service_inbound_api_history", "inbound_sms", "broadcast_message");
                for (RotateSecretsCommand.Target target : RotateSecretsCommand.COLUMNS) {
                    String table = target.table();
                    String column = target.secret().column();
                    List<String> values = jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL", String.class);
                    assertThat(values).hasSize(6).allSatisfy(v -> assertThat(v).startsWith("v3." + newOnly.currentKeyId() + "."));
                    assertThat(values.stream().map(v -> newOnly.decrypt(target.secret(), v)).toList())
                            .contains(table + "-0", table + "-4", table + "-current");
                    SecretColumn other = target.secret() == SecretColumn.API_KEY_SECRET ? SecretColumn.INBOUND_SMS_CONTENT : SecretColumn.API_KEY_SECRET;
                    assertThatThrownBy(() -> newOnly.decrypt(other, values.get(0))).as("bound to " + target.secret().binding())
                            .isInstanceOf(IllegalArgumentException.class);
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
