package org.notifyoncamel.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a service's callback URL may be called, decided at send time (docs/security.md): a service chooses the
 * URL, so without this check a callback is a way for any service to make Notify POST into its own network
 * (databases, the cloud metadata endpoint, the consoles). The URL must be https, and every address its host
 * resolves to must be public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT
 * (100.64/10), link-local (169.254/16 with the metadata endpoint, fe80::/10), unspecified or multicast.
 * {@code notify.callbacks.allow-http-localhost} (development and tests) lets http and https reach loopback, where
 * the simulators and test servers listen. One place for every callback the application sends (delivery status,
 * complaints, inbound SMS).
 *
 * <p>The host is resolved again by the HTTP client: a DNS answer that changes between the two lookups (rebinding)
 * is not caught here; the network's egress rules are the second line.
 */
@Component
public class CallbackUrlGuard {

    /** What is wrong with a URL, or {@link #ALLOWED}. */
    public enum Verdict {
        ALLOWED, NOT_HTTPS, INTERNAL_ADDRESS, UNRESOLVABLE;

        /** The metric label and log word of a refusal. */
        public String reason() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLocalhost;
    private final Resolver resolver;

    @Autowired
    public CallbackUrlGuard(@Value("${notify.callbacks.allow-http-localhost:false}") boolean allowLocalhost) {
        this(allowLocalhost, InetAddress::getAllByName);
    }

    public CallbackUrlGuard(boolean allowLocalhost, Resolver resolver) {
        this.allowLocalhost = allowLocalhost;
        this.resolver = resolver;
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Verdict.NOT_HTTPS;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Verdict.NOT_HTTPS;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Verdict.UNRESOLVABLE;
        }
        if (addresses == null || addresses.length == 0) {
            return Verdict.UNRESOLVABLE;
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback ? !allowLocalhost : internal(address)) {
                return Verdict.INTERNAL_ADDRESS;
            }
        }
        if ("https".equals(scheme) || ("http".equals(scheme) && allowLocalhost && allLoopback)) {
            return Verdict.ALLOWED;
        }
        return Verdict.NOT_HTTPS;
    }

    /** Any address a callback must not reach (loopback is judged by the caller, with the development setting). */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first == 127 || (first == 100 && second >= 64 && second <= 127)   // this network, CGNAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)                      // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))                              // benchmarking
                    || first >= 224;                                                                 // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7 (the AWS metadata endpoint fd00:ec2::254 among them)
            }
            boolean mapped = true; // ::ffff:a.b.c.d, judged as the IPv4 address it carries
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                    return v4.isLoopbackAddress() || internal(v4);
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
