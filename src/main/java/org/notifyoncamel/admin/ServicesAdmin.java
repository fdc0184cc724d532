package org.notifyoncamel.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.apikeys.ApiKeyStore;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.services.ServiceStatistics;
import org.notifyoncamel.services.ServiceStore;
import org.notifyoncamel.services.ServiceStore.Service;
import org.notifyoncamel.users.UserStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /service}: create, update, read, statistics, archive/suspend/resume and history of services (spec 1.4.2). */
@Component("servicesAdmin")
public class ServicesAdmin {

    /** Keys of the service JSON that are shown but not set through POST /service or POST /service/{sid}: ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "created_by", "inbound_api", "service_callback_api", "organisation",
            "allowed_broadcast_provider", "service_domain", "user_id");
    private static final Set<String> FIELDS = Set.of("name", "email_from", "message_limit", "restricted", "research_mode", "active",
            "prefix_sms", "organisation_type", "crown", "rate_limit", "contact_link", "volume_sms", "volume_email", "volume_letter",
            "consent_to_research", "count_as_live", "go_live_user", "go_live_at", "notes", "billing_contact_names",
            "billing_contact_email_addresses", "purchase_order_number", "billing_reference", "permissions", "email_branding",
            "letter_branding");
    private static final Set<String> NOT_NULL = Set.of("name", "email_from", "message_limit", "restricted", "research_mode", "active",
            "prefix_sms", "rate_limit", "count_as_live");

    private final ServiceStore services;
    private final UserStore users;
    private final ApiKeyStore apiKeys;
    private final ServiceStatistics statistics;
    private final AdminViews views;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final String fromNumber;

    public ServicesAdmin(ServiceStore services, UserStore users, ApiKeyStore apiKeys, ServiceStatistics statistics, AdminViews views,
                         JsonRequests json, ApplicationEventPublisher events, JdbcTemplate jdbc,
                         @Value("${notify.from-number}") String fromNumber) {
        this.services = services;
        this.users = users;
        this.apiKeys = apiKeys;
        this.statistics = statistics;
        this.views = views;
        this.json = json;
        this.events = events;
        this.jdbc = jdbc;
        this.fromNumber = fromNumber;
    }

    /**
     * Creates a service for {@code user_id}. Unlike the original (a 500), {@code permissions} may be sent: it replaces the
     * default service permissions after the same checks as the update route (docs/adr/0010).
     */
    public HttpResult create(@Body byte[] body) {
        AdminBody request = new AdminBody(json.adminObject(body));
        request.onlyKnown(FIELDS, READ_ONLY).required("user_id", "created_by", "name", "email_from", "message_limit", "restricted");
        UUID userId = request.uuid("user_id");
        UUID createdBy = request.uuid("created_by");
        ServiceStore.Change change = readChange(request);
        request.check();
        UserStore.User creator = users.find(userId).orElseThrow(AdminError::noResultFound);
        if (!users.exists(createdBy)) {
            throw AdminError.badRequest(Map.of("created_by", List.of("User not found.")));
        }
        Map<String, Object> columns = new LinkedHashMap<>(change.columns());
        columns.remove("active");
        columns.remove("research_mode");
        columns.remove("count_as_live");
        Service service;
        try {
            service = services.create(columns, change.permissions(), creator, fromNumber, change.emailBranding(), change.letterBranding());
        } catch (ServiceStore.DuplicateService e) {
            throw duplicate((String) columns.get("name"));
        }
        events.publishEvent(ServiceDataChanged.of(service.id(), ServiceDataChanged.Part.SERVICE));
        return HttpResult.created(Map.of("data", views.service(service)));
    }

    /**
     * Updates any subset of the service's fields as a new version. Going live (restricted true to false) would email the
     * team in the original; that notice needs the notification pipeline and is not sent yet.
     */
    public HttpResult update(@Header("sid") String sid, @Body byte[] body) {
        UUID serviceId = AdminIds.path(sid);
        Service current = services.find(serviceId).orElseThrow(AdminError::noResultFound);
        AdminBody request = new AdminBody(json.adminObject(body));
        request.onlyKnown(FIELDS, READ_ONLY);
        ServiceStore.Change change = readChange(request);
        request.check();
        Service updated;
        try {
            updated = services.update(serviceId, change).orElseThrow(AdminError::noResultFound);
        } catch (ServiceStore.DuplicateService e) {
            throw duplicate((String) change.columns().getOrDefault("name", current.name()));
        }
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SERVICE));
        return HttpResult.ok(Map.of("data", views.service(updated)));
    }

    public HttpResult get(@Header("sid") String sid, @Header("detailed") String detailed, @Header("today_only") String todayOnly) {
        Service service = services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound);
        Map<String, Object> data = views.service(service);
        if (truthy(detailed)) {
            data.put("statistics", statistics.statistics(service.id(), truthy(todayOnly), 7));
        }
        return HttpResult.ok(Map.of("data", data));
    }

    public HttpResult list(@Header("only_active") String onlyActive, @Header("user_id") String userId) {
        UUID user = null;
        if (userId != null && !userId.isEmpty()) {
            user = AdminIds.parse(userId);
            if (user == null) {
                throw AdminError.badRequest(Map.of("user_id", List.of("Not a valid UUID.")));
            }
        }
        return HttpResult.ok(Map.of("data", services.list(truthy(onlyActive), user).stream().map(views::service).toList()));
    }

    public HttpResult statistics(@Header("sid") String sid, @Header("today_only") String todayOnly, @Header("limit_days") String limitDays) {
        Service service = services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound);
        int days = 7;
        if (limitDays != null && !limitDays.isEmpty()) {
            if (!limitDays.matches("\\d{1,4}") || Integer.parseInt(limitDays) < 1) {
                throw AdminError.badRequest(Map.of("limit_days", List.of("Not a valid integer.")));
            }
            days = Integer.parseInt(limitDays);
        }
        return HttpResult.ok(Map.of("data", statistics.statistics(service.id(), truthy(todayOnly), days)));
    }

    public HttpResult monthly(@Header("sid") String sid, @Header("year") String year) {
        Service service = services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound);
        if (year == null || !year.matches("\\d{4}")) {
            throw AdminError.badRequest("Year must be a number");
        }
        return HttpResult.ok(Map.of("data", statistics.monthly(service.id(), Integer.parseInt(year))));
    }

    public HttpResult archive(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        if (services.archive(serviceId)) {
            publishDeactivated(serviceId);
        }
        return HttpResult.noContent();
    }

    public HttpResult suspend(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        if (services.suspend(serviceId)) {
            publishDeactivated(serviceId);
        }
        return HttpResult.noContent();
    }

    public HttpResult resume(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        if (services.resume(serviceId)) {
            events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SERVICE));
        }
        return HttpResult.noContent();
    }

    public HttpResult history(@Header("sid") String sid) {
        UUID serviceId = existing(sid);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service_history", services.history(serviceId).stream().map(views::serviceHistory).toList());
        data.put("api_key_history", apiKeys.history(serviceId).stream().map(views::apiKeyHistory).toList());
        data.put("template_history", jdbc.query("""
                SELECT id, name, template_type::text, created_at, updated_at, content, subject, archived, version, created_by_id, service_id
                FROM templates_history WHERE service_id = ? ORDER BY created_at, id, version""", (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rs.getObject(1, UUID.class).toString());
            row.put("name", rs.getString(2));
            row.put("template_type", rs.getString(3));
            row.put("created_at", Timestamps.iso(rs.getTimestamp(4)));
            row.put("updated_at", Timestamps.iso(rs.getTimestamp(5)));
            row.put("content", rs.getString(6));
            row.put("subject", rs.getString(7));
            row.put("archived", rs.getBoolean(8));
            row.put("version", rs.getInt(9));
            row.put("created_by", rs.getObject(10, UUID.class).toString());
            row.put("service", rs.getObject(11, UUID.class).toString());
            return row;
        }, serviceId));
        data.put("events", List.of());
        return HttpResult.ok(Map.of("data", data));
    }

    /** {@code GET /service/unique?service_id=&name=&email_from=} → {@code {"result": true|false}}. */
    public HttpResult unique(@Header("service_id") String serviceId, @Header("name") String name, @Header("email_from") String emailFrom) {
        List<Map<String, List<String>>> errors = new ArrayList<>();
        if (serviceId == null || serviceId.isEmpty()) {
            errors.add(Map.of("service_id", List.of("Can't be empty")));
        }
        if (name == null || name.isEmpty()) {
            errors.add(Map.of("name", List.of("Can't be empty")));
        }
        if (emailFrom == null || emailFrom.isEmpty()) {
            errors.add(Map.of("email_from", List.of("Can't be empty")));
        }
        if (!errors.isEmpty()) {
            throw AdminError.badRequest(errors);
        }
        UUID id = AdminIds.parse(serviceId);
        if (id == null) {
            throw AdminError.badRequest(List.of(Map.of("service_id", List.of("Not a valid UUID."))));
        }
        return HttpResult.ok(Map.of("result", !services.nameOrEmailFromTaken(id, name, emailFrom)));
    }

    private ServiceStore.Change readChange(AdminBody request) {
        for (String field : NOT_NULL) {
            if (request.isNull(field)) {
                request.error(field, "Field may not be null.");
            }
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        if (request.has("name")) {
            String name = request.string("name", 255);
            if (name != null && name.isBlank()) {
                request.error("name", "Invalid name");
            }
            columns.put("name", name);
        }
        if (request.has("email_from")) {
            String emailFrom = request.string("email_from", 255);
            if (emailFrom != null && emailFrom.isBlank()) {
                request.error("email_from", "Invalid email_from");
            }
            columns.put("email_from", emailFrom);
        }
        putIfPresent(request, columns, "message_limit", () -> request.integer("message_limit", 0, Long.MAX_VALUE));
        for (String flag : List.of("restricted", "research_mode", "active", "prefix_sms", "crown", "consent_to_research", "count_as_live")) {
            putIfPresent(request, columns, flag, () -> request.bool(flag));
        }
        putIfPresent(request, columns, "organisation_type", () -> request.oneOf("organisation_type", ServiceStore.ORGANISATION_TYPES));
        putIfPresent(request, columns, "rate_limit", () -> toInt(request.integer("rate_limit", 0, Integer.MAX_VALUE)));
        for (String volume : List.of("volume_sms", "volume_email", "volume_letter")) {
            putIfPresent(request, columns, volume, () -> toInt(request.integer(volume, 0, Integer.MAX_VALUE)));
        }
        for (String text : List.of("contact_link", "purchase_order_number", "billing_reference")) {
            putIfPresent(request, columns, text, () -> request.string(text, 255));
        }
        for (String text : List.of("notes", "billing_contact_names", "billing_contact_email_addresses")) {
            putIfPresent(request, columns, text, () -> request.string(text, Integer.MAX_VALUE));
        }
        putIfPresent(request, columns, "go_live_at", () -> request.timestamp("go_live_at"));
        if (request.has("go_live_user")) {
            UUID goLiveUser = request.uuid("go_live_user");
            if (goLiveUser != null && !users.exists(goLiveUser)) {
                request.error("go_live_user", "User not found.");
            }
            columns.put("go_live_user_id", goLiveUser);
        }
        List<String> permissions = request.has("permissions") ? permissions(request) : null;
        UUID emailBranding = branding(request, "email_branding", "email_branding");
        UUID letterBranding = branding(request, "letter_branding", "letter_branding");
        return new ServiceStore.Change(columns, permissions, request.has("email_branding"), emailBranding,
                request.has("letter_branding"), letterBranding);
    }

    private static void putIfPresent(AdminBody request, Map<String, Object> columns, String field, java.util.function.Supplier<Object> value) {
        if (request.has(field)) {
            columns.put(field, value.get());
        }
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    private UUID branding(AdminBody request, String field, String table) {
        if (!request.has(field)) {
            return null;
        }
        UUID id = request.uuid(field);
        if (id != null && !services.brandingExists(table, id)) {
            request.error(field, "Branding not found.");
        }
        return id;
    }

    /** A full replacement list of service permission names, with the original's messages for bad entries. */
    private static List<String> permissions(AdminBody request) {
        JsonNode given = request.node().get("permissions");
        if (given == null || !given.isArray()) {
            request.error("permissions", "Not a valid list.");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : given) {
            String name = item.isTextual() ? item.asText() : item.toString();
            if (!item.isTextual() || !ServiceStore.SERVICE_PERMISSIONS.contains(name)) {
                request.error("permissions", "Invalid Service Permission: '" + name + "'");
                return null;
            }
            names.add(name);
        }
        List<String> duplicates = names.stream().filter(n -> names.indexOf(n) != names.lastIndexOf(n)).distinct().toList();
        if (!duplicates.isEmpty()) {
            request.error("permissions", "Duplicate Service Permission: "
                    + duplicates.stream().map(d -> "'" + d + "'").toList().toString());
            return null;
        }
        return names;
    }

    private static AdminError duplicate(String name) {
        return AdminError.badRequest(Map.of("name", List.of("Duplicate service name '" + name + "'")));
    }

    private UUID existing(String sid) {
        return services.find(AdminIds.path(sid)).orElseThrow(AdminError::noResultFound).id();
    }

    private void publishDeactivated(UUID serviceId) {
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.SERVICE));
        events.publishEvent(ServiceDataChanged.of(serviceId, ServiceDataChanged.Part.API_KEYS));
    }

    static boolean truthy(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }
}
