package org.notifyoncamel.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.services.DataRetentionStore;
import org.notifyoncamel.services.ServiceStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /service/{sid}/data-retention}: per notification type retention overrides (spec 1.4.10). */
@Component("dataRetentionAdmin")
public class DataRetentionAdmin {

    private final DataRetentionStore retention;
    private final ServiceStore services;
    private final AdminViews views;
    private final JsonRequests json;

    public DataRetentionAdmin(DataRetentionStore retention, ServiceStore services, AdminViews views, JsonRequests json) {
        this.retention = retention;
        this.services = services;
        this.views = views;
        this.json = json;
    }

    /** A bare list, as the original. */
    public HttpResult list(@Header("sid") String sid) {
        return HttpResult.ok(retention.list(existing(sid)).stream().map(views::dataRetention).toList());
    }

    /** The row, or {} when there is none. */
    public HttpResult get(@Header("sid") String sid, @Header("retentionId") String retentionId) {
        UUID serviceId = existing(sid);
        return HttpResult.ok(retention.find(serviceId, AdminIds.path(retentionId)).<Object>map(views::dataRetention).orElse(Map.of()));
    }

    /** The row for a notification type, or {} when there is none; an unknown type is a 400. */
    public HttpResult forType(@Header("sid") String sid, @Header("notificationType") String notificationType) {
        UUID serviceId = existing(sid);
        if (!DataRetentionStore.NOTIFICATION_TYPES.contains(notificationType)) {
            throw ApiError.validation("notification_type " + notificationType + " is not one of [sms, letter, email]");
        }
        return HttpResult.ok(retention.forType(serviceId, notificationType).<Object>map(views::dataRetention).orElse(Map.of()));
    }

    public HttpResult create(@Header("sid") String sid, @Body byte[] body) {
        UUID serviceId = existing(sid);
        ObjectNode request = json.adminObject(body);
        List<String> problems = new ArrayList<>();
        unexpected(request, Set.of("days_of_retention", "notification_type"), problems);
        int days = days(request, problems);
        JsonNode type = request.get("notification_type");
        if (type == null) {
            problems.add("notification_type is a required property");
        } else if (!type.isTextual() || !DataRetentionStore.NOTIFICATION_TYPES.contains(type.asText())) {
            problems.add("notification_type " + shown(type) + " is not one of [sms, letter, email]");
        }
        if (!problems.isEmpty()) {
            throw ApiError.validation(problems);
        }
        try {
            return HttpResult.created(Map.of("result", views.dataRetention(retention.create(serviceId, type.asText(), days))));
        } catch (DataRetentionStore.Duplicate e) {
            throw AdminError.badRequest("Service already has data retention for " + type.asText() + " notification type");
        }
    }

    public HttpResult update(@Header("sid") String sid, @Header("retentionId") String retentionId, @Body byte[] body) {
        UUID serviceId = AdminIds.path(sid);
        UUID id = AdminIds.path(retentionId);
        ObjectNode request = json.adminObject(body);
        List<String> problems = new ArrayList<>();
        unexpected(request, Set.of("days_of_retention"), problems);
        int days = days(request, problems);
        if (!problems.isEmpty()) {
            throw ApiError.validation(problems);
        }
        if (!retention.update(serviceId, id, days)) {
            throw AdminError.notFound("The service data retention for id: " + retentionId + " was not found for service: " + sid);
        }
        return HttpResult.noContent();
    }

    private static int days(ObjectNode request, List<String> problems) {
        JsonNode days = request.get("days_of_retention");
        if (days == null) {
            problems.add("days_of_retention is a required property");
        } else if (!days.isIntegralNumber() || !days.canConvertToInt()) {
            problems.add("days_of_retention " + shown(days) + " is not of type integer");
        } else if (days.asInt() < 1) {
            problems.add("days_of_retention " + days.asInt() + " is less than the minimum of 1");
        } else {
            return days.asInt();
        }
        return 0;
    }

    private static void unexpected(ObjectNode request, Set<String> allowed, List<String> problems) {
        List<String> extra = new ArrayList<>();
        request.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                extra.add(f);
            }
        });
        if (!extra.isEmpty()) {
            problems.add("Additional properties are not allowed (" + String.join(", ", extra) + (extra.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    private static String shown(JsonNode node) {
        return (node.isTextual() ? node.asText() : node.toString()).replace("'", "").replace("\"", "");
    }

    private UUID existing(String sid) {
        return services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound).id();
    }
}
