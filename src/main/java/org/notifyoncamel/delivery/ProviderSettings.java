package org.notifyoncamel.delivery;

import java.time.Duration;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Provider URLs, keys and timeouts, read when a request is made: in development and tests the URLs
 * point at the simulators on this application's own port, which is only known once the server runs
 * ({@code ${local.server.port}} in the defaults).
 */
@Component
public class ProviderSettings {

    private final Environment env;

    public ProviderSettings(Environment env) {
        this.env = env;
    }

    public String get(String name) {
        return env.getRequiredProperty("notify.providers." + name);
    }

    public Duration millis(String name) {
        return Duration.ofMillis(env.getRequiredProperty("notify.providers." + name, Long.class));
    }

    /** Any setting, resolved now. */
    public String property(String name) {
        return env.getRequiredProperty(name);
    }
}
