package org.notifyoncamel.queues;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates every queue (with the configured visibility timeout) before the routes start. On in
 * development and tests; in production the queues are provisioned with the infrastructure.
 * A queue may override the shared timeout with {@code notify.queues.<queue>.visibility-timeout}
 * (the broadcast queue does: ADR 0001).
 */
@Component
@ConditionalOnProperty(name = "notify.sqs.create-queues", havingValue = "true")
public class QueueProvisioner implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(QueueProvisioner.class);

    private final Queues queues;
    private final int visibilityTimeout;
    private final Environment env;

    public QueueProvisioner(Queues queues, @Value("${notify.sqs.visibility-timeout}") int visibilityTimeout, Environment env) {
        this.queues = queues;
        this.visibilityTimeout = visibilityTimeout;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        for (String queue : QueueNames.ALL) {
            queues.create(queue, env.getProperty("notify.queues." + queue + ".visibility-timeout", Integer.class, visibilityTimeout));
        }
        LOG.info("Queues ready with prefix '{}' and visibility timeout {} s", queues.prefix(), visibilityTimeout);
    }
}
