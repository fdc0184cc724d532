package org.notifyoncamel.routes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.notifyoncamel.NotifyApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A route-level test (docs/adr/0103-route-level-tests.md): the real beans against the real PostgreSQL,
 * Redis and embedded ElasticMQ, but only the route files under test and no web server, so the routes
 * start in a moment and a test sends one exchange to the route it is about. The hops leaving the route
 * under test are mocked and skipped with AdviceWith ({@link RouteAdvice}): a test asserts what would be
 * handed on there. Every class using this shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = NotifyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "notify.app-name=route-level-tests",
    "notify.roles.route-level-tests=common-errors.camel.yaml,common-worker-errors.camel.yaml,common-templates.camel.yaml,"
            + "receipts-processing.camel.yaml,delivery-save-api.camel.yaml,consume-retry-tasks.camel.yaml,"
            + "delivery-notifications.camel.yaml,delivery-providers.camel.yaml,broadcasts-errors.camel.yaml,broadcasts-send.camel.yaml,"
            + "callbacks-service.camel.yaml",
    "notify.receipts.error-retry-delay-seconds=7",
    "notify.delivery.save-max-retries=2",
    "notify.queues.retry-tasks.wait-time-seconds=1",
    // callback backoff without jitter (3, 6, 12 ... s) and replays in batches of two (ServiceCallbackRouteTest)
    "notify.callbacks.retry-delay-seconds=3",
    "notify.callbacks.retry-jitter-factor=0",
    "notify.callbacks.replay-batch-size=2",
    // the broadcast retry policy in compressed time (BroadcastRetryPolicyRouteTest), EE's proxies observable
    "notify.broadcasts.redelivery-delay=100",
    "notify.broadcasts.backoff-multiplier=2",
    "notify.broadcasts.maximum-redelivery-delay=400",
    "notify.broadcasts.cbc.ee-primary-url=mock:cbc-ee-primary",
    "notify.broadcasts.cbc.ee-failover-url=mock:cbc-ee-failover",
})
@CamelSpringBootTest
@ActiveProfiles("test")
public @interface RouteLevelTest {
}
