package org.notifyoncamel.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.notifications.NotificationStore;
import org.notifyoncamel.notifications.StoredNotification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** GET /v2/notifications/{id} and GET /v2/notifications (notifications-api app/v2/notifications/get_notifications.py). */
@Component("getNotifications")
public class GetNotifications {

    static final List<String> STATUSES = List.of("cancelled", "created", "sending", "sent", "delivered", "pending", "failed",
            "technical-failure", "temporary-failure", "permanent-failure", "pending-virus-check", "validation-failed",
            "virus-scan-failed", "returned-letter", "accepted", "received");
    static final List<String> FAILED = List.of("technical-failure", "temporary-failure", "permanent-failure",
            "validation-failed", "virus-scan-failed", "returned-letter");
    static final List<String> TYPES = List.of("sms", "email", "letter");

    private final NotificationStore store;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final ObjectMapper mapper;
    private final int pageSize;

    public GetNotifications(NotificationStore store, SecretCipher cipher, PublicUrls urls, ObjectMapper mapper,
                            @Value("${notify.api.page-size:250}") int pageSize) {
        this.store = store;
        this.cipher = cipher;
        this.urls = urls;
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    public HttpResult one(Exchange exchange, @Header("notification_id") String notificationId) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        UUID id = Uuids.parse(notificationId).orElseThrow(() -> ApiError.validation("notification_id is not a valid UUID"));
        StoredNotification notification = store.find(caller.serviceId(), id).orElseThrow(() -> ApiError.notFound("No result found"));
        return HttpResult.ok(NotificationJson.of(notification, personalisation(notification), urls.root()));
    }

    public HttpResult list(Exchange exchange) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        QueryParams query = QueryParams.of(exchange);
        SchemaErrors errors = new SchemaErrors();
        Map<String, List<String>> echoed = new LinkedHashMap<>();
        List<String> statuses = new ArrayList<>();
        List<String> letterStatuses = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String reference = null;
        UUID olderThan = null;
        boolean includeJobs = false;
        List<String> unexpected = new ArrayList<>();
        for (String name : query.names()) {
            switch (name) {
                case "status" -> {
                    for (String status : query.all(name)) {
                        if (!STATUSES.contains(status)) {
                            errors.notOneOf("status", TextNode.valueOf(status), STATUSES);
                        } else if ("failed".equals(status)) {
                            statuses.addAll(FAILED);
                        } else if ("accepted".equals(status)) {
                            letterStatuses.addAll(List.of("created", "sending"));
                        } else if ("received".equals(status)) {
                            letterStatuses.addAll(List.of("delivered", "returned-letter"));
                        } else {
                            statuses.add(status);
                        }
                    }
                    echoed.put(name, query.all(name));
                }
                case "template_type" -> {
                    for (String type : query.all(name)) {
                        if (!TYPES.contains(type)) {
                            errors.notOneOf("template_type", TextNode.valueOf(type), TYPES);
                        } else {
                            types.add(type);
                        }
                    }
                    echoed.put(name, query.all(name));
                }
                case "reference" -> {
                    reference = query.first(name);
                    echoed.put(name, List.of(reference));
                }
                case "older_than" -> {
                    String value = query.first(name);
                    olderThan = Uuids.parse(value).orElse(null);
                    if (olderThan == null) {
                        errors.notAUuid("older_than");
                    }
                    echoed.put(name, List.of(value));
                }
                case "include_jobs" -> {
                    String value = query.first(name);
                    if (!"true".equals(value) && !"True".equals(value)) {
                        errors.notOneOf("include_jobs", TextNode.valueOf(value), List.of("true", "True"));
                    }
                    includeJobs = true;
                    echoed.put(name, List.of(value));
                }
                default -> unexpected.add(name);
            }
        }
        errors.additionalProperties(unexpected);
        errors.throwIfAny();

        List<StoredNotification> page = store.list(new NotificationStore.ListFilter(caller.serviceId(), caller.keyType(), types,
                statuses, letterStatuses, reference, olderThan, includeJobs, pageSize));
        String root = urls.root();
        List<Map<String, Object>> notifications = page.stream()
                .map(n -> NotificationJson.of(n, personalisation(n), root)).toList();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("current", link(root + "/v2/notifications", echoed));
        if (!page.isEmpty()) {
            Map<String, List<String>> next = new LinkedHashMap<>(echoed);
            next.put("older_than", List.of(page.get(page.size() - 1).id().toString()));
            links.put("next", link(root + "/v2/notifications", next));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifications", notifications);
        body.put("links", links);
        return HttpResult.ok(body);
    }

    static String link(String base, Map<String, List<String>> params) {
        String query = QueryParams.encode(params);
        return query.isEmpty() ? base : base + "?" + query;
    }

    private ObjectNode personalisation(StoredNotification n) {
        if (n.encryptedPersonalisation() == null) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, n.encryptedPersonalisation()));
            return node != null && node.isObject() ? (ObjectNode) node : mapper.createObjectNode();
        } catch (Exception e) {
            throw new IllegalStateException("Personalisation of notification " + n.id() + " cannot be read", e);
        }
    }
}
