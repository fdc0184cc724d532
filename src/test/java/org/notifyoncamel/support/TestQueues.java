package org.notifyoncamel.support;

import org.notifyoncamel.queues.Queues;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts messages on the context's own queues, as the producers of those messages would. */
public final class TestQueues {

    private final SqsClient sqs;
    private final Queues queues;

    public TestQueues(SqsClient sqs, Queues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    public void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(queues.url(queue)).messageBody(body));
    }

    public void deliver(String queue, java.util.UUID notificationId) {
        send(queue, "{\"notification_id\":\"" + notificationId + "\"}");
    }
}
