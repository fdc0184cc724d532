package org.notifyoncamel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataStore;
import org.notifyoncamel.cache.TemplateData;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.templates.EmailRenderer;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.Placeholders;
import org.notifyoncamel.templates.SmsRenderer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** GET /v2/template/{id}[/version/{v}], POST /v2/template/{id}/preview, GET /v2/templates (public-api.md 5.8-5.10). */
@Component("v2Templates")
public class V2Templates {

    static final List<String> TYPES = List.of("sms", "email", "letter", "broadcast");

    private final ServiceDataStore store;

    public V2Templates(ServiceDataStore store) {
        this.store = store;
    }

    public HttpResult get(Exchange exchange, @Header("template_id") String templateId) {
        Authenticated caller = caller(exchange);
        TemplateData template = current(caller, templateId);
        return HttpResult.ok(json(template, caller.service()));
    }

    /** A version of the template; version 0 (which the original treated as "current") is a 404. */
    public HttpResult version(Exchange exchange, @Header("template_id") String templateId, @Header("version") String version) {
        Authenticated caller = caller(exchange);
        UUID id = id(templateId);
        int number = parseVersion(version);
        TemplateData template = store.templateVersion(caller.serviceId(), id, number).filter(t -> !t.hidden())
                .orElseThrow(() -> ApiError.notFound("No result found"));
        return HttpResult.ok(json(template, caller.service()));
    }

    public HttpResult preview(Exchange exchange, @Header("template_id") String templateId) {
        Authenticated caller = caller(exchange);
        TemplateData template = current(caller, templateId);
        JsonNode body = V2Requests.parse(exchange.getMessage().getBody(byte[].class), true);
        ObjectNode request = V2Requests.object(body);
        SchemaErrors errors = new SchemaErrors();
        ObjectNode personalisation = V2Requests.object(request, "personalisation", errors);
        errors.throwIfAny();
        Personalisation values = ApiSupport.personalisation(personalisation);
        String contactBlock = contactBlock(template, caller.service());
        Placeholders.missingMessage(values, contactBlock, template.subject(), template.content()).ifPresent(m -> {
            throw ApiError.badRequest(m);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", template.id().toString());
        json.put("type", template.templateType());
        json.put("version", template.version());
        switch (template.templateType()) {
            case "email" -> {
                json.put("body", EmailRenderer.body(template.content(), values));
                json.put("subject", EmailRenderer.subject(template.subject(), values));
                json.put("html", EmailRenderer.html(template.content(), values));
            }
            case "letter" -> {
                json.put("body", LetterRenderer.body(template.content(), values));
                json.put("subject", LetterRenderer.subject(template.subject(), values));
                json.put("html", null);
            }
            default -> {
                json.put("body", SmsRenderer.render(template.content(), values));
                json.put("subject", null);
                json.put("html", null);
            }
        }
        json.put("postage", "letter".equals(template.templateType()) ? template.postage() : null);
        return HttpResult.ok(json);
    }

    public HttpResult list(Exchange exchange) {
        Authenticated caller = caller(exchange);
        QueryParams query = QueryParams.of(exchange);
        SchemaErrors errors = new SchemaErrors();
        String type = query.first("type");
        if (type != null && !TYPES.contains(type)) {
            errors.notOneOf("type", TextNode.valueOf(type), TYPES);
        }
        errors.additionalProperties(query.names().stream().filter(n -> !"type".equals(n)).toList());
        errors.throwIfAny();
        List<Map<String, Object>> templates = store.templates(caller.serviceId(), type).stream()
                .map(t -> json(t, caller.service())).toList();
        return HttpResult.ok(Map.of("templates", templates));
    }

    private TemplateData current(Authenticated caller, String templateId) {
        UUID id = id(templateId);
        return store.template(caller.serviceId(), id).filter(t -> !t.hidden()).orElseThrow(() -> ApiError.notFound("No result found"));
    }

    static Map<String, Object> json(TemplateData t, ServiceData service) {
        String contactBlock = contactBlock(t, service);
        Map<String, Object> personalisation = new LinkedHashMap<>();
        for (String name : Placeholders.names(contactBlock, t.subject(), t.content())) {
            personalisation.put(name, Map.of("required", true));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id().toString());
        json.put("name", t.name());
        json.put("type", t.templateType());
        json.put("created_at", Timestamps.iso(t.createdAt()));
        json.put("updated_at", Timestamps.iso(t.updatedAt()));
        json.put("created_by", t.createdByEmail());
        json.put("version", t.version());
        json.put("body", t.content());
        json.put("subject", "email".equals(t.templateType()) || "letter".equals(t.templateType()) ? t.subject() : null);
        json.put("personalisation", personalisation);
        json.put("postage", "letter".equals(t.templateType()) ? t.postage() : null);
        json.put("letter_contact_block", contactBlock);
        return json;
    }

    private static String contactBlock(TemplateData t, ServiceData service) {
        if (!"letter".equals(t.templateType())) {
            return null;
        }
        return service.letterContact(t.letterContactId()).map(ServiceData.LetterContact::contactBlock).orElse(null);
    }

    private static UUID id(String templateId) {
        return Uuids.parse(templateId).orElseThrow(() -> ApiError.validation("id is not a valid UUID"));
    }

    private static int parseVersion(String version) {
        if (version == null || !version.matches("[0-9]{1,9}")) {
            throw org.notifyoncamel.http.AdminError.notFound(
                    "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");
        }
        int number = Integer.parseInt(version);
        if (number == 0) {
            throw ApiError.notFound("No result found");
        }
        return number;
    }

    private static Authenticated caller(Exchange exchange) {
        return exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
    }
}
