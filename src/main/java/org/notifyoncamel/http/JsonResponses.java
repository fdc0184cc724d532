package org.notifyoncamel.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.notifyoncamel.common.Conflict;
import org.notifyoncamel.common.DomainException;
import org.notifyoncamel.common.LoggedErrors;
import org.notifyoncamel.common.NotFound;
import org.notifyoncamel.common.Overloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes HTTP answers: {@link #write} turns a bean's {@link HttpResult} into the JSON response;
 * {@link #error} turns any exception caught by a route into the Notify error body, never a stack trace.
 */
@Component("jsonResponses")
public class JsonResponses {

    private static final Logger LOG = LoggerFactory.getLogger(JsonResponses.class);

    /** The message of a 503 answered under overload (docs/adr/0073). */
    public static final String OVERLOADED = "Notify is busy: the request was not accepted, try again shortly";
    static final String RETRY_AFTER_SECONDS = "1";

    private final ObjectMapper mapper;

    public JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        HttpResult result = body instanceof HttpResult r ? r : HttpResult.ok(body);
        respond(message, result.status(), result.body());
    }

    public void error(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        Throwable cause = unwrap(failure);
        if (overloaded(failure)) {
            LOG.warn("Overloaded in route {}: {}", exchange.getFromRouteId(), failure.toString());
            boolean v2 = isPublicApi(message);
            respond(message, 503, v2 ? v2Body(503, List.of(new ApiError.Entry("ServiceUnavailableError", OVERLOADED)))
                    : adminBody(OVERLOADED));
            message.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        } else if (cause instanceof ApiError apiError) {
            respond(message, apiError.status(), v2Body(apiError.status(), apiError.errors()));
        } else if (cause instanceof AdminError adminError) {
            respond(message, adminError.status(), adminBody(adminError.payload()));
            adminError.headers().forEach(message::setHeader);
        } else if (cause instanceof DomainException domain) {
            int status = status(domain);
            respond(message, status, isPublicApi(message)
                    ? v2Body(status, List.of(new ApiError.Entry(v2ErrorClass(domain), String.valueOf(domain.payload()))))
                    : adminBody(domain.payload()));
        } else if (isPublicApi(message)) {
            logUnexpected(exchange, failure);
            respond(message, 500, v2Body(500, List.of(new ApiError.Entry("Exception", "Internal server error"))));
        } else {
            logUnexpected(exchange, failure);
            respond(message, 500, adminBody("Internal server error"));
        }
    }

    /**
     * Logs an unexpected failure with its route, exchange id, exception classes and stack frames, but
     * no exception messages: Camel (type conversion, bean binding), Jackson and PostgreSQL put the
     * values they failed on in their messages, and those values are request data (tokens,
     * personalisation, recipients). SQL states are kept, they are codes.
     */
    private static void logUnexpected(Exchange exchange, Throwable failure) {
        LOG.error("Unexpected error in route {} (exchange {}, {} {})", exchange.getFromRouteId(), exchange.getExchangeId(),
                exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class), routeOf(exchange), LoggedErrors.redacted(failure));
    }

    private static String routeOf(Exchange exchange) {
        // the path pattern's values can be ids but never secrets; the query string is left out
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        return path == null ? "" : path;
    }

    public static Map<String, Object> v2Body(int status, List<ApiError.Entry> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_code", status);
        body.put("errors", errors.stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("error", e.error());
            entry.put("message", e.message());
            return entry;
        }).toList());
        return body;
    }

    public static Map<String, Object> adminBody(Object message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "error");
        body.put("message", message);
        return body;
    }

    private void respond(Message message, int status, Object body) throws JsonProcessingException {
        message.removeHeaders("*", "CamelHttp*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body == null) {
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsBytes(body));
    }

    private static boolean isPublicApi(Message message) {
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        return (path != null && path.startsWith("/v2")) || (uri != null && uri.startsWith("/v2"));
    }

    /**
     * Whether the failure is the application running out of capacity rather than a defect: our own
     * {@link Overloaded}, or no database connection within the pool's timeout (nothing was written then).
     */
    static boolean overloaded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Overloaded || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof ApiError || t instanceof AdminError || t instanceof DomainException) {
                return false;
            }
        }
        return false;
    }

    /** The HTTP status of a domain rule: the one mapping of store and domain exceptions to HTTP. */
    static int status(DomainException domain) {
        if (domain instanceof NotFound) {
            return 404;
        }
        return domain instanceof Conflict ? 409 : 400;
    }

    private static String v2ErrorClass(DomainException domain) {
        return domain instanceof NotFound ? "NoResultFound" : "BadRequestError";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current != null && !(current instanceof ApiError) && !(current instanceof AdminError) && !(current instanceof DomainException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
