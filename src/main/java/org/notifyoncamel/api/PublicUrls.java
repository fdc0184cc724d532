package org.notifyoncamel.api;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The externally visible root of the API ({@code notify.api-host-name}, API_HOST_NAME), used for
 * {@code uri} fields and {@code links}. Resolved on first use (after start-up, so it may refer to the port
 * the server got) and then kept: property resolution on every response cost 2 % of the API's CPU.
 */
@Component
public class PublicUrls {

    private final Environment environment;
    private volatile String root;

    public PublicUrls(Environment environment) {
        this.environment = environment;
    }

    /** The root without a trailing slash, e.g. {@code https://api.notifications.service.gov.uk}. */
    public String root() {
        String known = root;
        if (known == null) {
            String configured = environment.getProperty("notify.api-host-name", "http://localhost:6011");
            known = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
            root = known;
        }
        return known;
    }
}
