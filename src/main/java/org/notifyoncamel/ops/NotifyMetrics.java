package org.notifyoncamel.ops;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Provider request latency is Camel's own route timer of the provider routes
 * ({@code camel_route_policy_seconds{routeId="sms-provider-mmg"|"sms-provider-firetext"|"email-provider-ses"}}).
 *
 * Business metrics with snake_case names and low-cardinality labels (type, provider, status,
 * key type: never ids or recipients). Exposed at /actuator/prometheus beside Camel's route metrics.
 */
@Component
public class NotifyMetrics {

    private final MeterRegistry registry;

    public NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics that go nowhere, for beans constructed outside Spring (unit tests). */
    public static NotifyMetrics detached() {
        return new NotifyMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** A notification accepted by the API (201). */
    public void accepted(String notificationType, String keyType) {
        Counter.builder("notify_notifications_accepted_total").description("Notifications accepted by the API")
                .tag("type", notificationType).tag("key_type", keyType).register(registry).increment();
    }

    /** A notification handed to a provider. */
    public void sent(String notificationType, String provider) {
        Counter.builder("notify_notifications_sent_total").description("Notifications handed to a provider")
                .tag("type", notificationType).tag("provider", provider).register(registry).increment();
    }

    /** A notification reached a final status (delivered, permanent-failure, ...). */
    public void finalStatus(String notificationType, String provider, String status) {
        Counter.builder("notify_notifications_completed_total").description("Notifications that reached a final status")
                .tag("type", notificationType).tag("provider", provider == null ? "none" : provider).tag("status", status)
                .register(registry).increment();
    }

    /** An inbound text stored (the original's {@code inbound_sms{provider}}). */
    public void inboundSms(String provider) {
        Counter.builder("notify_inbound_sms_total").description("Inbound texts received and stored")
                .tag("provider", provider).register(registry).increment();
    }

    /** A service's callbacks suspended ({@code trigger} automatic or manual) or resumed (docs/adr/0170). */
    public void callbacksSuspended(String trigger) {
        Counter.builder("notify_service_callback_suspensions_total").description("Services whose callbacks were suspended")
                .tag("trigger", trigger).register(registry).increment();
    }

    public void callbacksResumed() {
        Counter.builder("notify_service_callback_resumptions_total").description("Services whose suspended callbacks were resumed")
                .register(registry).increment();
    }

    /** Callback tasks kept while their service was suspended, and published again when it was resumed. */
    public void callbacksParked() {
        Counter.builder("notify_service_callbacks_parked_total").description("Callback tasks parked while their service was suspended")
                .register(registry).increment();
    }

    public void callbacksReplayed(int count) {
        Counter.builder("notify_service_callbacks_replayed_total").description("Parked callback tasks published again on resumption")
                .register(registry).increment(count);
    }

    /** Callback tasks put off because their service already had its share of callbacks in flight. */
    public void callbackDeferred() {
        Counter.builder("notify_service_callbacks_deferred_total").description("Callback tasks put off while their service was busy")
                .register(registry).increment();
    }

    /** A gauge read when metrics are scraped (counts kept in the database). */
    public <T> void gauge(String name, String description, T source, java.util.function.ToDoubleFunction<T> value) {
        io.micrometer.core.instrument.Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** A service callback that failed (connection error or HTTP status). */
    public void callbackFailed(String reason) {
        Counter.builder("notify_service_callback_failures_total").description("Failed service callbacks")
                .tag("reason", reason).register(registry).increment();
    }
}
