package org.notifyoncamel.common;

/**
 * A rule of the domain said no. Stores and domain services throw the three kinds below and know
 * nothing of HTTP; {@code http.JsonResponses#error} is the one place that turns them into the
 * Notify error body of the internal API (legacy {@code {"result":"error","message":...}}) or of the
 * public API (v2 {@code {"status_code","errors"}}).
 */
public abstract class DomainException extends RuntimeException {

    private final transient Object payload;

    protected DomainException(Object payload) {
        super(String.valueOf(payload));
        this.payload = payload;
    }

    /** The message: a string, or a map of field name to list of messages. */
    public Object payload() {
        return payload;
    }
}
