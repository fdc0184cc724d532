package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Poll;

/**
 * A consumer stopped (as on SIGTERM) while it works through a poll's messages finishes every message it has received
 * (ADR 0197), so none waits out its visibility timeout before another worker may take it.
 */
@RouteLevelTest
class ConsumerShutdownRouteTest extends RouteLevelTestSupport {

    private static final String ROUTE = "consume-shutdown-test";

    @AfterEach
    void removeRoutes() throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        camel.removeRoute(ROUTE);
        camel.getRouteController().stopRoute("slow-shutdown-task");
        camel.removeRoute("slow-shutdown-task");
    }

    @Test
    void stoppingMidBatchFinishesTheMessagesAlreadyReceived() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger firstBatch = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow-shutdown-task").routeId("slow-shutdown-task")
                        .process(e -> {
                            started.incrementAndGet();
                            firstBatch.compareAndSet(0, e.getProperty(org.apache.camel.Exchange.BATCH_SIZE, Integer.class));
                        })
                        // the work itself: each task takes a second
                        .delay(1_000)
                        .process(e -> finished.incrementAndGet());
            }
        });
        for (int i = 0; i < 3; i++) {
            producer.sendBody("aws2-sqs:{{notify.sqs.prefix}}letter-tasks", "{\"notification_id\":\"" + UUID.randomUUID() + "\"}");
        }
        TemplatedRouteBuilder.builder(camel, "sqs-task-consumer").routeId(ROUTE)
                .parameter("queue", "letter-tasks").parameter("task", "shutdown-test")
                .parameter("target", "direct:slow-shutdown-task").parameter("maxMessagesPerPoll", "3")
                .parameter("concurrentConsumers", "1").parameter("waitTimeSeconds", "1").parameter("visibilityTimeout", "30")
                .add();
        camel.getRouteController().startRoute(ROUTE);

        Poll.until(Duration.ofSeconds(30), "the first task started", () -> started.get() >= 1);
        camel.getRouteController().stopRoute(ROUTE);
        int receivedTogether = firstBatch.get();
        assertThat(receivedTogether).as("the three messages came in one receive").isGreaterThan(1);
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
        assertThat(finished.get()).as("every message of the poll finished before the route stopped").isEqualTo(receivedTogether);
    }
}
