package org.notifyoncamel.queues;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates every queue (with the configured visibility timeout) before the routes start. On in
 * development and tests; in production the queues are provisioned with the infrastructure.
 * A queue may override the shared timeout with {@code notify.queues.<queue>.visibility-timeout}
 * (the broadcast queue does: ADR 0001).
 * <p>
 * The queues are created on a background thread from the moment this bean exists, so the first SQS calls
 * (seconds of SDK and ElasticMQ warm-up on a busy machine) overlap the rest of the start-up; {@link #start()},
 * a lifecycle phase before Tomcat and Camel start, waits for them (ADR 0075).
 */
@Component
@ConditionalOnProperty(name = "notify.sqs.create-queues", havingValue = "true")
public class QueueProvisioner implements InitializingBean, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(QueueProvisioner.class);

    private final Queues queues;
    private final int visibilityTimeout;
    private final Environment env;
    private CompletableFuture<Void> created;
    private volatile boolean running;

    public QueueProvisioner(Queues queues, @Value("${notify.sqs.visibility-timeout}") int visibilityTimeout, Environment env) {
        this.queues = queues;
        this.visibilityTimeout = visibilityTimeout;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        created = CompletableFuture.runAsync(this::createAll, r -> {
            Thread t = new Thread(r, "queue-provisioner");
            t.setDaemon(true);
            t.start();
        });
    }

    private void createAll() {
        EmbeddedSqs.awaitStarted();
        for (String queue : QueueNames.ALL) {
            queues.create(queue, env.getProperty("notify.queues." + queue + ".visibility-timeout", Integer.class, visibilityTimeout));
        }
        LOG.info("Queues ready with prefix '{}' and visibility timeout {} s", queues.prefix(), visibilityTimeout);
    }

    /** Waits until every queue exists; a failure to create them fails the start-up. */
    @Override
    public void start() {
        try {
            created.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (Integer.MAX_VALUE - 1) and everything else that may use a queue. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
