package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Poll;

/**
 * The sqs-task-consumer template (routes/common-templates.camel.yaml) keeps a message invisible while it is
 * processed (ADR 0194): a task that takes 5 s on a queue with a 2 s visibility timeout and two consumers is
 * processed once, not handed to the second consumer when its first visibility timeout runs out.
 */
@RouteLevelTest
class VisibilityExtensionRouteTest extends RouteLevelTestSupport {

    private static final String ROUTE = "consume-visibility-extension-test";

    @AfterEach
    void removeRoutes() throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        camel.removeRoute(ROUTE);
        camel.getRouteController().stopRoute("slow-visibility-task");
        camel.removeRoute("slow-visibility-task");
    }

    @Test
    void aTaskSlowerThanTheVisibilityTimeoutIsProcessedOnce() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow-visibility-task").routeId("slow-visibility-task")
                        .process(e -> started.incrementAndGet())
                        // the work itself: a provider or callback endpoint that takes 5 s to answer
                        .delay(5_000)
                        .process(e -> finished.incrementAndGet());
            }
        });
        TemplatedRouteBuilder.builder(camel, "sqs-task-consumer").routeId(ROUTE)
                .parameter("queue", "letter-tasks").parameter("task", "visibility-test")
                .parameter("target", "direct:slow-visibility-task").parameter("maxMessagesPerPoll", "1")
                .parameter("concurrentConsumers", "2").parameter("waitTimeSeconds", "1").parameter("visibilityTimeout", "2")
                .add();
        camel.getRouteController().startRoute(ROUTE);

        producer.sendBody("aws2-sqs:{{notify.sqs.prefix}}letter-tasks", "{\"notification_id\":\"" + UUID.randomUUID() + "\"}");

        Poll.until(Duration.ofSeconds(30), "the slow task finished", () -> finished.get() >= 1);
        assertThat(started).as("started while the first was still processing").hasValue(1);
        assertThat(finished).hasValue(1);
    }
}
