package org.notifyoncamel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Overloaded;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** Bounded, unambiguous waits of the group commit (ADR 0073): a refused row is never stored. */
class GroupCommitInsertsTest {

    /** Stores rows in memory; blocks every insert until {@link #open} is counted down. */
    static final class BlockingStore extends NotificationStore {
        final Set<UUID> stored = ConcurrentHashMap.newKeySet();
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        BlockingStore() {
            super(null);
        }

        @Override
        public void insert(NewNotification n) {
            insertAll(List.of(n));
        }

        @Override
        public void insertAll(List<NewNotification> rows) {
            writing.countDown();
            try {
                open.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rows.forEach(r -> stored.add(r.id()));
        }
    }

    static class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    static NewNotification row() {
        return new NewNotification(UUID.randomUUID(), "07700900123", "447700900123", UUID.randomUUID(), UUID.randomUUID(), 1,
                UUID.randomUUID(), "normal", "sms", Instant.now(), "created", null, "x", false, "44", java.math.BigDecimal.ONE,
                null, 0, null);
    }

    @Test
    void aRowNoWriterTookInTimeIsWithdrawnAndRefusedAndTheWriterFinishesItsOwn() throws Exception {
        BlockingStore store = new BlockingStore();
        GroupCommitInserts inserts = new GroupCommitInserts(store, new NoTransactions(), 1, 100, 200, 100);
        NewNotification first = row();
        Thread holder = new Thread(() -> inserts.insert(first));
        holder.start();
        assertThat(store.writing.await(5, TimeUnit.SECONDS)).isTrue();

        NewNotification second = row();
        assertThatThrownBy(() -> inserts.insert(second)).isInstanceOf(Overloaded.class).hasMessageContaining("withdrawn");
        store.open.countDown();
        holder.join(5_000);
        assertThat(store.stored).contains(first.id()).doesNotContain(second.id());
        inserts.stop();
    }

    @Test
    void beyondMaxPendingARequestIsRefusedAtOnce() throws Exception {
        BlockingStore store = new BlockingStore();
        GroupCommitInserts inserts = new GroupCommitInserts(store, new NoTransactions(), 1, 100, 10_000, 1);
        Thread holder = new Thread(() -> inserts.insert(row()));
        holder.start();
        assertThat(store.writing.await(5, TimeUnit.SECONDS)).isTrue();
        NewNotification waiting = row();
        Thread waiter = new Thread(() -> inserts.insert(waiting));
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        NewNotification refused = row();
        assertThatThrownBy(() -> inserts.insert(refused)).isInstanceOf(Overloaded.class).hasMessageContaining("refused");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        store.open.countDown();
        holder.join(5_000);
        waiter.join(5_000);
        assertThat(store.stored).contains(waiting.id()).doesNotContain(refused.id());
        inserts.stop();
    }
}
