package org.notifyoncamel.auth;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.apache.camel.Header;
import org.notifyoncamel.config.JsonSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * Internal (admin) API authentication: an HS256 JWT with {@code iss} = {@code notify-admin}, signed with
 * one of API_INTERNAL_SECRETS, issued within 30 seconds of now (internal-api-and-schema.md 2.1).
 */
@Component("adminAuth")
public class AdminAuthenticator {

    static final String UNDECODABLE = "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";

    private final List<String> secrets;
    private final String issuer;
    private final boolean checkProxyHeader;
    private final List<String> proxySecrets;
    private final Clock clock;

    @Autowired
    public AdminAuthenticator(@Value("${notify.api-internal-secrets}") String secrets,
                              @Value("${notify.admin-client-user-name}") String issuer,
                              @Value("${notify.check-proxy-header}") boolean checkProxyHeader,
                              @Value("${notify.route-secret-key-1:}") String proxySecret1,
                              @Value("${notify.route-secret-key-2:}") String proxySecret2) {
        this(JsonSettings.stringList("API_INTERNAL_SECRETS", secrets), issuer, checkProxyHeader,
                List.of(proxySecret1, proxySecret2), Clock.systemUTC());
    }

    AdminAuthenticator(List<String> secrets, String issuer, boolean checkProxyHeader, List<String> proxySecrets, Clock clock) {
        this.secrets = List.copyOf(secrets);
        this.issuer = issuer;
        this.checkProxyHeader = checkProxyHeader;
        this.proxySecrets = proxySecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        this.clock = clock;
    }

    /** Throws a {@link TokenError} unless the request carries a valid admin token. */
    public void check(@Header("Authorization") String authorization, @Header("X-Custom-Forwarder") String forwarder) {
        if (checkProxyHeader && (forwarder == null || !ProxyHeader.matchesAny(forwarder, proxySecrets))) {
            throw new TokenError(403, "Invalid token: X-Custom-Forwarder header is missing or wrong");
        }
        String token;
        try {
            token = BearerTokens.token(authorization);
        } catch (BearerTokens.HeaderException e) {
            throw new TokenError(401, e.problem() == BearerTokens.HeaderProblem.MISSING
                    ? "Unauthorized: authentication token must be provided"
                    : "Unauthorized: authentication bearer scheme must be used");
        }
        DecodedJWT jwt = BearerTokens.decode(token).orElseThrow(() -> new TokenError(403, UNDECODABLE));
        String iss = jwt.getIssuer();
        if (iss == null) {
            throw new TokenError(403, "Invalid token: iss field not provided");
        }
        if (!Objects.equals(iss, issuer)) {
            throw new TokenError(401, "Unauthorized: admin authentication token required");
        }
        if (!BearerTokens.isHs256(jwt)) {
            throw new TokenError(403, "Invalid token: algorithm used is not HS256");
        }
        for (String secret : secrets) {
            if (BearerTokens.signedWith(jwt, secret)) {
                if (BearerTokens.issuedAt(jwt) == null) {
                    break;
                }
                if (!BearerTokens.issuedRecently(jwt, clock.instant())) {
                    throw new TokenError(403, "Invalid token: expired, check that your system clock is accurate");
                }
                return;
            }
        }
        throw new TokenError(401, "Unauthorized: admin authentication token not found");
    }
}
