package org.notifyoncamel.api;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The externally visible root of the API ({@code notify.api-host-name}, API_HOST_NAME), used for
 * {@code uri} fields and {@code links}. Read when used, so it may refer to the port the server got.
 */
@Component
public class PublicUrls {

    private final Environment environment;

    public PublicUrls(Environment environment) {
        this.environment = environment;
    }

    /** The root without a trailing slash, e.g. {@code https://api.notifications.service.gov.uk}. */
    public String root() {
        String root = environment.getProperty("notify.api-host-name", "http://localhost:6011");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
