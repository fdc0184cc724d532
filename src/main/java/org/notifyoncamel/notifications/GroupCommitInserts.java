package org.notifyoncamel.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.notifyoncamel.common.Overloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Group commit of accepted notifications (ADR 0071): request threads hand their row to
 * {@code notify.api.group-commit.writers} writer threads, each of which takes whatever rows are waiting (up to
 * {@code max-rows}) and inserts them in one transaction, so one commit (one WAL flush) serves many requests.
 * Every caller returns only after the transaction holding its row has committed, so a 201 still means
 * "stored". A group that fails on one of its rows is retried row by row, so one bad row fails only its own
 * request. A group that fails because the database cannot be reached fails whole and at once (ADR 0190): every
 * request is answered 503 when its rows were rolled back, with no row-by-row retries each waiting for a
 * connection. When the connection broke during COMMIT, the rows are looked up once on a new connection and each
 * request answered by what is there; when that lookup fails too, the request is answered 503 (the one ambiguous
 * case, ADR 0190). Under light load a group is one row and nothing waits for company.
 * <p>
 * Waits are bounded and never ambiguous (docs/adr/0073): at most {@code max-pending} rows wait for a writer
 * (beyond that a request is refused at once with {@link Overloaded}, a 503); a row that no writer has taken
 * within {@code timeout-millis} is withdrawn and refused the same way. A row a writer has taken is waited for
 * until its transaction ends, so a 503 always means "not stored" and a 201 "stored".
 */
@Component
public class GroupCommitInserts {

    private record Pending(NewNotification notification, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitInserts.class);

    private final NotificationStore store;
    private final TransactionTemplate transactions;
    private final int maxRows;
    private final long timeoutMillis;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public GroupCommitInserts(NotificationStore store, PlatformTransactionManager transactionManager,
                              @Value("${notify.api.group-commit.writers:4}") int writers,
                              @Value("${notify.api.group-commit.max-rows:100}") int maxRows,
                              @Value("${notify.api.group-commit.timeout-millis:10000}") long timeoutMillis,
                              @Value("${notify.api.group-commit.max-pending:2000}") int maxPending) {
        this.store = store;
        this.queue = new LinkedBlockingQueue<>(maxPending);
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxRows = maxRows;
        this.timeoutMillis = timeoutMillis;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::work, "notification-writer-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Stores the row; returns once it is committed, or throws what the insert threw. */
    public void insert(NewNotification notification) {
        if (!running) {
            store.insert(notification);
            return;
        }
        Pending mine = new Pending(notification, new CompletableFuture<>());
        if (!queue.offer(mine)) {
            throw new Overloaded("notification rows waiting for a writer: " + queue.size() + "; " + notification.id() + " refused");
        }
        try {
            try {
                mine.done().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (queue.remove(mine)) {
                    throw new Overloaded("notification " + notification.id() + " not taken by a writer within " + timeoutMillis
                            + " ms; withdrawn, not stored", e);
                }
                // a writer has it: its transaction decides, and ends within the JDBC timeouts
                mine.done().get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        }
    }

    /** Stops taking new rows once the rows already handed over are written (graceful shutdown). */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    private void work() {
        List<Pending> group = new ArrayList<>(maxRows);
        while (running) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, maxRows - 1);
            write(group);
            group = new ArrayList<>(maxRows);
        }
    }

    private void write(List<Pending> group) {
        boolean[] inserted = {false};
        try {
            transactions.executeWithoutResult(status -> {
                store.insertAll(group.stream().map(Pending::notification).toList());
                inserted[0] = true;
            });
            group.forEach(p -> p.done().complete(null));
        } catch (RuntimeException groupFailed) {
            if (DatabaseUnavailable.causedBy(groupFailed)) {
                LOG.warn("A group of {} notification rows failed: the database is unavailable ({}); {}", group.size(),
                        groupFailed.getClass().getSimpleName(), inserted[0] ? "looking the rows up" : "all refused");
                failWhole(group, groupFailed, inserted[0]);
                return;
            }
            LOG.warn("A group of {} notification rows failed ({}); inserting them one by one", group.size(),
                    groupFailed.getClass().getSimpleName());
            for (Pending p : group) {
                try {
                    store.insert(p.notification());
                    p.done().complete(null);
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(DatabaseUnavailable.causedBy(e)
                            ? new Overloaded("database unavailable; notification " + p.notification().id() + " not stored", e) : e);
                }
            }
        }
    }

    /** The group's transaction did not complete; rows rolled back are refused, rows found after a broken COMMIT accepted. */
    private void failWhole(List<Pending> group, RuntimeException failure, boolean duringCommit) {
        Set<UUID> found = Set.of();
        boolean known = !duringCommit;
        if (duringCommit) {
            try {
                found = store.existing(group.stream().map(p -> p.notification().id()).toList());
                known = true;
            } catch (RuntimeException lookupFailed) {
                LOG.warn("The rows of a group whose COMMIT failed could not be looked up ({}); {} requests answered 503",
                        lookupFailed.getClass().getSimpleName(), group.size());
            }
        }
        for (Pending p : group) {
            if (found.contains(p.notification().id())) {
                p.done().complete(null);
            } else {
                p.done().completeExceptionally(new Overloaded("database unavailable; notification " + p.notification().id()
                        + (known ? " not stored" : " may not be stored"), failure));
            }
        }
    }
}
