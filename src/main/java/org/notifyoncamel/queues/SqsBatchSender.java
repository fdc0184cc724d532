package org.notifyoncamel.queues;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends queue messages in {@code SendMessageBatch} calls of up to 10 (ADR 0070): concurrent callers' messages
 * for the same queue are collected; a batch goes out when it is full (on the caller's thread) or
 * {@code notify.queues.batching.max-delay-micros} after its first message (on a small sender pool). Every
 * caller waits for its own entry's result, so "queued before 201" still holds and a failed entry fails only
 * its own caller. Messages over {@code notify.queues.batching.max-batched-bytes} go alone with SendMessage,
 * so a batch never exceeds SQS's 256 KiB request limit. Queues where a few tens of milliseconds do not matter
 * ({@code notify.queues.batching.relaxed-queues}: the receipt queues, ADR 0074) wait
 * {@code relaxed-max-delay-micros} for company instead, so their batches are fuller.
 */
@Component("sqsBatchSender")
public class SqsBatchSender {

    /** SQS's limit of entries per SendMessageBatch. */
    static final int MAX_ENTRIES = 10;

    /** One entry's failure as SQS reported it. */
    public static class SendFailed extends RuntimeException {
        public SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Pending(String body, CompletableFuture<Void> done) {
    }

    private final SqsClient sqs;
    private final Queues queues;
    private final long maxDelayMicros;
    private final java.util.Set<String> relaxedQueues;
    private final long relaxedMaxDelayMicros;
    private final int maxBatchedBytes;
    private final long timeoutMillis;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final Map<String, PendingBatch<Pending>> batches = new ConcurrentHashMap<>();

    public SqsBatchSender(SqsClient notifySqsClient, Queues queues,
                          @Value("${notify.queues.batching.max-delay-micros:10000}") long maxDelayMicros,
                          @Value("${notify.queues.batching.max-batched-bytes:24000}") int maxBatchedBytes,
                          @Value("${notify.queues.batching.timeout-millis:20000}") long timeoutMillis,
                          @Value("${notify.queues.batching.sender-threads:8}") int senderThreads,
                          @Value("${notify.queues.batching.relaxed-queues:sms-callbacks,ses-callbacks}") java.util.Set<String> relaxedQueues,
                          @Value("${notify.queues.batching.relaxed-max-delay-micros:100000}") long relaxedMaxDelayMicros) {
        this.sqs = notifySqsClient;
        this.queues = queues;
        this.maxDelayMicros = maxDelayMicros;
        this.relaxedQueues = relaxedQueues;
        this.relaxedMaxDelayMicros = relaxedMaxDelayMicros;
        this.maxBatchedBytes = maxBatchedBytes;
        this.timeoutMillis = timeoutMillis;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sqs-batch-timer"));
        this.senders = Executors.newFixedThreadPool(senderThreads, r -> daemon(r, "sqs-batch-sender-" + n.incrementAndGet()));
    }

    /**
     * Queues {@code body} on {@code queue} (name without prefix) and returns once SQS has accepted it;
     * throws {@link SendFailed} when it did not.
     */
    public void send(@ExchangeProperty("notifyQueue") String queue, @Body String body) {
        CompletableFuture<Void> done;
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBatchedBytes) {
            done = new CompletableFuture<>();
            try {
                sqs.sendMessage(SendMessageRequest.builder().queueUrl(queues.url(queue)).messageBody(body).build());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        } else {
            Pending entry = new Pending(body, new CompletableFuture<>());
            batches.computeIfAbsent(queue, this::batch).add(entry);
            done = entry.done();
        }
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SendFailed("message not queued on " + queue + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SendFailed("message not confirmed by SQS within " + timeoutMillis + " ms on " + queue, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted while queueing on " + queue, e);
        }
    }

    /**
     * Queues many small messages at once (a job's batch of deliver tasks): full batches of 10 go out in parallel on
     * the sender pool, and this returns once SQS has accepted every one; throws {@link SendFailed} naming how many
     * were not accepted. Nothing waits for company: the caller already has the whole list.
     */
    public void sendAll(@ExchangeProperty("notifyQueue") String queue, @Body List<String> bodies) {
        List<Pending> entries = new ArrayList<>(bodies.size());
        bodies.forEach(body -> entries.add(new Pending(body, new CompletableFuture<>())));
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
            List<Pending> batch = entries.subList(from, Math.min(from + MAX_ENTRIES, entries.size()));
            try {
                senders.execute(() -> sendBatch(queue, batch));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
        int failed = 0;
        Throwable first = null;
        for (Pending entry : entries) {
            try {
                entry.done().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                first = first == null ? e : first;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendFailed("interrupted while queueing on " + queue, e);
            }
        }
        if (failed > 0) {
            throw new SendFailed(failed + " of " + entries.size() + " messages not queued on " + queue, first);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        senders.shutdown();
    }

    private PendingBatch<Pending> batch(String queue) {
        long delayMicros = relaxedQueues.contains(queue) ? relaxedMaxDelayMicros : maxDelayMicros;
        return new PendingBatch<>(MAX_ENTRIES, delayMicros, timer, batch -> sendBatch(queue, batch), batch -> {
            try {
                senders.execute(() -> sendBatch(queue, batch));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        });
    }

    private void sendBatch(String queue, List<Pending> batch) {
        try {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i).body()).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queues.url(queue)).entries(entries));
            response.successful().forEach(ok -> batch.get(Integer.parseInt(ok.id())).done().complete(null));
            for (BatchResultErrorEntry failed : response.failed()) {
                batch.get(Integer.parseInt(failed.id())).done().completeExceptionally(
                        new IllegalStateException(failed.code() + ": " + failed.message()));
            }
            // an entry SQS reported neither way is not known to be queued
            batch.forEach(p -> p.done().completeExceptionally(new IllegalStateException("no result for the entry")));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
