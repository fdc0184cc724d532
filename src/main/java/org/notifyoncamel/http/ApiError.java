package org.notifyoncamel.http;

import java.util.List;

/**
 * An error in the v2 shape: {@code {"status_code": n, "errors": [{"error": cls, "message": text}, ...]}}.
 * Also used by the internal API where the original validated with JSON schema.
 */
public class ApiError extends RuntimeException {

    public record Entry(String error, String message) {
    }

    private final int status;
    private final transient List<Entry> errors;

    public ApiError(int status, List<Entry> errors) {
        super(errors.isEmpty() ? "error" : errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiError(int status, String error, String message) {
        this(status, List.of(new Entry(error, message)));
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequestError", message);
    }

    public static ApiError validation(String message) {
        return new ApiError(400, "ValidationError", message);
    }

    public static ApiError validation(List<String> messages) {
        return new ApiError(400, messages.stream().map(m -> new Entry("ValidationError", m)).toList());
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NoResultFound", message);
    }

    public int status() {
        return status;
    }

    public List<Entry> errors() {
        return errors;
    }
}
