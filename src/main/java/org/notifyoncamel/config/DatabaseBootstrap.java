package org.notifyoncamel.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Development and test only: creates the configured PostgreSQL database when it does not exist yet. */
final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    static void createIfMissing(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            return;
        }
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return;
        }
        int query = jdbcUrl.indexOf('?', slash);
        String database = query < 0 ? jdbcUrl.substring(slash + 1) : jdbcUrl.substring(slash + 1, query);
        String adminUrl = jdbcUrl.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : jdbcUrl.substring(query));
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            props.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, props);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            if (!database.matches("[A-Za-z0-9_]+")) {
                throw new IllegalStateException("Database name must be letters, digits and underscores: " + database);
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                // another process may have created it in the meantime
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " at " + adminUrl + ": " + e.getMessage(), e);
        }
    }
}
