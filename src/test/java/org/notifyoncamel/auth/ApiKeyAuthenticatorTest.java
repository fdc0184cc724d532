package org.notifyoncamel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.cache.AllowedRecipients;
import org.notifyoncamel.cache.ApiKeyData;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.http.ApiError;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

class ApiKeyAuthenticatorTest {

    static final long NOW = 1_612_530_000L;
    static final UUID SERVICE = UUID.fromString("26785a09-ab16-4eb0-8407-a37497a57506");
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String OTHER_SECRET = "11111111-8d35-48ac-975b-e847b4f122b0";

    ServiceData service = service(true);
    List<ApiKeyData> keys = List.of(key(OTHER_SECRET, null), key(SECRET, null));

    static ServiceData service(boolean active) {
        return new ServiceData(SERVICE, "s", active, false, false, 1000, 3000, "s", true, null, Set.of("sms"),
                AllowedRecipients.of(List.of(), List.of()), List.of(), List.of(), List.of());
    }

    static ApiKeyData key(String secret, Instant expiry) {
        return new ApiKeyData(UUID.randomUUID(), "k", secret, "normal", expiry);
    }

    ApiKeyAuthenticator authenticator() {
        return new ApiKeyAuthenticator(id -> id.equals(SERVICE) ? Optional.of(service) : Optional.empty(),
                id -> keys, false, List.of(), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    static String token(Map<String, Object> claims, String secret) {
        var builder = JWT.create();
        claims.forEach((k, v) -> {
            if (v instanceof Long l) {
                builder.withClaim(k, l);
            } else if (v instanceof String s) {
                builder.withClaim(k, s);
            } else if (v instanceof Double d) {
                builder.withClaim(k, d);
            } else if (v instanceof Boolean b) {
                builder.withClaim(k, b);
            }
        });
        return builder.sign(Algorithm.HMAC256(secret));
    }

    /** A token with a hand-written payload, signed with HS256. */
    static String rawToken(String payloadJson, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        byte[] signature = Algorithm.HMAC256(secret).sign(header.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(signature);
    }

    void assertAuthError(String authorization, int status, String message) {
        assertThatThrownBy(() -> authenticator().authenticate(authorization, null)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errors().get(0).error()).isEqualTo("AuthError");
            assertThat(e.errors().get(0).message()).isEqualTo(message);
        });
    }

    @Test
    void acceptsAValidTokenSignedWithAnyOfTheServicesKeys() {
        var caller = authenticator().authenticate("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), SECRET), null);
        assertThat(caller.key().secret()).isEqualTo(SECRET);
        assertThat(authenticator().authenticate("BEARER " + token(Map.of("iss", SERVICE.toString(), "iat", NOW - 30), SECRET), null))
                .isNotNull();
    }

    @Test
    void headerProblems() {
        assertAuthError(null, 401, "Unauthorized: authentication token must be provided");
        assertAuthError("", 401, "Unauthorized: authentication token must be provided");
        assertAuthError("Token abc", 401, "Unauthorized: authentication bearer scheme must be used");
        assertAuthError("Bearer abc", 403, ApiKeyAuthenticator.GENERAL_TOKEN_ERROR);
        assertAuthError("Bearer a.b.c", 403, ApiKeyAuthenticator.GENERAL_TOKEN_ERROR);
    }

    @Test
    void issuerProblems() {
        assertAuthError("Bearer " + token(Map.of("iat", NOW), SECRET), 403, "Invalid token: iss field not provided");
        assertAuthError("Bearer " + token(Map.of("iss", "12", "iat", NOW), SECRET), 403, "Invalid token: service id is not the right data type");
        assertAuthError("Bearer " + token(Map.of("iss", UUID.randomUUID().toString(), "iat", NOW), SECRET), 403, "Invalid token: service not found");
    }

    @Test
    void serviceAndKeyProblems() {
        keys = List.of();
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), SECRET), 403, "Invalid token: service has no API keys");
        keys = List.of(key(SECRET, null));
        service = service(false);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), SECRET), 403, "Invalid token: service is archived");
        service = service(true);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), UUID.randomUUID().toString()), 403,
                "Invalid token: API key not found");
        keys = List.of(key(SECRET, Instant.ofEpochSecond(NOW - 100)));
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), SECRET), 403, "Invalid token: API key revoked");
    }

    @Test
    void algorithmMustBeHs256() {
        String hs512 = JWT.create().withIssuer(SERVICE.toString()).withClaim("iat", NOW).sign(Algorithm.HMAC512(SECRET));
        assertAuthError("Bearer " + hs512, 403, "Invalid token: algorithm used is not HS256");
    }

    @Test
    void clockWindowAndIatForms() {
        String clock = "Error: Your system clock must be accurate to within 30 seconds";
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW - 31), SECRET), 403, clock);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW + 31), SECRET), 403, clock);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", "soon"), SECRET), 403, clock);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", true), SECRET), 403, clock);
        assertAuthError("Bearer " + rawToken("{\"iss\":\"" + SERVICE + "\",\"iat\":null}", SECRET), 403, clock);
        // an integer string and a float are read like Python's int()
        assertThat(authenticator().authenticate("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", Long.toString(NOW)), SECRET), null))
                .isNotNull();
        assertThat(authenticator().authenticate("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW + 0.9), SECRET), null))
                .isNotNull();
        // no iat: the key does not match
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString()), SECRET), 403, "Invalid token: API key not found");
    }

    @Test
    void registeredClaims() {
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW, "exp", NOW - 31), SECRET), 403,
                ApiKeyAuthenticator.GENERAL_TOKEN_ERROR);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW, "nbf", NOW + 31), SECRET), 403,
                ApiKeyAuthenticator.GENERAL_TOKEN_ERROR);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW, "aud", "x"), SECRET), 403,
                ApiKeyAuthenticator.GENERAL_TOKEN_ERROR);
        assertAuthError("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW, "exp", "later"), SECRET), 403,
                "Invalid token: API key not found");
        assertThat(authenticator().authenticate("Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW, "exp", NOW + 60), SECRET), null))
                .isNotNull();
    }

    @Test
    void proxyHeaderWhenRequired() {
        ApiKeyAuthenticator strict = new ApiKeyAuthenticator(id -> Optional.of(service), id -> keys, true, List.of("route-secret", ""),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        String header = "Bearer " + token(Map.of("iss", SERVICE.toString(), "iat", NOW), SECRET);
        assertThatThrownBy(() -> strict.authenticate(header, "wrong")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThat(strict.authenticate(header, "route-secret")).isNotNull();
    }
}
