package org.notifyoncamel.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

import org.notifyoncamel.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import org.notifyoncamel.notifications.NotificationStore;

/**
 * The service's daily message limit on /v2 sends (README "Fix"; notifications-api app/notifications/validators.py), counted in
 * Redis under {@code {service_id}-{yyyy-MM-dd}-count} (UTC day). The counter is seeded from the
 * database once, when the key is missing; after that every accepted non-test notification is one
 * INCR, and a send that would go over the limit is undone and refused with 429. Without Redis the
 * limit is not enforced (never a per-request COUNT).
 */
@Component
public class DailyLimit {

    private static final Logger LOG = LoggerFactory.getLogger(DailyLimit.class);
    private static final Duration KEY_TTL = Duration.ofHours(25);
    /** One round trip per send: INCR the counter only when it exists (nil when it must be seeded first). */
    private static final DefaultRedisScript<Long> INCREMENT_IF_SEEDED = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[1]) == 0 then return nil end return redis.call('INCR', KEYS[1])", Long.class);

    private static final DefaultRedisScript<Long> INCREMENT_BY_IF_SEEDED = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[1]) == 0 then return nil end return redis.call('INCRBY', KEYS[1], ARGV[1])", Long.class);

    private final StringRedisTemplate redis;
    private final boolean enabled;
    private final ToLongFunction<UUID> countToday;
    private final Clock clock;

    @Autowired
    public DailyLimit(StringRedisTemplate redis, @Value("${notify.redis.enabled}") boolean redisEnabled,
                      @Value("${notify.api.daily-limit-enabled:true}") boolean dailyLimitEnabled, NotificationStore notifications) {
        this(redis, redisEnabled && dailyLimitEnabled, notifications::countCreatedToday, Clock.systemUTC());
    }

    DailyLimit(StringRedisTemplate redis, boolean enabled, ToLongFunction<UUID> countToday, Clock clock) {
        this.redis = redis;
        this.enabled = enabled;
        this.countToday = countToday;
        this.clock = clock;
    }

    /** A place taken in today's allowance; {@link #release()} gives it back if the send fails. */
    public interface Reservation {
        void release();
    }

    private static final Reservation NOTHING = () -> { };

    /** Takes one message of today's allowance or throws 429 TooManyRequestsError. Test keys are not counted. */
    public Reservation reserve(UUID serviceId, String keyType, long messageLimit) {
        if (!enabled || "test".equals(keyType)) {
            return NOTHING;
        }
        String key = key(serviceId);
        long count;
        try {
            Long incremented = redis.execute(INCREMENT_IF_SEEDED, List.of(key));
            if (incremented == null) {
                redis.opsForValue().setIfAbsent(key, Long.toString(countToday.applyAsLong(serviceId)), KEY_TTL);
                incremented = redis.opsForValue().increment(key);
            }
            count = incremented == null ? 0 : incremented;
        } catch (RuntimeException e) {
            LOG.warn("Daily limit not checked for service {}: Redis unavailable ({})", serviceId, e.getClass().getSimpleName());
            return NOTHING;
        }
        if (count > messageLimit) {
            decrement(key);
            throw new ApiError(429, "TooManyRequestsError", "Exceeded send limits (" + messageLimit + ") for today");
        }
        return () -> decrement(key);
    }

    /**
     * Takes {@code count} messages of today's allowance at once (a CSV job, all or nothing: docs/adr/0140); empty
     * when they do not all fit, and then nothing is taken. Test keys are not counted.
     */
    public java.util.Optional<Reservation> reserveAll(UUID serviceId, String keyType, long messageLimit, long count) {
        if (!enabled || "test".equals(keyType) || count <= 0) {
            return java.util.Optional.of(NOTHING);
        }
        String key = key(serviceId);
        long total;
        try {
            Long incremented = redis.execute(INCREMENT_BY_IF_SEEDED, List.of(key), Long.toString(count));
            if (incremented == null) {
                redis.opsForValue().setIfAbsent(key, Long.toString(countToday.applyAsLong(serviceId)), KEY_TTL);
                incremented = redis.opsForValue().increment(key, count);
            }
            total = incremented == null ? 0 : incremented;
        } catch (RuntimeException e) {
            LOG.warn("Daily limit not checked for service {}: Redis unavailable ({})", serviceId, e.getClass().getSimpleName());
            return java.util.Optional.of(NOTHING);
        }
        if (total > messageLimit) {
            decrement(key, count);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(() -> decrement(key, count));
    }

    /** Messages the service may still send today (never below 0); the limit itself when the limit is not enforced. */
    public long remaining(UUID serviceId, String keyType, long messageLimit) {
        if (!enabled || "test".equals(keyType)) {
            return messageLimit;
        }
        try {
            String value = redis.opsForValue().get(key(serviceId));
            long sent = value == null ? countToday.applyAsLong(serviceId) : Long.parseLong(value);
            return Math.max(0, messageLimit - sent);
        } catch (RuntimeException e) {
            LOG.warn("Daily limit not checked for service {}: Redis unavailable ({})", serviceId, e.getClass().getSimpleName());
            return messageLimit;
        }
    }

    String key(UUID serviceId) {
        return serviceId + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "-count";
    }

    private void decrement(String key) {
        decrement(key, 1);
    }

    private void decrement(String key, long count) {
        try {
            redis.opsForValue().decrement(key, count);
        } catch (RuntimeException e) {
            LOG.warn("Could not give back a daily-limit place ({})", e.getClass().getSimpleName());
        }
    }
}
