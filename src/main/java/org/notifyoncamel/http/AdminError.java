package org.notifyoncamel.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error of the internal API in its legacy shape: {@code {"result":"error","message": <message>}},
 * where the message is a string or a map of field to list of messages.
 */
public class AdminError extends RuntimeException {

    private final int status;
    private final transient Object payload;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public AdminError(int status, Object message) {
        super(String.valueOf(message));
        this.status = status;
        this.payload = message;
    }

    public static AdminError badRequest(Object message) {
        return new AdminError(400, message);
    }

    public static AdminError notFound(String message) {
        return new AdminError(404, message);
    }

    public static AdminError noResultFound() {
        return new AdminError(404, "No result found");
    }

    public int status() {
        return status;
    }

    public Object payload() {
        return payload;
    }

    /** Adds a response header to the error answer (e.g. {@code WWW-Authenticate} on a 401). */
    public AdminError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
