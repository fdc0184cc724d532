package org.notifyoncamel.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Records every message the application sent to an SQS queue (queue name without the test prefix,
 * body), through aws2-sqs endpoints or the public API's batched sender, observed through Camel's events so consumers of those queues cannot race the assertion.
 */
public final class SentToQueues extends EventNotifierSupport {

    public record Sent(String queue, String body, boolean failed) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final String prefix;

    private SentToQueues(String prefix) {
        this.prefix = prefix;
    }

    public static synchronized SentToQueues on(CamelContext context, String prefix) {
        SentToQueues existing = context.getManagementStrategy().getEventNotifiers().stream()
                .filter(SentToQueues.class::isInstance).map(SentToQueues.class::cast).findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        SentToQueues notifier = new SentToQueues(prefix);
        context.getManagementStrategy().addEventNotifier(notifier);
        return notifier;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sentEvent && sentEvent.getEndpoint().getEndpointUri().startsWith("aws2-sqs:")) {
            String uri = sentEvent.getEndpoint().getEndpointUri().substring("aws2-sqs:".length()).replaceFirst("^//", "");
            String queue = uri.split("\\?")[0];
            if (queue.startsWith(prefix)) {
                queue = queue.substring(prefix.length());
            }
            sent.add(new Sent(queue, sentEvent.getExchange().getMessage().getBody(String.class),
                    sentEvent.getExchange().getException() != null));
        } else if (event instanceof CamelEvent.ExchangeSentEvent sentEvent
                && sentEvent.getEndpoint().getEndpointUri().startsWith("bean://sqsBatchSender")) {
            // the public API's batched sends (queues.SqsBatchSender): the queue is the exchange property, without prefix
            sent.add(new Sent(sentEvent.getExchange().getProperty("notifyQueue", String.class),
                    sentEvent.getExchange().getMessage().getBody(String.class), sentEvent.getExchange().getException() != null));
        }
    }

    /** The first message matching, waiting up to the timeout. */
    public Sent await(Predicate<Sent> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Sent s : sent) {
                if (matches.test(s)) {
                    return s;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
    }

    public List<Sent> all() {
        return List.copyOf(sent);
    }
}
