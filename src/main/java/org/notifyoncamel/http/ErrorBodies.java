package org.notifyoncamel.http;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Errors answered before a request reaches a route (the servlet filters: body limit, firewall), in the
 * error shape of the endpoint the request was for: the v2 shape under {@code /v2}, the original's
 * framework-level {@code {"result":"error","message":...}} everywhere else (public-api.md 3.2).
 */
public final class ErrorBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorBodies() {
    }

    public static boolean isPublicApi(String path) {
        return path != null && (path.equals("/v2") || path.startsWith("/v2/"));
    }

    /** The body for a path: v2 with {@code error} as the error class, or the legacy shape with the message. */
    public static Object forPath(String path, int status, String error, String message) {
        return isPublicApi(path) ? JsonResponses.v2Body(status, List.of(new ApiError.Entry(error, message)))
                : JsonResponses.adminBody(message);
    }

    /** Writes the error (unless the response is already committed) and asks the container to close the connection. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] body = MAPPER.writeValueAsBytes(forPath(request.getRequestURI(), status, error, message));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
