package org.notifyoncamel.objectstore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this JVM for development and tests (ADR 0110): S3Proxy over jclouds' filesystem
 * backend, so the same AWS SDK S3 client and camel-aws2-s3 endpoints run as against AWS, and the objects are
 * plain files under a directory one can open. One server per JVM, like {@code queues.EmbeddedSqs}; every
 * Spring context of a test run shares it.
 */
public final class EmbeddedS3 {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    private static String endpoint;

    private EmbeddedS3() {
    }

    /** Starts the server once (port 0 picks a free port) storing under {@code directory}; returns its endpoint URL. */
    public static synchronized String start(int port, String directory) {
        if (endpoint != null) {
            return endpoint;
        }
        try {
            Path base = Path.of(directory).toAbsolutePath();
            Files.createDirectories(base);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", base.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(properties)
                    .buildView(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port)).build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded S3 did not start within 30 s");
                }
                Thread.onSpinWait();
            }
            endpoint = "http://127.0.0.1:" + proxy.getPort();
            LOG.info("Embedded S3 (S3Proxy, files under {}) listening on {}", base, endpoint);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception e) {
                    LOG.debug("Embedded S3 stop failed: {}", e.getClass().getSimpleName());
                }
                context.close();
            }, "embedded-s3-stop"));
            return endpoint;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 could not start", e);
        }
    }

    public static synchronized String endpoint() {
        return endpoint;
    }
}
