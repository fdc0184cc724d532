package org.notifyoncamel.http;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (no route for the path, a wrong method)
 * in the original's framework-level shape {@code {"result":"error","message":...}}, for every path
 * (notifications-api app/v2/errors.py).
 */
@RestController
public class LegacyErrorController implements ErrorController {

    static final String NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.";
    static final String METHOD_NOT_ALLOWED = "The method is not allowed for the requested URL.";

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String message = switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 500 -> "Internal server error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JsonResponses.adminBody(message));
    }
}
