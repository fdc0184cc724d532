package org.notifyoncamel.receipts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.delivery.DeliveryStore;
import org.notifyoncamel.delivery.NotificationDelivery;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.ops.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * process-sms-client-response (workers.md 3.4): maps the provider status, updates the row under a
 * lock, sets the billable units of research/test sends, and asks for a delivery-status callback for
 * any status but pending. A receipt for a row that is not visible yet is retried with a delay.
 */
@Component("smsReceipts")
public class SmsReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(SmsReceipts.class);

    private final ReceiptStore store;
    private final DeliveryStore notifications;
    private final NotificationDelivery delivery;
    private final DeliveryStatusCallbacks callbacks;
    private final ObjectMapper mapper;
    private final int notFoundDelay;
    private final int notFoundMaxRetries;
    private final NotifyMetrics metrics;

    public SmsReceipts(ReceiptStore store, DeliveryStore notifications, NotificationDelivery delivery,
                       DeliveryStatusCallbacks callbacks, ObjectMapper mapper, NotifyMetrics metrics,
                       @Value("${notify.receipts.not-found-retry-delay-seconds}") int notFoundDelay,
                       @Value("${notify.receipts.not-found-max-retries}") int notFoundMaxRetries) {
        this.metrics = metrics;
        this.store = store;
        this.notifications = notifications;
        this.delivery = delivery;
        this.callbacks = callbacks;
        this.mapper = mapper;
        this.notFoundDelay = notFoundDelay;
        this.notFoundMaxRetries = notFoundMaxRetries;
    }

    public ReceiptResult process(@Body Task task) {
        String clientName = task.text("client_name") == null ? "" : task.text("client_name");
        String status = task.text("status");
        String detailed = task.text("detailed_status_code");
        Optional<UUID> id = Uuids.parse(task.text("reference"));
        if (id.isEmpty()) {
            LOG.warn("{} callback with an invalid reference ignored", clientName);
            return ReceiptResult.done();
        }
        Optional<String> mapped = SmsStatuses.map(clientName, status);
        if (mapped.isEmpty()) {
            store.technicalFailure(id.get());
            LOG.error("{} callback failed: status {} not found.", clientName, status);
            return ReceiptResult.done();
        }
        if ("permanent-failure".equals(mapped.get()) && !SmsStatuses.isKnownCode(detailed)) {
            LOG.warn("{} failure code {} for notification {} is not a known Firetext code", clientName, detailed, id.get());
        }
        ReceiptStore.SmsUpdate update = store.updateSms(id.get(), mapped.get(), clientName.toLowerCase(Locale.ROOT), detailed);
        if (update.outcome() == ReceiptStore.Outcome.UPDATED && !"pending".equals(mapped.get())) {
            metrics.finalStatus("sms", clientName.toLowerCase(Locale.ROOT), mapped.get());
        }
        switch (update.outcome()) {
            case NOT_FOUND -> {
                if (task.retries() >= notFoundMaxRetries) {
                    LOG.warn("{} callback for unknown notification {} dropped after {} retries", clientName, id.get(), task.retries());
                    return ReceiptResult.done();
                }
                int delay = ReceiptResult.notFoundRetryDelay(task.retries(), notFoundDelay);
                LOG.info("{} callback for notification {} that is not visible yet: retry in {} s", clientName, id.get(), delay);
                return ReceiptResult.retryLater(new RetryMessage(task.retryMessage(mapper, Task.SMS_RECEIPT), delay));
            }
            case DUPLICATE -> {
                LOG.warn("{} callback for notification {} already {}: duplicate ignored", clientName, id.get(), update.status());
                return ReceiptResult.done();
            }
            case NO_RECEIPTS_FOR_COUNTRY -> {
                return ReceiptResult.done();
            }
            default -> {
            }
        }
        LOG.info("{} callback: notification {} is {}", clientName, id.get(), update.status());
        if (update.billableUnits() == 0) {
            notifications.find(id.get()).ifPresent(n -> store.setBillableUnitsIfZero(n.id(), delivery.smsFragments(n)));
        }
        if ("pending".equals(update.status())) {
            return ReceiptResult.done();
        }
        return ReceiptResult.withCallbacks(callbacks.deliveryStatusTask(id.get()).map(List::of).orElse(List.of()));
    }
}
