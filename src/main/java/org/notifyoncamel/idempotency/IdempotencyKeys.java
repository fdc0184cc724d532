package org.notifyoncamel.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} header of the v2 POST endpoints (docs/adr/0150), used by route
 * {@code idempotency-key} right after the API key is checked. Without the header nothing happens. With it, the
 * key is claimed for the service in the database before the request runs; the first request's answer (status and
 * body, exactly as sent) is stored when its route ends, and a retry with the same key and the same request gets
 * that answer back without running again. The same key with another request is 422; a retry while the first is
 * still running is 409. Answers that say "try again" (429, 5xx) are not kept: the key is given back.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Header on a replayed answer (as Stripe and the IETF draft's examples do). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Exchange property: the stored answer to send instead of running the request. */
    public static final String REPLAY = "notifyIdempotentReplay";
    /** Exchange property: this request's claim, whose answer {@link #record} stores. */
    static final String CLAIM = "notifyIdempotencyClaim";
    static final int MAX_LENGTH = 255;
    static final String INVALID_KEY = "Idempotency-Key must be 1 to " + MAX_LENGTH + " printable ASCII characters";
    static final String DIFFERENT_REQUEST = "Idempotency-Key has already been used for a different request; "
            + "use a new key for a new request";
    static final String IN_PROGRESS = "A request with this Idempotency-Key is still in progress; retry once it has been answered";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration abandonedAfter;

    @Autowired
    public IdempotencyKeys(IdempotencyStore store,
                           @Value("${notify.api.idempotency.key-lifetime-hours}") long lifetimeHours,
                           @Value("${notify.api.idempotency.abandoned-after-seconds}") long abandonedAfterSeconds) {
        this(store, Clock.systemUTC(), Duration.ofHours(lifetimeHours), Duration.ofSeconds(abandonedAfterSeconds));
    }

    IdempotencyKeys(IdempotencyStore store, Clock clock, Duration lifetime, Duration abandonedAfter) {
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
        this.abandonedAfter = abandonedAfter;
    }

    /** Claims the request's key, or leaves the stored answer in {@link #REPLAY}, or refuses (409/422/400). */
    public void claim(Exchange exchange) {
        Message message = exchange.getMessage();
        String key = message.getHeader(HEADER, String.class);
        if (key == null) {
            return;
        }
        if (!valid(key)) {
            throw ApiError.badRequest(INVALID_KEY);
        }
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        UUID serviceId = caller.service().id();
        byte[] body = message.getBody(byte[].class);
        message.setBody(body);
        String hash = RequestFingerprint.of(exchange.getFromRouteId(), body);
        Instant now = now();
        if (store.claim(serviceId, key, hash, now, now.minus(lifetime), now.minus(abandonedAfter))) {
            AnswerRecorder recorder = new AnswerRecorder(serviceId, key, now, exchange.getFromRouteId());
            exchange.setProperty(CLAIM, recorder);
            exchange.getExchangeExtension().addOnCompletion(recorder);
            return;
        }
        IdempotencyStore.Entry entry = store.find(serviceId, key).orElseThrow(() -> new ApiError(409, "BadRequestError", IN_PROGRESS));
        if (!entry.requestHash().equals(hash)) {
            throw new ApiError(422, "BadRequestError", DIFFERENT_REQUEST);
        }
        if (!entry.completed()) {
            throw new ApiError(409, "BadRequestError", IN_PROGRESS);
        }
        exchange.setProperty(REPLAY, entry);
    }

    /**
     * Stores the answer just written (by {@code jsonResponses.write} or, on the error path, {@code jsonResponses.error})
     * as the key's answer, before the HTTP consumer sends it; nothing without a claim.
     */
    public void record(Exchange exchange) {
        AnswerRecorder recorder = exchange.getProperty(CLAIM, AnswerRecorder.class);
        if (recorder != null) {
            recorder.finish(exchange);
        }
    }

    /** Answers with the stored first answer, byte for byte. */
    public void replay(Exchange exchange) {
        IdempotencyStore.Entry entry = exchange.getProperty(REPLAY, IdempotencyStore.Entry.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*", "CamelHttp*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, entry.status());
        message.setHeader(REPLAYED_HEADER, "true");
        if (entry.body() != null && entry.body().length > 0) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(entry.body());
        } else {
            message.setBody(null);
        }
    }

    /** delete-expired-idempotency-keys: keys past their lifetime (they already count as absent). */
    public int deleteExpired() {
        int deleted = store.deleteExpired(now().minus(lifetime));
        LOG.info("delete-expired-idempotency-keys: deleted {} keys", deleted);
        return deleted;
    }

    /** Whether an answer is the request's outcome (kept) rather than "try again" (the key is given back). */
    static boolean keep(Integer status) {
        return status != null && status >= 200 && status < 500 && status != 429 && status != 409;
    }

    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH || key.isBlank()) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Stores the answer once {@link #record} is called; if the exchange ends without that (an exception no policy
     * answered), the key is given back.
     */
    private final class AnswerRecorder extends SynchronizationAdapter {

        private final UUID serviceId;
        private final String key;
        private final Instant claimedAt;
        private final String routeId;
        private boolean done;

        AnswerRecorder(UUID serviceId, String key, Instant claimedAt, String routeId) {
            this.serviceId = serviceId;
            this.key = key;
            this.claimedAt = claimedAt;
            this.routeId = routeId;
        }

        @Override
        public synchronized void onDone(Exchange exchange) {
            if (!done) {
                done = true;
                release();
            }
        }

        private void release() {
            try {
                store.release(serviceId, key, claimedAt);
            } catch (RuntimeException e) {
                LOG.warn("service_id={} route {}: Idempotency-Key not given back ({}); it stays claimed until it is abandoned",
                        serviceId, routeId, e.getClass().getSimpleName());
            }
        }

        synchronized void finish(Exchange exchange) {
            if (done) {
                return;
            }
            done = true;
            Message message = exchange.getMessage();
            Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            try {
                if (keep(status)) {
                    byte[] body = message.getBody(byte[].class);
                    message.setBody(body);
                    if (!store.complete(serviceId, key, claimedAt, status, body, now())) {
                        LOG.warn("service_id={} route {}: the Idempotency-Key claim was taken over before the answer was stored",
                                serviceId, routeId);
                    }
                } else {
                    store.release(serviceId, key, claimedAt);
                }
            } catch (RuntimeException e) {
                LOG.warn("service_id={} route {}: Idempotency-Key answer not stored ({}); the key stays claimed until it is abandoned",
                        serviceId, routeId, e.getClass().getSimpleName());
            }
        }
    }
}
