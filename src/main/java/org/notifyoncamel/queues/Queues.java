package org.notifyoncamel.queues;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queue names with the deployment's prefix, and their URLs (looked up once). */
@Component
public class Queues {

    private final SqsClient sqs;
    private final String prefix;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public Queues(SqsClient sqs, @Value("${notify.sqs.prefix:}") String prefix) {
        this.sqs = sqs;
        this.prefix = prefix;
    }

    /** The queue's full name, e.g. {@code development-send-sms-tasks}. */
    public String name(String queue) {
        return prefix + queue;
    }

    public String prefix() {
        return prefix;
    }

    public String url(String queue) {
        return urls.computeIfAbsent(queue, q -> sqs.getQueueUrl(GetQueueUrlRequest.builder().queueName(name(q)).build()).queueUrl());
    }

    void create(String queue, int visibilityTimeoutSeconds) {
        String url = sqs.createQueue(CreateQueueRequest.builder().queueName(name(queue))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds)))
                .build()).queueUrl();
        urls.put(queue, URI.create(url).toString());
    }
}
