package org.notifyoncamel.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.notifyoncamel.cache.ApiKeyData;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataCache;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.ApiError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public API authentication (public-api.md 1.3): an HS256 JWT whose {@code iss} is the service id,
 * signed with the secret of one of the service's API keys and issued within 30 seconds of now.
 * Every failure is a v2 {@code AuthError}. On success the exchange property
 * {@value #AUTHENTICATED} holds the {@link Authenticated} service and key.
 */
@Component("apiKeyAuth")
public class ApiKeyAuthenticator {

    public static final String AUTHENTICATED = "notifyApiAuth";

    static final String GENERAL_TOKEN_ERROR = "Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";
    static final String CLOCK_ERROR = "Error: Your system clock must be accurate to within 30 seconds";
    static final long LEEWAY_SECONDS = 30;

    /** The authenticated caller. */
    public record Authenticated(ServiceData service, ApiKeyData key) {
        public UUID serviceId() {
            return service.id();
        }

        public String keyType() {
            return key.keyType();
        }
    }

    private final Function<UUID, Optional<ServiceData>> services;
    private final Function<UUID, List<ApiKeyData>> apiKeys;
    private final boolean checkProxyHeader;
    private final List<String> proxySecrets;
    private final Clock clock;

    @Autowired
    public ApiKeyAuthenticator(ServiceDataCache cache,
                               @Value("${notify.check-proxy-header}") boolean checkProxyHeader,
                               @Value("${notify.route-secret-key-1:}") String proxySecret1,
                               @Value("${notify.route-secret-key-2:}") String proxySecret2) {
        this(cache::service, cache::apiKeys, checkProxyHeader, List.of(proxySecret1, proxySecret2), Clock.systemUTC());
    }

    ApiKeyAuthenticator(Function<UUID, Optional<ServiceData>> services, Function<UUID, List<ApiKeyData>> apiKeys,
                        boolean checkProxyHeader, List<String> proxySecrets, Clock clock) {
        this.services = services;
        this.apiKeys = apiKeys;
        this.checkProxyHeader = checkProxyHeader;
        this.proxySecrets = proxySecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        this.clock = clock;
    }

    /** Route step: authenticates the request or throws a v2 AuthError. */
    public void check(Exchange exchange) {
        Authenticated caller = authenticate(exchange.getMessage().getHeader("Authorization", String.class),
                exchange.getMessage().getHeader("X-Custom-Forwarder", String.class));
        exchange.setProperty(AUTHENTICATED, caller);
    }

    public Authenticated authenticate(String authorization, String forwarder) {
        if (checkProxyHeader && (forwarder == null || !ProxyHeader.matchesAny(forwarder, proxySecrets))) {
            throw error(403, "Invalid token: X-Custom-Forwarder header is missing or wrong");
        }
        String rawToken;
        try {
            rawToken = BearerTokens.token(authorization);
        } catch (BearerTokens.HeaderException e) {
            throw error(401, e.problem() == BearerTokens.HeaderProblem.MISSING
                    ? "Unauthorized: authentication token must be provided"
                    : "Unauthorized: authentication bearer scheme must be used");
        }
        ApiKeyToken token = ApiKeyToken.parse(rawToken).orElseThrow(() -> error(403, GENERAL_TOKEN_ERROR));
        String issuer = token.issuer();
        if (issuer == null) {
            throw error(403, "Invalid token: iss field not provided");
        }
        UUID serviceId = Uuids.forLookup(issuer)
                .orElseThrow(() -> error(403, "Invalid token: service id is not the right data type"));
        ServiceData service = services.apply(serviceId).orElseThrow(() -> error(403, "Invalid token: service not found"));
        List<ApiKeyData> keys = apiKeys.apply(serviceId);
        if (keys.isEmpty()) {
            throw error(403, "Invalid token: service has no API keys");
        }
        if (!service.active()) {
            throw error(403, "Invalid token: service is archived");
        }
        if (!"HS256".equals(token.algorithm())) {
            throw error(403, "Invalid token: algorithm used is not HS256");
        }
        long now = clock.instant().getEpochSecond();
        for (ApiKeyData key : keys) {
            if (!token.signedWith(key.secret())) {
                continue;
            }
            ApiKeyToken.IntClaim iat = token.intClaim("iat");
            if (iat instanceof ApiKeyToken.IntClaim.NotAnInteger || iat instanceof ApiKeyToken.IntClaim.WrongType) {
                // the original answered a null/array/object iat with a 500; a clock error is the honest 403
                throw error(403, CLOCK_ERROR);
            }
            if (!registeredClaimsReadable(token) || !(iat instanceof ApiKeyToken.IntClaim.Value issuedAt)) {
                continue;
            }
            checkRegisteredClaims(token, now);
            if (issuedAt.seconds() < now - LEEWAY_SECONDS || issuedAt.seconds() > now + LEEWAY_SECONDS) {
                throw error(403, CLOCK_ERROR);
            }
            if (key.revoked()) {
                throw error(403, "Invalid token: API key revoked");
            }
            return new Authenticated(service, key);
        }
        throw error(403, "Invalid token: API key not found");
    }

    /** {@code exp}/{@code nbf} that are not integers make the original treat the key as not matching. */
    private static boolean registeredClaimsReadable(ApiKeyToken token) {
        for (String claim : List.of("exp", "nbf")) {
            ApiKeyToken.IntClaim value = token.intClaim(claim);
            if (value instanceof ApiKeyToken.IntClaim.NotAnInteger || value instanceof ApiKeyToken.IntClaim.WrongType) {
                return false;
            }
        }
        return true;
    }

    /** Claims the JWT library validates: a past {@code exp}, a future {@code nbf} or any {@code aud}. */
    private static void checkRegisteredClaims(ApiKeyToken token, long now) {
        if (token.intClaim("exp") instanceof ApiKeyToken.IntClaim.Value exp && exp.seconds() < now - LEEWAY_SECONDS) {
            throw error(403, GENERAL_TOKEN_ERROR);
        }
        if (token.intClaim("nbf") instanceof ApiKeyToken.IntClaim.Value nbf && nbf.seconds() > now + LEEWAY_SECONDS) {
            throw error(403, GENERAL_TOKEN_ERROR);
        }
        if (token.hasClaim("aud")) {
            throw error(403, GENERAL_TOKEN_ERROR);
        }
    }

    private static ApiError error(int status, String message) {
        return new ApiError(status, "AuthError", message);
    }
}
