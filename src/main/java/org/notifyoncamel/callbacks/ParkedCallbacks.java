package org.notifyoncamel.callbacks;

import java.util.List;
import java.util.UUID;

import org.apache.camel.ExchangeProperty;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.ops.NotifyMetrics;
import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The replay of a resumed service's parked callback tasks (route replay-parked-callbacks): batches leased oldest
 * first, published again on service-callbacks in that order, then deleted. A service suspended again mid-replay
 * keeps the rest parked.
 */
@Component("parkedCallbacks")
public class ParkedCallbacks {

    public static final String REPLAY_TASK = "replay-parked-callbacks";

    private final CallbackCircuitStore store;
    private final NotifyMetrics metrics;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final int leaseSeconds;

    public ParkedCallbacks(CallbackCircuitStore store, NotifyMetrics metrics, ObjectMapper mapper,
                           @Value("${notify.callbacks.replay-batch-size}") int batchSize,
                           @Value("${notify.callbacks.replay-lease-seconds}") int leaseSeconds) {
        this.store = store;
        this.metrics = metrics;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.leaseSeconds = leaseSeconds;
    }

    /** The task that replays a service's parked callbacks, queued when the service is resumed. */
    public String replayTask(UUID serviceId) {
        return mapper.createObjectNode().put("task", REPLAY_TASK).put("service_id", serviceId.toString()).toString();
    }

    /** The next batch to publish: empty when none is left or the service is suspended again. */
    public List<CallbackCircuitStore.Parked> next(@ExchangeProperty("replayTask") Task replay) {
        UUID serviceId = Uuids.parse(replay.text("service_id"))
                .orElseThrow(() -> new InvalidTaskException(REPLAY_TASK + " without service_id"));
        if (store.suspended(serviceId)) {
            return List.of();
        }
        return store.claim(serviceId, batchSize, leaseSeconds);
    }

    /** The batch is on the queue again: no longer parked. */
    public void published(@ExchangeProperty("replayBatch") List<CallbackCircuitStore.Parked> batch) {
        store.delete(batch.stream().map(CallbackCircuitStore.Parked::id).toList());
        metrics.callbacksReplayed(batch.size());
    }
}
