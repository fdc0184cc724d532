package org.notifyoncamel.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an Idempotency-Key (docs/adr/0150): SHA-256 of the endpoint and the
 * canonical JSON body (object keys sorted, insignificant whitespace dropped), so a client that re-serialises
 * the same request in another key order still matches. A body that is not JSON is hashed as sent.
 */
final class RequestFingerprint {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private RequestFingerprint() {
    }

    static String of(String endpoint, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(canonical(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonical(byte[] body) {
        if (body == null || body.length == 0) {
            return new byte[0];
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return body;
            }
            // a tree's ObjectNodes keep insertion order; as plain maps the writer sorts their keys
            return CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class));
        } catch (IOException e) {
            return body;
        }
    }
}
