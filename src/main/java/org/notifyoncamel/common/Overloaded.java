package org.notifyoncamel.common;

/**
 * The application cannot take this request now (a bounded wait ran out before anything was stored): answered
 * 503 with {@code Retry-After} by http.JsonResponses, never 500 (docs/adr/0073). Throw it only when
 * nothing of the request has been committed, so a client that retries creates no duplicate.
 */
public class Overloaded extends RuntimeException {

    public Overloaded(String message) {
        super(message);
    }

    public Overloaded(String message, Throwable cause) {
        super(message, cause);
    }
}
