package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.services.ServiceTeamStore;
import org.notifyoncamel.users.UserStore;
import org.notifyoncamel.users.UserStore.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code /user}: create, update, activate, read and archive users; a member's permissions on a service (spec 1.4.1). */
@Component("usersAdmin")
public class UsersAdmin {

    static final String MOBILE_REQUIRED = "Mobile number must be set if auth_type is set to sms_auth";
    static final String DUPLICATE_EMAIL = "A user with this email address already exists";
    static final List<String> AUTH_TYPES = List.of("sms_auth", "email_auth");
    static final List<String> STATES = List.of("pending", "active", "inactive");
    private static final Set<String> CREATE_FIELDS = Set.of("name", "email_address", "password", "mobile_number", "auth_type", "state",
            "platform_admin", "failed_login_count", "logged_in_at", "current_session_id");
    /** Dump-only fields of the original's schema: accepted and ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "permissions", "services", "organisations", "password_changed_at",
            "email_access_validated_at");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "email_address", "mobile_number", "auth_type", "current_session_id",
            "email_access_validated_at");

    private final UserStore users;
    private final ServiceTeamStore team;
    private final AdminViews views;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;

    private final PhoneNumbers phones;

    public UsersAdmin(UserStore users, ServiceTeamStore team, AdminViews views, JsonRequests json,
                      ApplicationEventPublisher events, PhoneNumbers phones) {
        this.phones = phones;
        this.users = users;
        this.team = team;
        this.views = views;
        this.json = json;
        this.events = events;
    }

    public HttpResult create(@Body byte[] body) {
        AdminBody request = new AdminBody(json.adminObject(body));
        request.onlyKnown(CREATE_FIELDS, READ_ONLY).required("name", "email_address", "password");
        String name = request.string("name", 255);
        if (name != null && name.isBlank()) {
            request.error("name", "Invalid name");
        }
        String email = email(request);
        String password = request.string("password", 1000);
        String mobile = mobile(request);
        String authType = request.oneOf("auth_type", AUTH_TYPES);
        String state = request.oneOf("state", STATES);
        Boolean platformAdmin = request.bool("platform_admin");
        Long failedLogins = request.integer("failed_login_count", 0, Integer.MAX_VALUE);
        java.time.Instant loggedInAt = request.timestamp("logged_in_at");
        UUID sessionId = request.uuid("current_session_id");
        request.check();
        String effectiveAuthType = authType == null ? "sms_auth" : authType;
        if ("sms_auth".equals(effectiveAuthType) && mobile == null) {
            throw AdminError.badRequest(MOBILE_REQUIRED);
        }
        try {
            User user = users.create(new UserStore.NewUser(name, email, password, mobile, effectiveAuthType, state == null ? "pending" : state,
                    Boolean.TRUE.equals(platformAdmin), failedLogins == null ? 0 : failedLogins.intValue(), loggedInAt, sessionId));
            return HttpResult.created(Map.of("data", views.user(user)));
        } catch (UserStore.DuplicateEmail e) {
            throw AdminError.badRequest(Map.of("email_address", List.of(DUPLICATE_EMAIL)));
        }
    }

    /**
     * Partial update. {@code updated_by} is accepted (a user id) but the original's change notice to the user is not
     * sent yet: it needs the notification pipeline (see docs/notes/admin-core.md).
     */
    public HttpResult update(@Header("uid") String uid, @Body byte[] body) {
        UUID userId = AdminIds.path(uid);
        AdminBody request = new AdminBody(json.adminObject(body));
        List<String> unknown = new java.util.ArrayList<>();
        request.node().fieldNames().forEachRemaining(field -> {
            if (!UPDATE_FIELDS.contains(field) && !field.equals("updated_by")) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw AdminError.badRequest(Map.of("_schema", unknown.stream().map(f -> "Unknown field name " + f).toList()));
        }
        request.uuid("updated_by");
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.has("name")) {
            String name = request.string("name", 255);
            if (name == null || name.isBlank()) {
                request.error("name", "Invalid name");
            }
            changes.put("name", name);
        }
        if (request.has("email_address")) {
            if (request.isNull("email_address")) {
                request.error("email_address", "Field may not be null.");
            }
            changes.put("email_address", email(request));
        }
        if (request.has("mobile_number")) {
            changes.put("mobile_number", mobile(request));
        }
        if (request.has("auth_type")) {
            if (request.isNull("auth_type")) {
                request.error("auth_type", "Field may not be null.");
            }
            changes.put("auth_type", request.oneOf("auth_type", AUTH_TYPES));
        }
        if (request.has("current_session_id")) {
            changes.put("current_session_id", request.uuid("current_session_id"));
        }
        if (request.has("email_access_validated_at")) {
            if (request.isNull("email_access_validated_at")) {
                request.error("email_access_validated_at", "Field may not be null.");
            }
            changes.put("email_access_validated_at", request.timestamp("email_access_validated_at"));
        }
        request.check();
        User current = users.find(userId).orElseThrow(AdminError::noResultFound);
        String authType = (String) changes.getOrDefault("auth_type", current.authType());
        String mobile = changes.containsKey("mobile_number") ? (String) changes.get("mobile_number") : current.mobileNumber();
        if ("sms_auth".equals(authType) && mobile == null) {
            throw AdminError.badRequest(MOBILE_REQUIRED);
        }
        try {
            return HttpResult.ok(Map.of("data", views.user(users.update(userId, changes).orElseThrow(AdminError::noResultFound))));
        } catch (UserStore.DuplicateEmail e) {
            throw AdminError.badRequest(Map.of("email_address", List.of(DUPLICATE_EMAIL)));
        }
    }

    public HttpResult activate(@Header("uid") String uid) {
        User user = users.find(AdminIds.path(uid)).orElseThrow(AdminError::noResultFound);
        if ("active".equals(user.state())) {
            throw AdminError.badRequest("User already active");
        }
        users.activate(user.id());
        return HttpResult.ok(Map.of("data", views.user(users.find(user.id()).orElseThrow())));
    }

    public HttpResult get(@Header("uid") String uid) {
        return HttpResult.ok(Map.of("data", views.user(users.find(AdminIds.path(uid)).orElseThrow(AdminError::noResultFound))));
    }

    public HttpResult list() {
        return HttpResult.ok(Map.of("data", users.all().stream().map(views::user).toList()));
    }

    public HttpResult byEmail(@Header("email") String email) {
        if (email == null || email.isBlank()) {
            throw AdminError.badRequest("Invalid request. Email query string param required");
        }
        return HttpResult.ok(Map.of("data", views.user(users.findByEmail(email).orElseThrow(AdminError::noResultFound))));
    }

    /** Replaces a member's permissions on a service: 204; 404 when the user is not a member. */
    public HttpResult setPermissions(@Header("uid") String uid, @Header("sid") String sid, @Body byte[] body) {
        UUID userId = AdminIds.path(uid);
        UUID serviceId = AdminIds.path(sid);
        PermissionsRequest request = PermissionsRequest.parse(json.adminObject(body));
        checkFolders(serviceId, request.folderIds());
        if (!team.replacePermissions(serviceId, userId, request.permissions(), request.folderIds())) {
            throw AdminError.noResultFound();
        }
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST));
        return HttpResult.noContent();
    }

    /** Archives a user; 400 when a service would be left with nobody else able to manage its settings. */
    public HttpResult archive(@Header("uid") String uid) {
        User user = users.find(AdminIds.path(uid)).orElseThrow(AdminError::noResultFound);
        if (!users.servicesOnlyThisUserManages(user.id()).isEmpty()) {
            throw AdminError.badRequest("User can’t be removed from a service - check all services have another team member with manage_settings");
        }
        List<UUID> left = users.activeServiceIds(user.id());
        users.archive(user.id());
        left.forEach(serviceId -> events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST)));
        return HttpResult.noContent();
    }

    void checkFolders(UUID serviceId, List<UUID> folderIds) {
        List<UUID> known = team.foldersOfService(serviceId, folderIds);
        List<String> foreign = folderIds.stream().filter(id -> !known.contains(id)).map(UUID::toString).toList();
        if (!foreign.isEmpty()) {
            throw org.notifyoncamel.http.ApiError.validation(foreign.stream()
                    .map(id -> "folder_permissions " + id + " is not a template folder of this service").toList());
        }
    }

    private static String email(AdminBody request) {
        String raw = request.string("email_address", 255);
        if (raw == null) {
            return null;
        }
        try {
            return EmailAddresses.validate(raw);
        } catch (InvalidRecipientException e) {
            request.error("email_address", e.reason());
            return null;
        }
    }

    private String mobile(AdminBody request) {
        String raw = request.string("mobile_number", 255);
        if (raw == null) {
            return null;
        }
        try {
            phones.validate(raw, true);
            return raw;
        } catch (InvalidRecipientException e) {
            request.error("mobile_number", "Invalid phone number: " + e.reason());
            return null;
        }
    }
}
