package org.notifyoncamel.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach the operator consoles, decided by Spring Security on the normalised path (docs/security.md,
 * ADR 0090). Spring Security's StrictHttpFirewall runs first for every request on every path and refuses
 * the spellings a string-prefix check misses ({@code //}, {@code /./}, {@code %2e}, {@code ;x}, encoded
 * slashes); {@code http.RejectedRequests} answers those 400.
 *
 * <ul>
 * <li>Hawtio and Jolokia: HTTP Basic with {@code notify.console.username/password} when
 * {@code notify.console.authentication} is on (production); with it on and no credentials set they are
 * closed. Open in development, but in no environment to another site's pages: a request whose
 * {@code Origin} is not the console's own or whose {@code Sec-Fetch-Site} says cross-site is refused.
 * What Jolokia may do once reached is {@link ConsoleJmxPolicy}.</li>
 * <li>Health: anyone may probe; HTTP Basic credentials, when sent, are checked so that a console user
 * sees the details ({@code management.endpoint.health.show-details: when-authorized}).</li>
 * <li>Everything else (the public and internal APIs with their own JWTs, receipts, simulators,
 * {@code /_status}, Prometheus): passed through untouched: no authentication, CSRF, session, request
 * cache or response headers from Spring Security.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ConsoleSecurity {

    static final String ROLE = "CONSOLE";
    static final String REALM = "Notify console";

    static final RequestMatcher CONSOLES = new OrRequestMatcher(
            path("/actuator/hawtio"), path("/actuator/hawtio/**"), path("/actuator/jolokia"), path("/actuator/jolokia/**"));
    static final RequestMatcher HEALTH = new OrRequestMatcher(path("/actuator/health"), path("/actuator/health/**"));

    private final boolean authentication;
    private final String username;
    private final String password;

    public ConsoleSecurity(@Value("${notify.console.authentication:false}") boolean authentication,
                           @Value("${notify.console.username:}") String username,
                           @Value("${notify.console.password:}") String password) {
        this.authentication = authentication;
        this.username = username;
        this.password = password;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http.securityMatcher(CONSOLES)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(ConsoleSecurity::crossSite).denyAll();
                    if (!authentication) {
                        rules.anyRequest().permitAll();
                    } else if (hasCredentials()) {
                        rules.anyRequest().hasRole(ROLE);
                    } else {
                        rules.anyRequest().denyAll();
                    }
                })
                .httpBasic(basic -> basic.realmName(REALM));
        return stateless(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain healthChain(HttpSecurity http) throws Exception {
        http.securityMatcher(HEALTH)
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .headers(AbstractHttpConfigurer::disable);
        // actuator asks request.isUserInRole whether to show details: keep Spring Security's request wrapper here
        return stateless(http).servletApi(Customizer.withDefaults()).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .headers(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable);
        return stateless(http).build();
    }

    /** No CSRF tokens (nothing is authenticated by a cookie), no session, no saved requests, no logout page. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable);
    }

    /**
     * A request sent by another site's page: browsers send {@code Origin} on cross-origin fetches and
     * every POST, and {@code Sec-Fetch-Site} on every request (including an {@code <img>}'s GET).
     */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        return host == null || !origin.equalsIgnoreCase(request.getScheme() + "://" + host);
    }

    private boolean hasCredentials() {
        return !username.isBlank() && !password.isBlank();
    }

    /** The console user; none (so no password is generated and logged by Spring Boot) when credentials are unset. */
    @Bean
    UserDetailsService consoleUsers() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (hasCredentials()) {
            users.createUser(User.withUsername(username).password(password).roles(ROLE).build());
        }
        return users;
    }

    /** The password is held as configured and compared in constant time; hashing it per request would only cost CPU. */
    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String stored) {
                return raw != null && stored != null && MessageDigest.isEqual(
                        raw.toString().getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
