package org.notifyoncamel.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Limits fail open: Redis switched off makes no calls at all, Redis unreachable lets requests through. */
class LimitsWithoutRedisTest {

    @Test
    void disabledRedisIsNeverCalled() {
        StringRedisTemplate untouchable = new StringRedisTemplate() {
            @Override
            public <T> T execute(org.springframework.data.redis.core.RedisCallback<T> action) {
                throw new AssertionError("Redis must not be called");
            }
        };
        AtomicInteger counts = new AtomicInteger();
        RateLimiter rateLimiter = new RateLimiter(untouchable, false, Clock.systemUTC());
        DailyLimit dailyLimit = new DailyLimit(untouchable, false, id -> counts.incrementAndGet(), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            rateLimiter.check(UUID.randomUUID(), "normal", 1);
            dailyLimit.reserve(UUID.randomUUID(), "normal", 1).release();
        }
        assertThat(counts).hasValue(0);
    }

    @Test
    void unreachableRedisLetsRequestsThrough() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(java.time.Duration.ofMillis(200)).build());
        factory.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            RateLimiter rateLimiter = new RateLimiter(redis, true, Clock.systemUTC());
            DailyLimit dailyLimit = new DailyLimit(redis, true, id -> 0, Clock.systemUTC());
            assertThatCode(() -> rateLimiter.check(UUID.randomUUID(), "normal", 0)).doesNotThrowAnyException();
            assertThatCode(() -> dailyLimit.reserve(UUID.randomUUID(), "normal", 0)).doesNotThrowAnyException();
        } finally {
            factory.destroy();
        }
    }

    @Test
    void keyTypeNamesInMessages() {
        assertThat(RateLimiter.displayName("normal")).isEqualTo("LIVE");
        assertThat(RateLimiter.displayName("team")).isEqualTo("TEAM");
        assertThat(RateLimiter.displayName("test")).isEqualTo("TEST");
    }
}
