package org.notifyoncamel.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.notifyoncamel.services.GuestListStore;
import org.notifyoncamel.services.ServiceStore;
import org.notifyoncamel.services.ServiceTeamStore;
import org.notifyoncamel.users.UserStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The team of a service ({@code /service/{sid}/users}) and its guest list ({@code /service/{sid}/guest-list}) (spec 1.4.2). */
@Component("serviceTeamAdmin")
public class ServiceTeamAdmin {

    private final PhoneNumbers phoneNumbers;
    private final ServiceStore services;
    private final ServiceTeamStore team;
    private final UserStore users;
    private final GuestListStore guestList;
    private final UsersAdmin usersAdmin;
    private final AdminViews views;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;

    public ServiceTeamAdmin(ServiceStore services, ServiceTeamStore team, UserStore users, GuestListStore guestList, UsersAdmin usersAdmin,
                            AdminViews views, JsonRequests json, ApplicationEventPublisher events, PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
        this.services = services;
        this.team = team;
        this.users = users;
        this.guestList = guestList;
        this.usersAdmin = usersAdmin;
        this.views = views;
        this.json = json;
        this.events = events;
    }

    public HttpResult members(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        return HttpResult.ok(Map.of("data", team.memberIds(serviceId).stream()
                .map(id -> views.user(users.find(id).orElseThrow())).toList()));
    }

    public HttpResult add(@Header("sid") String sid, @Header("uid") String uid, @Body byte[] body) {
        UUID serviceId = existing(sid);
        UUID userId = users.find(AdminIds.path(uid)).orElseThrow(AdminError::noResultFound).id();
        PermissionsRequest request = PermissionsRequest.parse(json.adminObject(body));
        usersAdmin.checkFolders(serviceId, request.folderIds());
        if (!team.add(serviceId, userId, request.permissions(), request.folderIds())) {
            throw AdminError.badRequest("User id: " + userId + " already part of service id: " + serviceId);
        }
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST));
        return HttpResult.created(Map.of("data", views.service(services.find(serviceId).orElseThrow())));
    }

    public HttpResult remove(@Header("sid") String sid, @Header("uid") String uid) {
        UUID serviceId = existing(sid);
        UUID userId = users.find(AdminIds.path(uid)).orElseThrow(AdminError::noResultFound).id();
        List<UUID> members = team.memberIds(serviceId);
        if (!members.contains(userId)) {
            throw AdminError.notFound("User not found");
        }
        if (members.size() == 1) {
            throw AdminError.badRequest("You cannot remove the only user for a service");
        }
        team.remove(serviceId, userId);
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST));
        return HttpResult.noContent();
    }

    public HttpResult guestList(@Header("sid") String sid) {
        GuestListStore.GuestList list = guestList.find(existing(sid));
        return HttpResult.ok(Map.of("email_addresses", list.emailAddresses(), "phone_numbers", list.phoneNumbers()));
    }

    /** Replaces the guest list; both keys are required (a 400 here, the original's 500), every entry must be valid. */
    public HttpResult replaceGuestList(@Header("sid") String sid, @Body byte[] body) {
        UUID serviceId = existing(sid);
        ObjectNode request = json.adminObject(body);
        List<String> emails = entries(request, "email_addresses");
        List<String> phones = entries(request, "phone_numbers");
        for (String email : emails) {
            if (email.length() > 255 || !EmailAddresses.isValid(email)) {
                throw invalidEntry(email);
            }
        }
        for (String phone : phones) {
            try {
                if (phone.length() > 255) {
                    throw invalidEntry(phone);
                }
                phoneNumbers.validate(phone, true);
            } catch (InvalidRecipientException e) {
                throw invalidEntry(phone);
            }
        }
        guestList.replace(serviceId, new GuestListStore.GuestList(emails, phones));
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.TEAM_AND_GUEST_LIST));
        return HttpResult.noContent();
    }

    private static List<String> entries(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isArray()) {
            throw AdminError.badRequest(Map.of(field, List.of(value == null ? AdminBody.MISSING : "Not a valid list.")));
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalidEntry(item.toString());
            }
            entries.add(item.asText());
        }
        return entries;
    }

    private static AdminError invalidEntry(String entry) {
        return AdminError.badRequest("Invalid guest list: \"" + entry + "\" is not a valid email address or phone number");
    }

    private UUID existing(String sid) {
        return services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound).id();
    }
}
