package org.notifyoncamel.queues;

import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.typesafe.config.ConfigFactory;

/**
 * An ElasticMQ server in this JVM for development and tests: the real SQS wire protocol on a local
 * port, so the same aws2-sqs endpoints and SDK calls run as in production. One server per JVM; every
 * Spring context in a test run shares it and keeps apart by its own queue prefix.
 */
public final class EmbeddedSqs {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);
    private static SQSRestServer server;
    private static String endpoint;
    private static java.util.concurrent.CompletableFuture<String> starting;

    private EmbeddedSqs() {
    }

    /** Starts the server once (port 0 picks a free port) and returns its endpoint URL. */
    public static synchronized String start(int port) {
        if (endpoint != null) {
            return endpoint;
        }
        // ElasticMQ answers several times faster on a fixed thread pool than on the default fork-join dispatcher
        ActorSystem actorSystem = ActorSystem.create("elasticmq", ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.actor.default-dispatcher.executor = thread-pool-executor
                pekko.actor.default-dispatcher.thread-pool-executor.fixed-pool-size = 4
                pekko.http.server.idle-timeout = 120 s
                """).withFallback(ConfigFactory.load()));
        SQSRestServer started = SQSRestServerBuilder.withActorSystem(actorSystem)
                .withInterface("127.0.0.1").withPort(port).start();
        int boundPort = started.waitUntilStarted().localAddress().getPort();
        server = started;
        endpoint = "http://127.0.0.1:" + boundPort;
        LOG.info("Embedded SQS (ElasticMQ) listening on {}", endpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.stopAndWait();
            actorSystem.terminate();
        }, "embedded-sqs-stop"));
        return endpoint;
    }

    /**
     * Starts the server on a known port in the background and returns its endpoint at once, so the server's
     * start (about 1-3 s of Pekko start-up) overlaps the Spring context's (ADR 0075). Callers that need the
     * server call {@link #awaitStarted()} first. Port 0 (tests) starts synchronously, as the port is not known.
     */
    public static synchronized String startInBackground(int port) {
        if (port == 0) {
            return start(0);
        }
        if (endpoint == null && starting == null) {
            starting = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<String> mine = starting;
            Thread starter = new Thread(() -> {
                try {
                    mine.complete(start(port));
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                }
            }, "embedded-sqs-start");
            starter.setDaemon(true);
            starter.start();
        }
        return "http://127.0.0.1:" + port;
    }

    /** Waits until a server started by {@link #startInBackground} listens (at once if none is starting). */
    public static void awaitStarted() {
        java.util.concurrent.CompletableFuture<String> pending;
        synchronized (EmbeddedSqs.class) {
            pending = starting;
        }
        if (pending != null) {
            pending.join();
        }
    }

    public static synchronized String endpoint() {
        return endpoint;
    }
}
