package org.notifyoncamel.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards the operator consoles (Hawtio at /actuator/hawtio, Jolokia at /actuator/jolokia) with HTTP
 * Basic credentials from {@code notify.console.username/password} when {@code notify.console.authentication}
 * is on (production). With authentication on and no credentials configured, the consoles are closed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ConsoleAccessFilter extends OncePerRequestFilter {

    private final boolean authentication;
    private final String username;
    private final String password;

    public ConsoleAccessFilter(@Value("${notify.console.authentication:false}") boolean authentication,
                               @Value("${notify.console.username:}") String username,
                               @Value("${notify.console.password:}") String password) {
        this.authentication = authentication;
        this.username = username;
        this.password = password;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !authentication || !(path.startsWith("/actuator/hawtio") || path.startsWith("/actuator/jolokia"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!username.isBlank() && !password.isBlank() && matches(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Notify console\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private boolean matches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }
}
