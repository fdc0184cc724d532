package org.notifyoncamel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with ADR 0001's numbers compressed about a hundredfold: a 3 s visibility
 * timeout, back-off from 0.2 s capped at 2.4 s, a 0.5 s CBC proxy timeout. Every broadcast test
 * class with the fix switched on shares this one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "notify.queues.broadcast-tasks.visibility-timeout=3",
        "notify.queues.broadcast-tasks.max-messages-per-poll=1",
        "notify.queues.broadcast-tasks.extend-message-visibility=true",
        "notify.queues.broadcast-tasks.concurrent-consumers=4",
        "notify.queues.broadcast-tasks.wait-time-seconds=1",
        "notify.broadcasts.redelivery-delay=200",
        "notify.broadcasts.backoff-multiplier=2",
        "notify.broadcasts.maximum-redelivery-delay=2400",
        "notify.broadcasts.cbc.timeout=500",
})
public @interface BroadcastIntegrationTest {
}
