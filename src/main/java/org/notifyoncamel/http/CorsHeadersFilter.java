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

/** Every response, errors included, carries the original's CORS headers (public-api.md section 0). */
public class CorsHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && !isConsole(request)) {
            http.setHeader("Access-Control-Allow-Origin", "*");
            http.setHeader("Access-Control-Allow-Headers", "Content-Type,Authorization");
            http.setHeader("Access-Control-Allow-Methods", "GET,PUT,POST,DELETE");
        }
        chain.doFilter(request, response);
    }

    /** The consoles allow their own origin only (docs/security.md): no wildcard for them. */
    private static boolean isConsole(ServletRequest request) {
        String uri = request instanceof HttpServletRequest http ? http.getRequestURI() : null;
        return uri != null && (uri.startsWith("/actuator/hawtio") || uri.startsWith("/actuator/jolokia"));
    }

    /** Registered for normal and error dispatches, so error pages get the headers too. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<CorsHeadersFilter> corsHeadersFilter() {
            FilterRegistrationBean<CorsHeadersFilter> registration = new FilterRegistrationBean<>(new CorsHeadersFilter());
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
