package org.notifyoncamel.admin;

import java.util.UUID;

import org.notifyoncamel.http.AdminError;

/** Ids in internal-API paths and bodies. */
public final class AdminIds {

    static final String NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.";

    private AdminIds() {
    }

    /** A path id: not a UUID means no such resource, a 404 as the original's typed routes answer. */
    public static UUID path(String value) {
        UUID id = parse(value);
        if (id == null) {
            throw AdminError.notFound(NOT_FOUND);
        }
        return id;
    }

    /** A body id: not a UUID is a 400 naming the field (the original answered 404 "No result found"; we fix it). */
    public static UUID body(String field, String value) {
        UUID id = parse(value);
        if (id == null) {
            throw AdminError.badRequest(java.util.Map.of(field, java.util.List.of("Not a valid UUID.")));
        }
        return id;
    }

    static UUID parse(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
