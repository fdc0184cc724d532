package org.notifyoncamel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole application (as {@link IntegrationTest}) with the delivery pipeline's delays compressed:
 * retries after 1 s, two retries at most, receipts retried after 1 s, short provider timeouts and a
 * short visibility timeout on send-sms-tasks. Every test class using it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
    "notify.delivery.retry-delay-seconds=1",
    "notify.delivery.sms-first-retry-delay-seconds=0",
    "notify.delivery.max-retries=2",
    "notify.delivery.provider-cache-ms=0",
    "notify.delivery.claim-lease-seconds=20",
    "notify.receipts.not-found-retry-delay-seconds=1",
    "notify.receipts.error-retry-delay-seconds=1",
    "notify.callbacks.retry-delay-seconds=1",
    "notify.callbacks.retry-max-delay-seconds=1",
    "notify.callbacks.retry-jitter-factor=0",
    // a task's last retry (1 + 5 attempts) suspends its service's callbacks (CallbackSuspensionTest)
    "notify.callbacks.suspend-after-failures=6",
    "notify.callbacks.timeout-ms=3000",
    "notify.providers.mmg-timeout-ms=2000",
    "notify.providers.firetext-timeout-ms=2000",
    "notify.providers.ses-timeout-ms=5000",
    "notify.simulators.timeout-ms=2500",
    "notify.queues.send-sms-tasks.visibility-timeout=4",
    "notify.queues.send-sms-tasks.wait-time-seconds=1",
    "notify.queues.retry-tasks.wait-time-seconds=1",
    "notify.queues.sms-callbacks.wait-time-seconds=1",
    "notify.queues.ses-callbacks.wait-time-seconds=1",
    "notify.queues.service-callbacks.wait-time-seconds=1",
})
public @interface DeliveryIntegrationTest {
}
