package org.notifyoncamel.broadcasts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastEvent;
import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastMessage;
import org.notifyoncamel.broadcasts.BroadcastStore.ProviderMessage;
import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps of the broadcast routes: fan an event out to the networks, and for one network decide
 * whether the event may (still) be sent (notifications-api app/celery/broadcast_message_tasks.py), build the proxy payload (app/clients/cbc_proxy.py) and record
 * the outcome. Sending is idempotent: every attempt starts from the provider message's stored
 * state, so an acknowledged provider message is never sent again, whatever SQS delivers.
 */
@Component("broadcastSender")
public class BroadcastSender {

    /** Exchange properties of a provider-message attempt. */
    public static final String PROVIDER_MESSAGE_ID = "broadcastProviderMessageId";
    public static final String ACTION = "cbcAction";
    public static final String PRIMARY_URI = "cbcPrimaryUri";
    public static final String FAILOVER_URI = "cbcFailoverUri";
    public static final String ACTION_SEND = "send";
    public static final String ACTION_ACKNOWLEDGE = "acknowledge";
    public static final String ACTION_NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastSender.class);

    private final BroadcastStore store;
    private final BroadcastTasks tasks;
    private final CbcProxies proxies;
    private final CbcPayloads payloads;

    public BroadcastSender(BroadcastStore store, BroadcastTasks tasks, CbcProxies proxies, ObjectMapper mapper) {
        this.store = store;
        this.tasks = tasks;
        this.proxies = proxies;
        this.payloads = new CbcPayloads(mapper);
    }

    /** send-broadcast-event: one provider-message task per network the service may broadcast to. */
    public List<String> providerTasks(@ExchangeProperty(BroadcastTasks.EVENT_ID) UUID eventId) {
        Optional<BroadcastEvent> event = store.event(eventId);
        if (event.isEmpty()) {
            LOG.warn("Broadcast event {} not found; nothing sent", eventId);
            return List.of();
        }
        if (!proxies.enabled()) {
            LOG.info("CBC proxy disabled: broadcast event {} is not sent to any network", eventId);
            return List.of();
        }
        List<CbcNetwork> networks = proxies.enabledNetworks();
        Optional<String> restriction = store.providerRestriction(event.get().serviceId());
        if (restriction.isPresent()) {
            networks = networks.stream().filter(n -> n.id().equals(restriction.get())).toList();
        }
        LOG.info("Broadcast event {} ({}) goes to {}", eventId, event.get().messageType(), networks);
        return networks.stream().map(n -> tasks.providerMessageTask(eventId, n)).toList();
    }

    /**
     * Before each attempt: stops (BroadcastNotSendable) when the broadcast is no longer live, waits
     * (EarlierEventPending) while an earlier event for this network is unacknowledged, does nothing
     * when already acknowledged, and otherwise prepares the proxy call.
     */
    public void prepare(Exchange exchange) {
        UUID eventId = exchange.getProperty(BroadcastTasks.EVENT_ID, UUID.class);
        CbcNetwork network = network(exchange);
        BroadcastEvent event = store.event(eventId).orElseThrow(() -> new BroadcastNotSendable("Broadcast event " + eventId + " not found"));
        Optional<ProviderMessage> existing = store.providerMessage(eventId, network.id());
        existing.ifPresent(m -> exchange.setProperty(PROVIDER_MESSAGE_ID, m.id()));
        if (existing.isPresent() && BroadcastStatus.PROVIDER_ACK.equals(existing.get().status())) {
            LOG.info("Broadcast provider message {} ({} for event {}) already acknowledged; not sent again",
                    existing.get().id(), network.id(), eventId);
            exchange.setProperty(ACTION, ACTION_NONE);
            return;
        }
        Optional<String> notLive = whyNotLive(event, network, existing);
        if (notLive.isPresent()) {
            throw new BroadcastNotSendable(notLive.get());
        }
        List<ProviderMessage> earlier = new ArrayList<>();
        for (BroadcastEvent previous : earlierEvents(event)) {
            Optional<ProviderMessage> previousMessage = store.providerMessage(previous.id(), network.id());
            if (previousMessage.isEmpty() || !BroadcastStatus.PROVIDER_ACK.equals(previousMessage.get().status())) {
                throw new EarlierEventPending("Broadcast event " + eventId + " waits for earlier " + previous.messageType()
                        + " event " + previous.id() + " to be acknowledged by " + network.id()
                        + previousMessage.map(m -> " (currently " + m.status() + ")").orElse(" (not sent yet)"));
            }
            earlier.add(previousMessage.get());
        }
        ProviderMessage message = store.providerMessageFor(eventId, network.id(), network.needsMessageNumber());
        exchange.setProperty(PROVIDER_MESSAGE_ID, message.id());
        ObjectNode payload;
        switch (event.messageType()) {
            case "alert" -> payload = payloads.alert(event, message, network, store.channel(event.serviceId()));
            case "cancel" -> payload = payloads.cancel(event, message, network, earlier);
            default -> {
                // updates are not sent by any proxy (the original's no-op), only recorded
                exchange.setProperty(ACTION, ACTION_ACKNOWLEDGE);
                return;
            }
        }
        exchange.setProperty(ACTION, ACTION_SEND);
        exchange.setProperty(PRIMARY_URI, proxies.endpointUri(network, false));
        exchange.setProperty(FAILOVER_URI, proxies.endpointUri(network, true));
        exchange.getMessage().setBody(payload.toString());
    }

    /** The proxy (or, for updates, nobody) acknowledged: the provider message is returned-ack. */
    public void acknowledge(Exchange exchange) {
        if (ACTION_NONE.equals(exchange.getProperty(ACTION, String.class))) {
            return;
        }
        UUID id = exchange.getProperty(PROVIDER_MESSAGE_ID, UUID.class);
        if (store.markAcknowledged(id)) {
            LOG.info("Broadcast provider message {} ({} for event {}) acknowledged", id, exchange.getProperty(BroadcastTasks.PROVIDER),
                    exchange.getProperty(BroadcastTasks.EVENT_ID));
        }
    }

    /** retryWhile of the broadcast redelivery policy: retry until sent or no longer live. */
    public boolean stillLive(Exchange exchange) {
        UUID eventId = exchange.getProperty(BroadcastTasks.EVENT_ID, UUID.class);
        CbcNetwork network = network(exchange);
        Optional<BroadcastEvent> event = eventId == null ? Optional.empty() : store.event(eventId);
        if (event.isEmpty()) {
            return false;
        }
        Optional<ProviderMessage> existing = store.providerMessage(eventId, network.id());
        if (existing.isPresent() && BroadcastStatus.PROVIDER_ACK.equals(existing.get().status())) {
            return false;
        }
        return whyNotLive(event.get(), network, existing).isEmpty();
    }

    /**
     * The end of the retries: the provider message (if one was created) becomes technical-failure.
     * Reached only when the broadcast is no longer live; anything else (a worker stopping while it
     * waits to retry) leaves the task failed on the queue, so SQS delivers it again.
     */
    public void giveUp(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        UUID eventId = exchange.getProperty(BroadcastTasks.EVENT_ID, UUID.class);
        String provider = exchange.getProperty(BroadcastTasks.PROVIDER, String.class);
        if (!(cause instanceof BroadcastNotSendable) && stillLive(exchange)) {
            throw new IllegalStateException("Broadcast event " + eventId + " for " + provider
                    + " is still live; the task stays on the queue", cause);
        }
        String reason = cause == null ? "no longer live" : cause.getMessage();
        boolean known = eventId != null && CbcNetwork.of(provider).isPresent() && store.event(eventId).isPresent();
        if (known && store.givenUp(eventId, provider)) {
            LOG.error("Gave up broadcast event {} for {}: provider message is technical-failure: {}", eventId, provider, reason);
        } else {
            LOG.warn("Broadcast event {} not sent to {}: {}", eventId, provider, reason);
        }
    }

    private Optional<String> whyNotLive(BroadcastEvent event, CbcNetwork network, Optional<ProviderMessage> existing) {
        if (existing.isPresent() && BroadcastStatus.PROVIDER_TECHNICAL_FAILURE.equals(existing.get().status())) {
            return Optional.of("Provider message " + existing.get().id() + " was given up (technical-failure)");
        }
        Instant now = Timestamps.now();
        if (event.transmittedFinishesAt() != null && event.transmittedFinishesAt().isBefore(now)) {
            return Optional.of("Broadcast event " + event.id() + " expiry time " + Timestamps.iso(event.transmittedFinishesAt())
                    + " has already passed");
        }
        if (!"cancel".equals(event.messageType())) {
            Optional<BroadcastMessage> message = store.message(event.messageId());
            if (message.isEmpty() || !BroadcastStatus.BROADCASTING.equals(message.get().status())) {
                return Optional.of("Broadcast message " + event.messageId() + " is "
                        + message.map(BroadcastMessage::status).orElse("missing") + ", no longer broadcasting");
            }
            boolean superseded = store.events(event.messageId()).stream()
                    .anyMatch(e -> !e.id().equals(event.id()) && e.sentAt().isAfter(event.sentAt()));
            if (superseded) {
                return Optional.of("Broadcast event " + event.id() + " has been superseded by a later event");
            }
        }
        for (BroadcastEvent previous : earlierEvents(event)) {
            Optional<ProviderMessage> previousMessage = store.providerMessage(previous.id(), network.id());
            if (previousMessage.isPresent() && BroadcastStatus.PROVIDER_TECHNICAL_FAILURE.equals(previousMessage.get().status())) {
                return Optional.of("Earlier " + previous.messageType() + " event " + previous.id() + " was given up for "
                        + network.id() + ", so there is nothing to follow up");
            }
        }
        return Optional.empty();
    }

    private List<BroadcastEvent> earlierEvents(BroadcastEvent event) {
        return store.events(event.messageId()).stream()
                .filter(e -> !e.id().equals(event.id()) && e.sentAt().isBefore(event.sentAt())).toList();
    }

    private static CbcNetwork network(Exchange exchange) {
        String provider = exchange.getProperty(BroadcastTasks.PROVIDER, String.class);
        return CbcNetwork.of(provider).orElseThrow(() -> new BroadcastNotSendable("Unknown broadcast provider " + provider));
    }
}
