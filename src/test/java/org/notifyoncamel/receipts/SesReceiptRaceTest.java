package org.notifyoncamel.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.ops.NotifyMetrics;
import org.notifyoncamel.queues.Task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An SES receipt processed while the send's confirmation (which sets the reference) commits: the first update
 * finds no row, the look-up then sees it. The receipt must still be applied, not ignored as "no longer sending".
 */
class SesReceiptRaceTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final UUID id = UUID.randomUUID();

    /** The row becomes visible after the first update ran. */
    final class RacingStore extends ReceiptStore {
        final List<String> updates = new ArrayList<>();
        boolean visible;
        boolean sending = true;

        RacingStore() {
            super(null);
        }

        @Override
        public List<UUID> updateEmailByReference(String reference, String status, Instant now) {
            updates.add(status);
            boolean applies = visible && sending;
            visible = true;
            if (applies) {
                sending = false;
                return List.of(id);
            }
            return List.of();
        }

        @Override
        public Optional<Sent> findByReference(String reference) {
            return visible ? Optional.of(new Sent(id, UUID.randomUUID())) : Optional.empty();
        }
    }

    final class NoCallbacks extends DeliveryStatusCallbacks {
        NoCallbacks() {
            super(null, null, mapper, new org.notifyoncamel.callbacks.CallbackPoster(NotifyMetrics.detached(), 1000, new org.notifyoncamel.callbacks.CallbackUrlGuard(false)), null);
        }

        @Override
        public Optional<String> deliveryStatusTask(UUID notificationId) {
            return Optional.of("callback-for-" + notificationId);
        }
    }

    private Task delivery() {
        ObjectNode args = mapper.createObjectNode();
        args.put("Message", "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"ses-ref-1\"}}");
        return new Task("process-ses-result", 0, args);
    }

    @Test
    void aReceiptThatOvertakesTheConfirmationIsApplied() {
        RacingStore store = new RacingStore();
        ReceiptResult result = new SesReceipts(store, new NoCallbacks(), mapper, NotifyMetrics.detached(), 30).process(delivery());
        assertThat(store.updates).containsExactly("delivered", "delivered");
        assertThat(result.callbacks()).containsExactly("callback-for-" + id);
    }

    @Test
    void aReceiptForANotificationNoLongerSendingIsIgnored() {
        RacingStore store = new RacingStore();
        store.visible = true;
        store.sending = false;
        ReceiptResult result = new SesReceipts(store, new NoCallbacks(), mapper, NotifyMetrics.detached(), 30).process(delivery());
        assertThat(result.callbacks()).isEmpty();
        assertThat(result.retry()).isNull();
    }
}
