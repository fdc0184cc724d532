package org.notifyoncamel.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the Camel context has started every route, and again once it is stopping, a request is answered 503 with
 * {@code Retry-After} in the endpoint's error shape (ADR 0191): Tomcat listens before the REST routes exist, and
 * without this a request in that window got 404, which a client takes as permanent. The probes ({@code /livez},
 * {@code /readyz}) and the management endpoints answer for themselves.
 */
public class StartingUpFilter extends OncePerRequestFilter {

    public static final String ERROR = "ServiceUnavailableError";
    public static final String STARTING = "Notify is starting up or shutting down: the request was not accepted, try again shortly";
    private static final Set<String> PROBES = Set.of("/livez", "/readyz");

    private final CamelContext camel;

    public StartingUpFilter(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return PROBES.contains(path) || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (camel.getStatus() == ServiceStatus.Started) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", JsonResponses.RETRY_AFTER_SECONDS);
        ErrorBodies.write(request, response, 503, ERROR, STARTING);
    }

    /** After the CORS headers, the firewall and the body limit; before Spring Security; on requests, not error dispatches. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<StartingUpFilter> startingUpFilter(CamelContext camel) {
            FilterRegistrationBean<StartingUpFilter> registration = new FilterRegistrationBean<>(new StartingUpFilter(camel));
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
            return registration;
        }
    }
}
