package org.notifyoncamel.broadcasts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where each network's CBC proxies are (HTTP, ADR 0050) and which networks are enabled. URLs may
 * contain {@code {local-port}}: this application's own HTTP port, resolved at call time because in
 * tests the port is only known once the server has started.
 */
@Component
public class CbcProxies {

    public static final String LOCAL_PORT = "{local-port}";

    private final Environment env;
    private final boolean enabled;
    private final long timeoutMillis;
    private final List<CbcNetwork> enabledNetworks;

    public CbcProxies(Environment env, @Value("${notify.broadcasts.cbc.enabled}") boolean enabled,
                      @Value("${notify.broadcasts.cbc.timeout}") long timeoutMillis,
                      @Value("${notify.broadcasts.enabled-networks}") String enabledNetworks) {
        this.env = env;
        this.enabled = enabled;
        this.timeoutMillis = timeoutMillis;
        this.enabledNetworks = Arrays.stream(enabledNetworks.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(id -> CbcNetwork.of(id).orElseThrow(() -> new IllegalStateException(
                        "notify.broadcasts.enabled-networks: unknown network '" + id + "' (ee, o2, three, vodafone)")))
                .toList();
    }

    public boolean enabled() {
        return enabled;
    }

    public List<CbcNetwork> enabledNetworks() {
        return enabledNetworks;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** The configured URL of a proxy as written in the settings (before {@code {local-port}} is resolved). */
    public String configuredUrl(CbcNetwork network, boolean failover) {
        return env.getProperty("notify.broadcasts.cbc." + network.id() + (failover ? "-failover-url" : "-primary-url"), "");
    }

    /** The Camel endpoint URI of a proxy, with the call's timeouts: used by the failover load balancer. */
    public String endpointUri(CbcNetwork network, boolean failover) {
        String url = configuredUrl(network, failover);
        if (url.isBlank()) {
            throw new IllegalStateException("No " + (failover ? "failover" : "primary") + " CBC proxy URL for " + network.id());
        }
        if (url.contains(LOCAL_PORT)) {
            url = url.replace(LOCAL_PORT, env.getProperty("local.server.port", env.getProperty("server.port", "6011")));
        }
        String options = "connectTimeout=" + timeoutMillis + "&responseTimeout=" + timeoutMillis
                + "&throwExceptionOnFailure=true&httpMethod=POST";
        return url.toLowerCase(Locale.ROOT).startsWith("http") ? url + (url.contains("?") ? "&" : "?") + options : url;
    }
}
