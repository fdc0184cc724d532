package org.notifyoncamel.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.delivery.ProviderDetailsStore;
import org.notifyoncamel.delivery.ProviderDetailsStore.ProviderDetails;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /provider-details}: view providers and change their priority or active flag (notifications-api app/provider_details/rest.py). */
@Component("providerDetailsAdmin")
public class ProviderDetailsAdmin {

    private final ProviderDetailsStore store;
    private final JsonRequests json;
    private final JdbcTemplate jdbc;

    public ProviderDetailsAdmin(ProviderDetailsStore store, JsonRequests json, JdbcTemplate jdbc) {
        this.store = store;
        this.json = json;
        this.jdbc = jdbc;
    }

    public HttpResult list() {
        List<Map<String, Object>> providers = store.all().stream().map(p -> {
            Map<String, Object> item = summary(p);
            item.put("created_by_name", p.createdById() == null ? null : userSummary(p.createdById()).get("name"));
            item.put("current_month_billable_sms", store.currentMonthBillableSms(p.identifier()));
            return item;
        }).toList();
        return HttpResult.ok(Map.of("provider_details", providers));
    }

    public HttpResult get(@Header("id") String id) {
        ProviderDetails provider = store.find(AdminIds.path(id)).orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(Map.of("provider_details", detail(provider)));
    }

    public HttpResult versions(@Header("id") String id) {
        UUID providerId = AdminIds.path(id);
        store.find(providerId).orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(Map.of("data", store.versions(providerId).stream().map(this::detail).toList()));
    }

    public HttpResult update(@Header("id") String id, @Body byte[] body) {
        UUID providerId = AdminIds.path(id);
        ObjectNode request = json.adminObject(body);
        Map<String, Object> invalid = new LinkedHashMap<>();
        request.fieldNames().forEachRemaining(field -> {
            if (!List.of("priority", "active", "created_by").contains(field)) {
                invalid.put(field, List.of("Not permitted to be updated"));
            }
        });
        if (!invalid.isEmpty()) {
            throw AdminError.badRequest(invalid);
        }
        Integer priority = null;
        if (request.has("priority")) {
            JsonNode value = request.get("priority");
            if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 100) {
                throw AdminError.badRequest(Map.of("priority", List.of("Must be a whole number from 0 to 100.")));
            }
            priority = value.asInt();
        }
        Boolean active = null;
        if (request.has("active")) {
            if (!request.get("active").isBoolean()) {
                throw AdminError.badRequest(Map.of("active", List.of("Not a valid boolean.")));
            }
            active = request.get("active").asBoolean();
        }
        UUID createdBy = null;
        if (request.hasNonNull("created_by")) {
            createdBy = AdminIds.body("created_by", request.get("created_by").asText());
            if (userSummary(createdBy) == null) {
                throw AdminError.badRequest(Map.of("created_by", List.of("User not found.")));
            }
        }
        ProviderDetails updated = store.update(providerId, new ProviderDetailsStore.Change(priority, active, createdBy))
                .orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(Map.of("provider_details", detail(updated)));
    }

    private Map<String, Object> summary(ProviderDetails p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", p.id().toString());
        item.put("display_name", p.displayName());
        item.put("identifier", p.identifier());
        item.put("priority", p.priority());
        item.put("notification_type", p.notificationType());
        item.put("active", p.active());
        item.put("updated_at", Timestamps.iso(p.updatedAt()));
        item.put("supports_international", p.supportsInternational());
        return item;
    }

    private Map<String, Object> detail(ProviderDetails p) {
        Map<String, Object> item = summary(p);
        item.put("version", p.version());
        item.put("created_by", p.createdById() == null ? null : userSummary(p.createdById()));
        return item;
    }

    private Map<String, Object> userSummary(UUID userId) {
        return jdbc.query("SELECT id, name, email_address FROM users WHERE id = ?", (rs, n) -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", rs.getObject(1, UUID.class).toString());
            user.put("name", rs.getString(2));
            user.put("email_address", rs.getString(3));
            return user;
        }, userId).stream().findFirst().orElse(null);
    }
}
