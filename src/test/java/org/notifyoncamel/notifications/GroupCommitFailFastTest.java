package org.notifyoncamel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Overloaded;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** A group commit fails whole and fast when the database is unreachable (ADR 0190), and row by row otherwise. */
class GroupCommitFailFastTest {

    /** Counts calls; fails the group insert with {@code groupFailure}, single inserts succeed. */
    static final class FailingStore extends NotificationStore {
        final RuntimeException groupFailure;
        final AtomicInteger singleInserts = new AtomicInteger();
        final Set<UUID> stored = ConcurrentHashMap.newKeySet();
        volatile Set<UUID> existing = Set.of();
        volatile RuntimeException lookupFailure;

        FailingStore(RuntimeException groupFailure) {
            super(null);
            this.groupFailure = groupFailure;
        }

        @Override
        public void insertAll(List<NewNotification> rows) {
            if (groupFailure != null) {
                throw groupFailure;
            }
            rows.forEach(r -> stored.add(r.id()));
        }

        @Override
        public void insert(NewNotification n) {
            singleInserts.incrementAndGet();
            stored.add(n.id());
        }

        @Override
        public Set<UUID> existing(List<UUID> ids) {
            if (lookupFailure != null) {
                throw lookupFailure;
            }
            return existing;
        }
    }

    /** Commits fail as PostgreSQL's driver reports a connection lost during COMMIT. */
    static final class BrokenCommits extends GroupCommitInsertsTest.NoTransactions {
        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            throw new TransactionSystemException("Could not commit JDBC transaction",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }
    }

    private static List<Throwable> insertConcurrently(GroupCommitInserts inserts, List<NewNotification> rows) throws Exception {
        List<CompletableFuture<Throwable>> calls = new ArrayList<>();
        for (NewNotification row : rows) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    inserts.insert(row);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }));
        }
        List<Throwable> outcomes = new ArrayList<>();
        for (CompletableFuture<Throwable> call : calls) {
            outcomes.add(call.get(20, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void anUnreachableDatabaseRefusesTheWholeGroupAt503WithoutRowByRowRetries() throws Exception {
        FailingStore store = new FailingStore(new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection",
                new SQLException("Connection refused", "08001")));
        GroupCommitInserts inserts = new GroupCommitInserts(store, new GroupCommitInsertsTest.NoTransactions(), 1, 100, 10_000, 100);
        List<Throwable> outcomes = insertConcurrently(inserts, List.of(GroupCommitInsertsTest.row(), GroupCommitInsertsTest.row(),
                GroupCommitInsertsTest.row()));
        assertThat(outcomes).allSatisfy(t -> assertThat(t).isInstanceOf(Overloaded.class).hasMessageContaining("not stored"));
        assertThat(store.singleInserts).hasValue(0);
        assertThat(store.stored).isEmpty();
        inserts.stop();
    }

    @Test
    void aRowThatFailsOnItsOwnDataIsStillRetriedAloneSoTheOthersAreStored() throws Exception {
        FailingStore store = new FailingStore(new DataIntegrityViolationException("duplicate key"));
        GroupCommitInserts inserts = new GroupCommitInserts(store, new GroupCommitInsertsTest.NoTransactions(), 1, 100, 10_000, 100);
        NewNotification row = GroupCommitInsertsTest.row();
        inserts.insert(row);
        assertThat(store.singleInserts).hasValue(1);
        assertThat(store.stored).contains(row.id());
        inserts.stop();
    }

    @Test
    void afterABrokenCommitTheRowsFoundAreAcceptedAndTheOthersRefused() throws Exception {
        FailingStore store = new FailingStore(null);
        NewNotification committed = GroupCommitInsertsTest.row();
        NewNotification lost = GroupCommitInsertsTest.row();
        store.existing = Set.of(committed.id());
        GroupCommitInserts inserts = new GroupCommitInserts(store, new BrokenCommits(), 1, 100, 10_000, 100);
        inserts.insert(committed);
        assertThatThrownBy(() -> inserts.insert(lost)).isInstanceOf(Overloaded.class).hasMessageContaining("not stored");
        assertThat(store.singleInserts).hasValue(0);
        inserts.stop();
    }

    @Test
    void afterABrokenCommitWhoseRowsCannotBeLookedUpTheAnswerIs503AndSaysSo() throws Exception {
        FailingStore store = new FailingStore(null);
        store.lookupFailure = new org.springframework.jdbc.CannotGetJdbcConnectionException("still down");
        GroupCommitInserts inserts = new GroupCommitInserts(store, new BrokenCommits(), 1, 100, 10_000, 100);
        assertThatThrownBy(() -> inserts.insert(GroupCommitInsertsTest.row())).isInstanceOf(Overloaded.class)
                .hasMessageContaining("may not be stored");
        assertThat(store.singleInserts).hasValue(0);
        inserts.stop();
    }

    @Test
    void aRealRefusedConnectionIsRecognisedAndRefusedWithinASecond() throws Exception {
        DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/notify?connectTimeout=2", "postgres", "");
        NotificationStore store = new NotificationStore(new NamedParameterJdbcTemplate(nowhere));
        GroupCommitInserts inserts = new GroupCommitInserts(store, new DataSourceTransactionManager(nowhere), 1, 100, 10_000, 100);
        long start = System.nanoTime();
        List<Throwable> outcomes = insertConcurrently(inserts, List.of(GroupCommitInsertsTest.row(), GroupCommitInsertsTest.row()));
        assertThat(outcomes).allSatisfy(t -> assertThat(t).isInstanceOf(Overloaded.class));
        assertThat(DatabaseUnavailable.causedBy(outcomes.get(0))).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        inserts.stop();
    }

    @Test
    void statementFailuresAreNotMistakenForAnUnreachableDatabase() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("x", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
    }
}
