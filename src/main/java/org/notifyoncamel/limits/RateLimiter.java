package org.notifyoncamel.limits;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.notifyoncamel.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Per-service, per-key-type rate limit of the POST notification endpoints (notifications-api app/notifications/validators.py):
 * a 60-second sliding window in a Redis sorted set under {@code {service_id}-{key_type}}, updated
 * atomically by one Lua script. Rejected requests count too. Fails open: without Redis (disabled
 * or unreachable) nothing is limited.
 */
@Component
public class RateLimiter {

    static final long INTERVAL_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    /** KEYS[1] bucket; ARGV: now (ms), window (ms), unique member. Returns the count within the window. */
    private static final DefaultRedisScript<Long> SLIDING_WINDOW = new DefaultRedisScript<>(
            "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3]) "
                    + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2])) "
                    + "local count = redis.call('ZCARD', KEYS[1]) "
                    + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) "
                    + "return count", Long.class);

    private final StringRedisTemplate redis;
    private final boolean enabled;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public RateLimiter(StringRedisTemplate redis,
                       @Value("${notify.redis.enabled}") boolean redisEnabled,
                       @Value("${notify.api.rate-limit-enabled:true}") boolean rateLimitEnabled) {
        this(redis, redisEnabled && rateLimitEnabled, Clock.systemUTC());
    }

    RateLimiter(StringRedisTemplate redis, boolean enabled, Clock clock) {
        this.redis = redis;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Counts this request and throws 429 RateLimitError when the bucket holds more than {@code rateLimit}. */
    public void check(UUID serviceId, String keyType, int rateLimit) {
        if (!enabled) {
            return;
        }
        Long count;
        try {
            long nowMillis = clock.millis();
            count = redis.execute(SLIDING_WINDOW, List.of(bucket(serviceId, keyType)), Long.toString(nowMillis),
                    Long.toString(INTERVAL_SECONDS * 1000), nowMillis + "-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        } catch (RuntimeException e) {
            LOG.warn("Rate limit not checked for service {}: Redis unavailable ({})", serviceId, e.getClass().getSimpleName());
            return;
        }
        if (count != null && count > rateLimit) {
            throw new ApiError(429, "RateLimitError", "Exceeded rate limit for key type " + displayName(keyType) + " of "
                    + rateLimit + " requests per " + INTERVAL_SECONDS + " seconds");
        }
    }

    static String bucket(UUID serviceId, String keyType) {
        return serviceId + "-" + keyType;
    }

    static String displayName(String keyType) {
        return "normal".equals(keyType) ? "LIVE" : keyType.toUpperCase(Locale.ROOT);
    }
}
