package org.notifyoncamel.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A service's callback endpoint: records every request and answers with the queued statuses (then the standing
 * answer, 200 unless {@link #answerAlways} changed it), or holds every request until {@link #release} ({@link #hang}).
 */
public final class CallbackServer implements AutoCloseable {

    /** One request, with when it arrived ({@link System#nanoTime}). */
    public record Request(String path, String authorization, String contentType, JsonNode body, long arrivedNanos) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger standing = new AtomicInteger(200);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public CallbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), MAPPER.readTree(new String(body, StandardCharsets.UTF_8)),
                    System.nanoTime()));
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer status = statuses.poll();
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(status == null ? standing.get() : status, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException clientGone) {
                // the caller timed out while the request was held
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order. */
    public void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Every request without a queued status is answered with this one. */
    public void answerAlways(int status) {
        standing.set(status);
    }

    /** Holds every request (the caller times out) until {@link #release}. */
    public void hang() {
        held = new CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    /** The most requests this endpoint has held at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<Request> requests() {
        return requests;
    }

    public List<Request> requestsFor(String notificationId) {
        return requests.stream().filter(r -> r.body() != null && notificationId.equals(r.body().path("id").asText(null))).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
