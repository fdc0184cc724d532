package org.notifyoncamel.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * {@code redis} (readiness), replacing Spring Boot's indicator of the same name: a PING (bounded by
 * spring.data.redis.timeout) when {@code notify.redis.enabled}; when Redis is disabled (REDIS_ENABLED
 * false, the original's switch) the application does not use it, so the indicator is UP and says so.
 */
@Component("redisHealthIndicator")
public class RedisHealthIndicator implements HealthIndicator {

    private final boolean enabled;
    private final ObjectProvider<RedisConnectionFactory> connections;

    public RedisHealthIndicator(@Value("${notify.redis.enabled:false}") boolean enabled, ObjectProvider<RedisConnectionFactory> connections) {
        this.enabled = enabled;
        this.connections = connections;
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.up().withDetail("enabled", false).build();
        }
        RedisConnectionFactory factory = connections.getIfAvailable();
        if (factory == null) {
            return Health.down().withDetail("enabled", true).withDetail("error", "no Redis connection factory").build();
        }
        try (RedisConnection connection = factory.getConnection()) {
            String pong = connection.ping();
            return ("PONG".equalsIgnoreCase(pong) ? Health.up() : Health.down().withDetail("ping", String.valueOf(pong)))
                    .withDetail("enabled", true).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("enabled", true).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
