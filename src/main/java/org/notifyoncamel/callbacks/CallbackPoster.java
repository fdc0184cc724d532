package org.notifyoncamel.callbacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.notifyoncamel.ops.NotifyMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of every call to a service (notifications-api app/celery/service_callback_tasks.py): POST the JSON body with
 * {@code Authorization: Bearer <token>}, within {@code notify.callbacks.timeout-ms}. Success is a status
 * below 400; a 4xx other than 429 is refused (not retried); connection errors, timeouts, 429 and 5xx fail, to be
 * retried with backoff or to count towards suspension ({@link CallbackCircuit}, as GC Notify). URLs
 * must pass {@link CallbackUrlGuard} at send time (https, public addresses; loopback only when
 * {@code notify.callbacks.allow-http-localhost}). Shared by
 * delivery-status, complaint and inbound SMS callbacks.
 */
@Component
public class CallbackPoster {

    /** What became of one attempt. */
    public enum Outcome {
        SENT, REFUSED, FAILED, NOT_ALLOWED
    }

    /** An attempt's outcome and what it answered (HTTP status, or -1 for a connection error or timeout). */
    public record Attempt(Outcome outcome, int status) {
        public String describe() {
            return status < 0 ? "connection error" : String.valueOf(status);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final CallbackUrlGuard guard;
    private final NotifyMetrics metrics;

    public CallbackPoster(NotifyMetrics metrics, @Value("${notify.callbacks.timeout-ms}") long timeoutMillis, CallbackUrlGuard guard) {
        this.metrics = metrics;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.guard = guard;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.min(timeoutMillis, 10_000))).build();
    }

    public Attempt post(String url, String bearerToken, String jsonBody) {
        CallbackUrlGuard.Verdict verdict = guard.check(url);
        if (verdict != CallbackUrlGuard.Verdict.ALLOWED) {
            // checked now, not only when the URL was saved: DNS may point elsewhere since (docs/security.md)
            metrics.callbackFailed("refused_" + verdict.reason());
            return new Attempt(Outcome.NOT_ALLOWED, -1);
        }
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bearerToken)
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        if (status >= 0 && status < 400) {
            return new Attempt(Outcome.SENT, status);
        }
        boolean tooMany = status == 429;
        metrics.callbackFailed(status < 0 ? "connection_error" : status >= 500 ? "http_5xx" : tooMany ? "http_429" : "http_4xx");
        return new Attempt(status < 500 && status >= 400 && !tooMany ? Outcome.REFUSED : Outcome.FAILED, status);
    }
}
