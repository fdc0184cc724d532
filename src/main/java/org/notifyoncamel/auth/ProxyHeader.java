package org.notifyoncamel.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** The X-Custom-Forwarder check: compared in constant time, against every configured key (rotation), so timing tells nothing. */
final class ProxyHeader {

    private ProxyHeader() {
    }

    static boolean matchesAny(String header, List<String> secrets) {
        if (header == null) {
            return false;
        }
        byte[] given = header.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }
}
