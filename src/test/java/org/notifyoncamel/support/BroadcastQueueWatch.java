package org.notifyoncamel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Observes (never changes) the broadcast-tasks consumer: every message it receives from SQS, with
 * its SQS message id and ApproximateReceiveCount, so a test can prove each was delivered once.
 */
public final class BroadcastQueueWatch extends EventNotifierSupport {

    public record Receive(String messageId, int receiveCount, String body) {
    }

    private final List<Receive> receives = new ArrayList<>();

    public static BroadcastQueueWatch attach(CamelContext camel) {
        BroadcastQueueWatch watch = new BroadcastQueueWatch();
        camel.getCamelContextExtension().setEventNotificationApplicable(true);
        camel.getManagementStrategy().addEventNotifier(watch);
        ServiceHelper.startService(watch);
        return watch;
    }

    public void detach(CamelContext camel) {
        camel.getManagementStrategy().removeEventNotifier(this);
        ServiceHelper.stopService(this);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCreatedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCreatedEvent) event).getExchange();
        // copies made inside the route (the fan-out's split) carry the consumer's headers but are no SQS receive
        if (!"consume-broadcast-tasks".equals(exchange.getFromRouteId()) || exchange.getProperty(Exchange.CORRELATION_ID) != null) {
            return;
        }
        String id = exchange.getIn().getHeader("CamelAwsSqsMessageId", String.class);
        Integer count = exchange.getIn().getHeader("ApproximateReceiveCount", Integer.class);
        synchronized (receives) {
            receives.add(new Receive(id, count == null ? 0 : count, exchange.getIn().getBody(String.class)));
        }
    }

    public List<Receive> receives() {
        synchronized (receives) {
            return List.copyOf(receives);
        }
    }

    /** SQS message id -> how many times the consumer received it. */
    public Map<String, Long> receivesPerMessage() {
        return receives().stream().collect(java.util.stream.Collectors.groupingBy(Receive::messageId, java.util.stream.Collectors.counting()));
    }
}
