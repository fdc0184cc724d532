package org.notifyoncamel.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.apikeys.ApiKeyStore;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.services.ServiceStore;
import org.notifyoncamel.users.UserStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code /service/{sid}/api-key(s)}: create (secret shown once), revoke and list API keys (spec 1.4.3). */
@Component("apiKeysAdmin")
public class ApiKeysAdmin {

    private static final Set<String> FIELDS = Set.of("name", "created_by", "key_type");

    private final ApiKeyStore apiKeys;
    private final ServiceStore services;
    private final UserStore users;
    private final AdminViews views;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;

    public ApiKeysAdmin(ApiKeyStore apiKeys, ServiceStore services, UserStore users, AdminViews views, JsonRequests json,
                        ApplicationEventPublisher events) {
        this.apiKeys = apiKeys;
        this.services = services;
        this.users = users;
        this.views = views;
        this.json = json;
        this.events = events;
    }

    public HttpResult create(@Header("sid") String sid, @Body byte[] body) {
        UUID serviceId = existing(sid);
        AdminBody request = new AdminBody(json.adminObject(body));
        request.onlyKnown(FIELDS, Set.of("id", "service", "service_id")).required("name", "created_by", "key_type");
        String name = request.string("name", 255);
        if (name != null && name.isBlank()) {
            request.error("name", "Invalid name");
        }
        UUID createdBy = request.uuid("created_by");
        String keyType = request.oneOf("key_type", ApiKeyStore.KEY_TYPES);
        request.check();
        if (!users.exists(createdBy)) {
            throw AdminError.badRequest(Map.of("created_by", List.of("User not found.")));
        }
        ApiKeyStore.Created created;
        try {
            created = apiKeys.create(serviceId, name, keyType, createdBy);
        } catch (ApiKeyStore.DuplicateName e) {
            throw AdminError.badRequest(Map.of("name", List.of("Duplicate API key name '" + name
                    + "': the service already has an unrevoked key with this name")));
        }
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.API_KEYS));
        return HttpResult.created(Map.of("data", created.secret()));
    }

    /** 202 {}; an already revoked key stays as it was. */
    public HttpResult revoke(@Header("sid") String sid, @Header("keyId") String keyId) {
        UUID serviceId = AdminIds.path(sid);
        UUID id = AdminIds.path(keyId);
        apiKeys.find(serviceId, id).orElseThrow(AdminError::noResultFound);
        if (apiKeys.expire(serviceId, id)) {
            events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.API_KEYS));
        }
        return new HttpResult(202, Map.of());
    }

    public HttpResult list(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        return HttpResult.ok(Map.of("apiKeys", apiKeys.listed(serviceId).stream().map(views::apiKey).toList()));
    }

    public HttpResult get(@Header("sid") String sid, @Header("keyId") String keyId) {
        UUID serviceId = existing(sid);
        ApiKeyStore.ApiKey key = apiKeys.find(serviceId, AdminIds.path(keyId)).filter(k -> k.expiryDate() == null)
                .orElseThrow(() -> AdminError.notFound("API key not found for id: " + serviceId));
        return HttpResult.ok(Map.of("apiKeys", List.of(views.apiKey(key))));
    }

    private UUID existing(String sid) {
        return services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound).id();
    }
}
