package org.notifyoncamel.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes consumed queue messages in {@code DeleteMessageBatch} calls of up to 10 (ADR 0074). A consume-* route
 * reads with {@code deleteAfterRead=false} and calls {@link #deleteOnCompletion} first: when the exchange
 * completes (succeeded, or its error was handled) the message's receipt handle joins its queue's batch, which is
 * deleted when it holds 10 or {@code notify.queues.deletes.max-delay-millis} after its first handle. A failed
 * exchange deletes nothing, so SQS delivers the message again after the visibility timeout, exactly as
 * {@code deleteAfterRead=true} behaved. A delete that fails is logged: the message comes back and the delivery
 * claim (ADR 0040) makes the second processing a no-op.
 */
@Component("sqsBatchDeleter")
public class SqsBatchDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchDeleter.class);
    static final int MAX_ENTRIES = 10;
    static final String RECEIPT_HANDLE = "CamelAwsSqsReceiptHandle";

    private final SqsClient sqs;
    private final Queues queues;
    private final long maxDelayMillis;
    private final ScheduledExecutorService timer;
    private final ExecutorService deleters;
    private final Map<String, PendingBatch<String>> batches = new ConcurrentHashMap<>();

    public SqsBatchDeleter(SqsClient notifySqsClient, Queues queues,
                           @Value("${notify.queues.deletes.max-delay-millis:200}") long maxDelayMillis,
                           @Value("${notify.queues.deletes.threads:2}") int threads) {
        this.sqs = notifySqsClient;
        this.queues = queues;
        this.maxDelayMillis = maxDelayMillis;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sqs-delete-timer"));
        this.deleters = Executors.newFixedThreadPool(threads, r -> daemon(r, "sqs-batch-deleter-" + n.incrementAndGet()));
    }

    /** Deletes the exchange's message from {@code queue} (name without prefix) once the exchange has completed. */
    public void deleteOnCompletion(Exchange exchange, String queue) {
        String handle = exchange.getMessage().getHeader(RECEIPT_HANDLE, String.class);
        if (handle == null) {
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                delete(queue, handle);
            }
        });
    }

    /** Queues one receipt handle for deletion. */
    public void delete(String queue, String receiptHandle) {
        batches.computeIfAbsent(queue, this::batch).add(receiptHandle);
    }

    /** Deletes every handle still waiting (on shutdown, after the consumers have stopped). */
    @PreDestroy
    void stop() {
        timer.shutdownNow();
        batches.forEach((queue, batch) -> {
            List<String> left = batch.drain();
            if (!left.isEmpty()) {
                deleteNow(queue, left);
            }
        });
        deleters.shutdown();
        try {
            deleters.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PendingBatch<String> batch(String queue) {
        return new PendingBatch<>(MAX_ENTRIES, TimeUnit.MILLISECONDS.toMicros(maxDelayMillis), timer,
                handles -> submit(queue, handles), handles -> submit(queue, handles));
    }

    private void submit(String queue, List<String> handles) {
        try {
            deleters.execute(() -> deleteNow(queue, handles));
        } catch (RuntimeException stopped) {
            deleteNow(queue, handles);
        }
    }

    private void deleteNow(String queue, List<String> handles) {
        try {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(handles.size());
            for (int i = 0; i < handles.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(handles.get(i)).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queues.url(queue)).entries(entries));
            if (!response.failed().isEmpty()) {
                LOG.warn("{} of {} messages not deleted from {} ({}); they will be delivered again", response.failed().size(),
                        handles.size(), queue, response.failed().get(0).code());
            }
        } catch (RuntimeException e) {
            LOG.warn("{} messages not deleted from {} ({}); they will be delivered again", handles.size(), queue,
                    e.getClass().getSimpleName());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
