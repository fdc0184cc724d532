package org.notifyoncamel.http;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * Spring Security's StrictHttpFirewall (no {@code //}, {@code /./}, {@code /../}, {@code ;}, encoded slashes, dots or
 * percents, backslashes, unknown methods or control characters in headers), plus one rule of ours: no
 * percent-encoded unreserved character ({@code %6A} for {@code j}), which RFC 3986 says is the same URL as the plain
 * character, so every path has one spelling only. It is the firewall of Spring Security's filter chain and also
 * runs as the first servlet filter (after the CORS headers), because Spring Security parses the path with Spring
 * MVC's helpers before its own firewall runs, and those answer an unnormalised path with a 500.
 */
@Component
public class NotifyFirewall extends StrictHttpFirewall {

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        if (encodesUnreserved(request.getRequestURI())) {
            throw new RequestRejectedException("The request was rejected because the URL percent-encodes a character that needs no encoding");
        }
        return super.getFirewalledRequest(request);
    }

    static boolean encodesUnreserved(String uri) {
        if (uri == null) {
            return false;
        }
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            int value = Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16);
            if (value >= 0 && (Character.isLetterOrDigit(value) && value < 128 || value == '-' || value == '.' || value == '_' || value == '~')) {
                return true;
            }
        }
        return false;
    }

    /** The firewall as a servlet filter ahead of Spring Security; a refused request is answered 400 by {@link RejectedRequests}. */
    static final class Check implements Filter {

        private final NotifyFirewall firewall;
        private final RejectedRequests rejected;

        Check(NotifyFirewall firewall, RejectedRequests rejected) {
            this.firewall = firewall;
            this.rejected = rejected;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            try {
                firewall.getFirewalledRequest(http);
            } catch (RequestRejectedException e) {
                rejected.handle(http, (HttpServletResponse) response, e);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<Check> firewallCheck(NotifyFirewall firewall, RejectedRequests rejected) {
            FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check(firewall, rejected));
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
