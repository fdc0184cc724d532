package org.notifyoncamel.auth;

import java.util.List;
import java.util.Map;

import org.notifyoncamel.http.AdminError;

/** An admin authentication failure: {@code {"result":"error","message":{"token":["..."]}}}. */
public class TokenError extends AdminError {

    public TokenError(int status, String message) {
        super(status, Map.of("token", List.of(message)));
    }
}
