package org.notifyoncamel.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An API-key JWT split into its parts. Claims are read leniently (like PyJWT, which the original
 * used): an {@code iat} string such as {@code "1612530000"} is still a number, which java-jwt's
 * typed decoder would reject. The signature is checked with java-jwt's HMAC256 {@link Algorithm}.
 */
public final class ApiKeyToken {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PYTHON_INT = Pattern.compile("\\s*[+-]?[0-9]+(_[0-9]+)*\\s*");

    /** Result of converting a claim the way Python's {@code int()} would. */
    public sealed interface IntClaim {
        record Missing() implements IntClaim {
        }

        record Value(long seconds) implements IntClaim {
        }

        /** {@code int()} raised ValueError (e.g. {@code "soon"}). */
        record NotAnInteger() implements IntClaim {
        }

        /** {@code int()} raised TypeError ({@code null}, arrays, objects). */
        record WrongType() implements IntClaim {
        }
    }

    private final String headerSegment;
    private final String payloadSegment;
    private final byte[] signature;
    private final ObjectNode header;
    private final ObjectNode payload;

    private ApiKeyToken(String headerSegment, String payloadSegment, byte[] signature, ObjectNode header, ObjectNode payload) {
        this.headerSegment = headerSegment;
        this.payloadSegment = payloadSegment;
        this.signature = signature;
        this.header = header;
        this.payload = payload;
    }

    /** The token's parts, or empty when it is not a decodable JWT (three base64url JSON-object segments). */
    public static Optional<ApiKeyToken> parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = MAPPER.readTree(base64Url(parts[0]));
            JsonNode payload = MAPPER.readTree(base64Url(parts[1]));
            byte[] signature = base64Url(parts[2]);
            if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ApiKeyToken(parts[0], parts[1], signature, (ObjectNode) header, (ObjectNode) payload));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The {@code alg} of the JOSE header, or null. */
    public String algorithm() {
        JsonNode alg = header.get("alg");
        return alg != null && alg.isTextual() ? alg.asText() : null;
    }

    /** The {@code iss} claim: null when absent; a non-string issuer is returned as its JSON text. */
    public String issuer() {
        JsonNode iss = payload.get("iss");
        if (iss == null || iss.isNull()) {
            return null;
        }
        return iss.isTextual() ? iss.asText() : iss.toString();
    }

    public boolean hasClaim(String name) {
        return payload.has(name);
    }

    /** A claim converted like Python's {@code int()}: floats truncated, booleans 1/0, integer strings parsed. */
    public IntClaim intClaim(String name) {
        JsonNode value = payload.get(name);
        if (value == null) {
            return new IntClaim.Missing();
        }
        if (value.isBoolean()) {
            return new IntClaim.Value(value.asBoolean() ? 1 : 0);
        }
        if (value.isNumber()) {
            return new IntClaim.Value(value.isIntegralNumber() ? value.asLong() : (long) value.asDouble());
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (PYTHON_INT.matcher(text).matches()) {
                try {
                    return new IntClaim.Value(Long.parseLong(text.strip().replace("_", "").replaceFirst("^\\+", "")));
                } catch (NumberFormatException e) {
                    return new IntClaim.NotAnInteger();
                }
            }
            return new IntClaim.NotAnInteger();
        }
        return new IntClaim.WrongType();
    }

    /** True when the HS256 signature was made with this secret (UTF-8 bytes of the secret string). */
    public boolean signedWith(String secret) {
        byte[] expected = Algorithm.HMAC256(secret).sign(
                headerSegment.getBytes(StandardCharsets.UTF_8), payloadSegment.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, signature);
    }

    private static byte[] base64Url(String segment) {
        String unpadded = segment.endsWith("=") ? segment.replaceAll("=+$", "") : segment;
        return Base64.getUrlDecoder().decode(unpadded);
    }
}
