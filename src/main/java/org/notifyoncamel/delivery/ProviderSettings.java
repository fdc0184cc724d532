package org.notifyoncamel.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Provider URLs, keys and timeouts, read when a request is made: in development and tests the URLs
 * point at the simulators on this application's own port, which is only known once the server runs
 * ({@code ${local.server.port}} in the defaults). Once the server runs, a resolved value is kept: resolving
 * placeholders on every send cost 6 % of the email consumers' CPU (docs/performance.md).
 */
@Component
public class ProviderSettings {

    private final Environment env;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    public ProviderSettings(Environment env) {
        this.env = env;
    }

    public String get(String name) {
        return property("notify.providers." + name);
    }

    public Duration millis(String name) {
        return Duration.ofMillis(Long.parseLong(property("notify.providers." + name).trim()));
    }

    /** Any setting: resolved now, or as resolved once the server had its port. */
    public String property(String name) {
        String value = resolved.get(name);
        if (value == null) {
            value = env.getRequiredProperty(name);
            if (env.containsProperty("local.server.port")) {
                resolved.put(name, value);
            }
        }
        return value;
    }
}
