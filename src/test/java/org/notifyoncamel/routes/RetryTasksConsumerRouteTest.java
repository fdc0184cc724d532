package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.queues.Task;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Route consume-retry-tasks, a templated sqs-task-consumer (routes/common-templates.camel.yaml), and its
 * dispatch-retry-task: a message on the real (embedded) retry-tasks queue reaches the route of its task.
 */
@RouteLevelTest
class RetryTasksConsumerRouteTest extends RouteLevelTestSupport {

    @EndpointInject("mock:direct:deliver-notification")
    MockEndpoint deliver;
    @EndpointInject("mock:direct:dispatch-service-callback")
    MockEndpoint callbacks;

    @BeforeEach
    void advise() throws Exception {
        RouteAdvice.mockAndSkip(camel, "dispatch-retry-task", "direct:deliver-notification", "direct:dispatch-service-callback");
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aRetriedDeliverTaskGoesFromTheQueueToDeliverNotification() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        deliver.expectedMessageCount(1);
        deliver.setResultWaitTime(20_000);
        callbacks.expectedMessageCount(0);
        producer.sendBody("aws2-sqs:{{notify.sqs.prefix}}retry-tasks", "{\"task\":\"deliver_sms\",\"retries\":2,\"notification_id\":\"" + id + "\"}");
        deliver.assertIsSatisfied();
        Task task = deliver.getReceivedExchanges().get(0).getMessage().getBody(Task.class);
        assertThat(task.name()).isEqualTo("deliver_sms");
        assertThat(task.retries()).isEqualTo(2);
        assertThat(task.notificationId()).isEqualTo(id);
        callbacks.assertIsSatisfied();
    }

    @Test
    void aCallbackTaskGoesToServiceCallback() throws InterruptedException {
        callbacks.expectedMessageCount(1);
        deliver.expectedMessageCount(0);
        producer.sendBody("direct:dispatch-retry-task", new Task("send-delivery-status", 1,
                new ObjectMapper().createObjectNode().put("notification_id", UUID.randomUUID().toString())));
        MockEndpoint.assertIsSatisfied(callbacks, deliver);
    }
}
