package org.notifyoncamel.auth;

import java.time.Instant;
import java.util.Optional;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * The parts of Notify's JWT handling shared by admin and API-key authentication: reading the
 * bearer token from the header, reading claims before the signature is known, checking an HS256
 * signature and the 30-second {@code iat} window.
 */
public final class BearerTokens {

    public static final long CLOCK_WINDOW_SECONDS = 30;

    public enum HeaderProblem { MISSING, NOT_BEARER }

    private BearerTokens() {
    }

    /** The token after {@code Bearer }, or the header problem. The scheme is compared case-insensitively, as the original title-cases it. */
    public static String token(String authorizationHeader) throws HeaderException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new HeaderException(HeaderProblem.MISSING);
        }
        if (authorizationHeader.length() < 7 || !authorizationHeader.substring(0, 7).equalsIgnoreCase("bearer ")) {
            throw new HeaderException(HeaderProblem.NOT_BEARER);
        }
        return authorizationHeader.substring(7).trim();
    }

    /** Claims read without verification, or empty when the token cannot be decoded. */
    public static Optional<DecodedJWT> decode(String token) {
        try {
            return Optional.of(JWT.decode(token));
        } catch (JWTDecodeException e) {
            return Optional.empty();
        }
    }

    public static boolean isHs256(DecodedJWT jwt) {
        return "HS256".equals(jwt.getAlgorithm());
    }

    /** True when the token's HS256 signature was made with this secret (times are checked separately). */
    public static boolean signedWith(DecodedJWT jwt, String secret) {
        try {
            Algorithm.HMAC256(secret).verify(jwt);
            return true;
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code iat} is present and within the clock window of now. */
    public static boolean issuedRecently(DecodedJWT jwt, Instant now) {
        Long iat = issuedAt(jwt);
        return iat != null && Math.abs(now.getEpochSecond() - iat) <= CLOCK_WINDOW_SECONDS;
    }

    public static Long issuedAt(DecodedJWT jwt) {
        var claim = jwt.getClaim("iat");
        if (claim.isMissing() || claim.isNull()) {
            return null;
        }
        Double value = claim.asDouble();
        return value == null ? null : value.longValue();
    }

    public static final class HeaderException extends Exception {
        private final HeaderProblem problem;

        HeaderException(HeaderProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public HeaderProblem problem() {
            return problem;
        }
    }
}
