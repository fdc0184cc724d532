package org.notifyoncamel.scheduling;

import org.notifyoncamel.common.LoggedErrors;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A route policy for scheduled jobs: an exchange runs only while it holds a PostgreSQL advisory lock
 * named after its route id, so two schedulers (or a slow run overlapping the next tick) never run the
 * same job at once. The other exchange is stopped and logged. Routes opt in with
 * {@code routePolicy: "#singleInstance"}.
 */
@Component("singleInstance")
public class SingleInstancePolicy extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstancePolicy.class);
    static final String CONNECTION = "notify.singleInstance.connection";
    static final String LOCK = "notify.singleInstance.lock";

    private final DataSource dataSource;

    public SingleInstancePolicy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The advisory lock key of a job: a stable 32-bit hash of its name in a namespace of our own. */
    static long lockKey(String job) {
        CRC32 crc = new CRC32();
        crc.update(("notify-job:" + job).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        long key = lockKey(route.getRouteId());
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        exchange.setProperty(CONNECTION, connection);
                        exchange.setProperty(LOCK, key);
                        return;
                    }
                }
            }
            LOG.info("Job {} is already running elsewhere; skipping this run", route.getRouteId());
            connection.close();
            exchange.setRouteStop(true);
        } catch (SQLException e) {
            closeQuietly(connection);
            LOG.warn("Job {} skipped: could not take its lock ({})", route.getRouteId(), LoggedErrors.describe(e));
            exchange.setRouteStop(true);
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Connection connection = exchange.getProperty(CONNECTION, Connection.class);
        Long key = exchange.getProperty(LOCK, Long.class);
        if (connection == null || key == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the lock of job {}: {}", route.getRouteId(), LoggedErrors.describe(e));
        } finally {
            closeQuietly(connection);
            exchange.removeProperty(CONNECTION);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection, and the session lock with it
            }
        }
    }
}
