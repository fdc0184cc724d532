package org.notifyoncamel.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Every queue exists in the embedded ElasticMQ with the configured visibility timeout, and a message put on it comes back. */
@IntegrationTest
class EmbeddedSqsTest {

    @Autowired
    SqsClient sqs;

    @Autowired
    Queues queues;

    @Autowired
    CamelContext camel;

    @Test
    void aMessagePutOnEachQueueComesBack() throws Exception {
        // the workers' consumers would take the messages first: stop them while this test reads the queues
        List<String> consumers = camel.getRoutes().stream().map(Route::getRouteId).filter(id -> id.startsWith("consume-")).toList();
        for (String consumer : consumers) {
            camel.getRouteController().stopRoute(consumer);
        }
        // a long poll already in flight when its route stopped may still take a message; let them end (test wait time 2 s)
        Thread.sleep(3_000);
        try {
            putAndReceiveOnEachQueue();
        } finally {
            for (String consumer : consumers) {
                camel.getRouteController().startRoute(consumer);
            }
        }
    }

    private void putAndReceiveOnEachQueue() {
        for (String queue : QueueNames.ALL) {
            String url = queues.url(queue);
            assertThat(url).contains(queues.name(queue));
            String visibility = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(url)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT).build()).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
            assertThat(visibility).as(queue).isEqualTo("310");

            String body = "{\"queue\":\"" + queue + "\"}";
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2).maxNumberOfMessages(10)).messages();
            assertThat(received).extracting(Message::body).as(queue).contains(body);
            received.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    @Test
    void queuesCarryThePrefix() {
        assertThat(queues.prefix()).startsWith("test-");
        assertThat(queues.name(QueueNames.SEND_SMS)).isEqualTo(queues.prefix() + "send-sms-tasks");
    }
}
