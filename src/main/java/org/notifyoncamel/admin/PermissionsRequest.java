package org.notifyoncamel.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.services.ServiceTeamStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of POST /user/{uid}/service/{sid}/permission and POST /service/{sid}/users/{uid}:
 * {@code {"permissions": [{"permission": "send_texts"}, ...], "folder_permissions": [folder ids]}}, validated as the
 * original's JSON schema did (v2 error shape, single quotes dropped). An unknown permission name is a 400 here
 * (the original answered 404).
 */
public record PermissionsRequest(List<String> permissions, List<UUID> folderIds) {

    private static final Set<String> FIELDS = Set.of("permissions", "folder_permissions");

    public static PermissionsRequest parse(ObjectNode body) {
        List<String> problems = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unexpected.add(f);
            }
        });
        if (!unexpected.isEmpty()) {
            problems.add("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        List<String> permissions = new ArrayList<>();
        JsonNode given = body.get("permissions");
        if (given == null) {
            problems.add("permissions is a required property");
        } else if (!given.isArray()) {
            problems.add("permissions " + shown(given) + " is not of type array");
        } else {
            for (JsonNode item : given) {
                if (!item.isObject()) {
                    problems.add("permissions " + shown(item) + " is not of type object");
                    continue;
                }
                JsonNode name = item.get("permission");
                if (name == null || !name.isTextual() || !ServiceTeamStore.USER_PERMISSIONS.contains(name.asText())) {
                    problems.add("permissions " + (name == null ? shown(item) : shown(name)) + " is not one of ["
                            + String.join(", ", ServiceTeamStore.USER_PERMISSIONS) + "]");
                    continue;
                }
                permissions.add(name.asText());
            }
        }
        List<UUID> folders = new ArrayList<>();
        JsonNode folderIds = body.get("folder_permissions");
        if (folderIds != null && !folderIds.isNull()) {
            if (!folderIds.isArray()) {
                problems.add("folder_permissions " + shown(folderIds) + " is not of type array");
            } else {
                for (JsonNode item : folderIds) {
                    UUID id = item.isTextual() ? AdminIds.parse(item.asText()) : null;
                    if (id == null) {
                        problems.add("folder_permissions " + shown(item) + " is not a valid UUID");
                    } else {
                        folders.add(id);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiError.validation(problems);
        }
        return new PermissionsRequest(permissions, folders);
    }

    private static String shown(JsonNode node) {
        return (node.isTextual() ? node.asText() : node.toString()).replace("'", "").replace("\"", "");
    }
}
