package org.notifyoncamel.delivery;

import org.notifyoncamel.common.LoggedErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.EndpointAware;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.processor.loadbalancer.LoadBalancerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS provider load balancer of route {@code sms-provider-balancer}: weighted by
 * {@code provider_details.priority} (through {@link SmsProviderSelection}) and failing over to
 * the next provider, within the same attempt, when a provider errors. Each failure lowers that
 * provider's priority (workers.md 2.7, 1-minute threshold). Its children are
 * {@code to: direct:sms-provider-<identifier>}; the identifier is read from the endpoint.
 * When every provider fails, the last error is raised to the deliver route, which retries later.
 */
@Component("smsProviderBalancer")
public class SmsProviderBalancer extends LoadBalancerSupport {

    /** Exchange property: the identifier of the provider that accepted the message. */
    public static final String PROVIDER = "notifyProvider";
    private static final Logger LOG = LoggerFactory.getLogger(SmsProviderBalancer.class);
    private static final String ENDPOINT_PREFIX = "sms-provider-";

    private final SmsProviderSelection selection;
    private final SmsProviderPriorities priorities;

    public SmsProviderBalancer(SmsProviderSelection selection, SmsProviderPriorities priorities) {
        this.selection = selection;
        this.priorities = priorities;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            balance(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private void balance(Exchange exchange) {
        SmsSend send = exchange.getIn().getBody(SmsSend.class);
        if (send == null) {
            throw new IllegalArgumentException("sms-provider-balancer expects an SmsSend body");
        }
        Map<String, AsyncProcessor> routes = providerRoutes();
        Exception last = null;
        for (String provider : selection.order(send.international())) {
            AsyncProcessor route = routes.get(provider);
            if (route == null) {
                LOG.warn("Active SMS provider {} has no route direct:{}{}", provider, ENDPOINT_PREFIX, provider);
                continue;
            }
            prepareAttempt(exchange, send);
            try {
                route.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null) {
                exchange.setProperty(PROVIDER, provider);
                return;
            }
            last = failure;
            LOG.warn("Notification {}: {} failed ({}), trying the next provider", send.notificationId(), provider, LoggedErrors.describe(failure));
            priorities.reduceAfterFailure(provider);
        }
        prepareAttempt(exchange, send);
        if (last != null) {
            throw last instanceof RuntimeException r ? r : new IllegalStateException(last);
        }
        throw new IllegalStateException("No active sms providers with a route");
    }

    private static void prepareAttempt(Exchange exchange, SmsSend send) {
        exchange.setException(null);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        exchange.getExchangeExtension().setRollbackOnly(false);
        exchange.getIn().setBody(send);
    }

    private Map<String, AsyncProcessor> providerRoutes() {
        Map<String, AsyncProcessor> routes = new LinkedHashMap<>();
        for (AsyncProcessor processor : getProcessors()) {
            String uri = endpointUri(processor);
            if (uri != null && uri.contains(ENDPOINT_PREFIX)) {
                routes.putIfAbsent(uri.substring(uri.lastIndexOf(ENDPOINT_PREFIX) + ENDPOINT_PREFIX.length()), processor);
            }
        }
        return routes;
    }

    /** The endpoint a child sends to, found by walking the processors Camel wrapped around it. */
    static String endpointUri(Processor processor) {
        List<Processor> pending = new ArrayList<>(List.of(processor));
        for (int guard = 0; !pending.isEmpty() && guard < 50; guard++) {
            Processor next = pending.remove(0);
            if (next instanceof EndpointAware aware && aware.getEndpoint() != null) {
                return aware.getEndpoint().getEndpointUri();
            }
            if (next instanceof Navigate<?> navigate && navigate.hasNext()) {
                for (Object child : navigate.next()) {
                    if (child instanceof Processor p) {
                        pending.add(p);
                    }
                }
            }
        }
        return null;
    }
}
