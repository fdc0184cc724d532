package org.notifyoncamel.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body, on every path, is at most {@code notify.http.max-body-bytes} (docs/security.md). A larger
 * declared {@code Content-Length} is answered 413 at once, before anything reads the body or checks a token; a
 * chunked body is read here, counting as it streams, and answered 413 as soon as it passes the limit, so at most
 * the limit is ever held. The error is in the endpoint's own shape ({@link ErrorBodies}). Runs before Spring
 * Security and every other filter except the CORS headers and the firewall.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    public static final String ERROR = "RequestEntityTooLarge";
    private static final int CHUNK = 64 * 1024;

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static String message(long maxBytes) {
        return "Request body is larger than the limit of " + maxBytes + " bytes";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream());
            if (body == null) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        // a declared length within the limit: the container never reads past it
        chain.doFilter(request, response);
    }

    /** The whole body, or null as soon as it passes the limit (the rest is never read). */
    byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the unread rest of the body is not worth swallowing: the connection is closed after the answer
        response.setHeader("Connection", "close");
        ErrorBodies.write(request, response, 413, ERROR, message(maxBytes));
    }

    /** A chunked request whose body has been read: the same bytes again, and its form fields if it is a form. */
    static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private Map<String, String[]> parameters;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has already been read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        }

        /** The query string's parameters (from the container, which finds no body left) and, for a form, the body's. */
        private synchronized Map<String, String[]> parameters() {
            if (parameters == null) {
                Map<String, List<String>> merged = new LinkedHashMap<>();
                super.getParameterMap().forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
                String type = getContentType();
                if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                        if (pair.isEmpty()) {
                            continue;
                        }
                        int eq = pair.indexOf('=');
                        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset());
                        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset());
                        merged.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
                    }
                }
                Map<String, String[]> result = new LinkedHashMap<>();
                merged.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(result);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters().get(name);
        }
    }

    /** Registered after the CORS headers and the firewall (NotifyFirewall), for every path, on requests (not error dispatches). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(@Value("${notify.http.max-body-bytes:8388608}") long maxBytes) {
            FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(maxBytes));
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }
    }
}
