package org.notifyoncamel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

/** Admin JWT failures through a real internal route, with the original's statuses and messages. */
@IntegrationTest
class AdminAuthenticationTest {

    @LocalServerPort
    int port;

    private Http.Response call(String authorization) {
        return Http.anonymous(port).withAuthorization(authorization).get("/provider-details");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static void assertTokenError(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("result").asText()).isEqualTo("error");
        assertThat(response.json().get("message").get("token").get(0).asText()).isEqualTo(message);
    }

    @Test
    void validTokenIsAccepted() {
        assertThat(call("Bearer " + Http.adminToken(Http.ADMIN_SECRET, now())).status()).isEqualTo(200);
        assertThat(call("bearer " + Http.adminToken(Http.ADMIN_SECRET, now() - 25)).status()).isEqualTo(200);
    }

    @Test
    void noToken() {
        assertTokenError(call(null), 401, "Unauthorized: authentication token must be provided");
    }

    @Test
    void notBearer() {
        assertTokenError(call("Basic abc"), 401, "Unauthorized: authentication bearer scheme must be used");
    }

    @Test
    void undecodableToken() {
        assertTokenError(call("Bearer not-a-jwt"), 403,
                "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header");
    }

    @Test
    void missingIssuer() {
        String token = JWT.create().withClaim("iat", now()).sign(Algorithm.HMAC256(Http.ADMIN_SECRET));
        assertTokenError(call("Bearer " + token), 403, "Invalid token: iss field not provided");
    }

    @Test
    void wrongIssuer() {
        String token = JWT.create().withIssuer("someone-else").withClaim("iat", now()).sign(Algorithm.HMAC256(Http.ADMIN_SECRET));
        assertTokenError(call("Bearer " + token), 401, "Unauthorized: admin authentication token required");
    }

    @Test
    void wrongSecret() {
        assertTokenError(call("Bearer " + Http.adminToken("not-the-secret", now())), 401, "Unauthorized: admin authentication token not found");
    }

    @Test
    void staleAndFutureIssuedAt() {
        assertTokenError(call("Bearer " + Http.adminToken(Http.ADMIN_SECRET, now() - 60)), 403,
                "Invalid token: expired, check that your system clock is accurate");
        assertTokenError(call("Bearer " + Http.adminToken(Http.ADMIN_SECRET, now() + 60)), 403,
                "Invalid token: expired, check that your system clock is accurate");
    }

    @Test
    void missingIssuedAt() {
        String token = JWT.create().withIssuer("notify-admin").sign(Algorithm.HMAC256(Http.ADMIN_SECRET));
        assertTokenError(call("Bearer " + token), 401, "Unauthorized: admin authentication token not found");
    }

    @Test
    void otherAlgorithmIsRefusedNotA500() {
        String token = JWT.create().withIssuer("notify-admin").withClaim("iat", now()).sign(Algorithm.HMAC512(Http.ADMIN_SECRET));
        assertTokenError(call("Bearer " + token), 403, "Invalid token: algorithm used is not HS256");
    }
}
