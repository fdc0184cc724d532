package org.notifyoncamel.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.http.JsonSchemaChecks;
import org.notifyoncamel.senders.SenderKind;
import org.notifyoncamel.senders.SenderStore;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.SmsRenderer;
import org.notifyoncamel.templates.TemplateChecks;
import org.notifyoncamel.templates.TemplateStore;
import org.notifyoncamel.templates.TemplateStore.Template;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /service/{serviceId}/template}: create, update (new versions), archive, redact and read templates (notifications-api app/template/rest.py). */
@Component("templatesAdmin")
public class TemplatesAdmin {

    static final String[] TEMPLATE_TYPES = {"sms", "email", "letter", "broadcast"};
    static final String[] PROCESS_TYPES = {"normal", "priority"};
    static final List<String> POSTAGES = List.of("first", "second", "europe", "rest-of-world");
    static final String POSTAGE_MESSAGE = "invalid. It must be first, second, europe or rest-of-world.";

    private static final JsonSchemaChecks CREATE = JsonSchemaChecks.object()
            .property("name", JsonSchemaChecks.string().maxLength(255))
            .property("template_type", JsonSchemaChecks.oneOf(TEMPLATE_TYPES))
            .property("service", JsonSchemaChecks.uuid())
            .property("process_type", JsonSchemaChecks.oneOf(PROCESS_TYPES))
            .property("content", JsonSchemaChecks.string())
            .property("subject", JsonSchemaChecks.string())
            .property("created_by", JsonSchemaChecks.uuid())
            .property("parent_folder_id", JsonSchemaChecks.uuid())
            .property("postage", JsonSchemaChecks.string().format(POSTAGES::contains, POSTAGE_MESSAGE))
            .required("name", "template_type", "content", "service", "created_by");

    private static final JsonSchemaChecks UPDATE = JsonSchemaChecks.object()
            .property("id", JsonSchemaChecks.uuid())
            .property("name", JsonSchemaChecks.string().maxLength(255))
            .property("template_type", JsonSchemaChecks.oneOf(TEMPLATE_TYPES))
            .property("service", JsonSchemaChecks.uuid())
            .property("process_type", JsonSchemaChecks.oneOf(PROCESS_TYPES))
            .property("content", JsonSchemaChecks.string())
            .property("subject", JsonSchemaChecks.string())
            .property("postage", JsonSchemaChecks.string().format(POSTAGES::contains, POSTAGE_MESSAGE))
            .property("reply_to", JsonSchemaChecks.nullableUuid())
            .property("created_by", JsonSchemaChecks.uuid())
            .property("archived", JsonSchemaChecks.bool())
            .property("current_user", JsonSchemaChecks.uuid());

    private final TemplateStore store;
    private final SenderStore senders;
    private final ServiceLookups lookups;
    private final JsonRequests json;
    private final ApplicationEventPublisher events;

    public TemplatesAdmin(TemplateStore store, SenderStore senders, ServiceLookups lookups, JsonRequests json,
                          ApplicationEventPublisher events) {
        this.store = store;
        this.senders = senders;
        this.lookups = lookups;
        this.json = json;
        this.events = events;
    }

    public HttpResult create(@Header("serviceId") String serviceIdText, @Body byte[] body) {
        UUID serviceId = lookups.existingService(serviceIdText);
        ObjectNode request = json.adminObject(body);
        List<String> problems = new ArrayList<>(CREATE.problems(request));
        String type = request.path("template_type").asText();
        if (("email".equals(type) || "letter".equals(type)) && !request.has("subject")) {
            problems.add("subject is a required property");
        }
        if (!problems.isEmpty()) {
            throw ApiError.validation(problems);
        }
        UUID folderId = null;
        if (request.has("parent_folder_id")) {
            folderId = Uuids.parse(request.get("parent_folder_id").asText()).orElseThrow();
            if (!store.folderBelongsTo(serviceId, folderId)) {
                throw AdminError.badRequest("parent_folder_id not found");
            }
        }
        if (!lookups.permissions(serviceId).contains(type)) {
            throw new AdminError(403, Map.of("template_type", List.of("Creating " + typeText(type) + " templates is not allowed")));
        }
        String content = request.get("content").asText();
        checkSmsLength(type, content);
        UUID createdBy = lookups.existingUser("created_by", request.get("created_by").asText());
        String postage = textOrNull(request, "postage");
        if (postage == null && "letter".equals(type)) {
            postage = "second";
        }
        String processType = request.has("process_type") ? request.get("process_type").asText() : "normal";
        Template created = store.create(new TemplateStore.NewTemplate(request.get("name").asText(), type, content,
                textOrNull(request, "subject"), postage, processType, serviceId, createdBy, folderId));
        events.publishEvent(ServiceDataChanged.template(serviceId, created.id()));
        return HttpResult.created(Map.of("data", templateJson(created, new ReplyToTexts(serviceId))));
    }

    public HttpResult update(@Header("serviceId") String serviceIdText, @Header("templateId") String templateIdText, @Body byte[] body) {
        UUID serviceId = lookups.existingService(serviceIdText);
        UUID templateId = AdminIds.path(templateIdText);
        Template template = store.find(serviceId, templateId).orElseThrow(AdminError::noResultFound);
        if (!lookups.permissions(serviceId).contains(template.templateType())) {
            throw new AdminError(403, Map.of("template_type",
                    List.of("Updating " + typeText(template.templateType()) + " templates is not allowed")));
        }
        ObjectNode request = json.adminObject(body);
        if (request.path("redact_personalisation").isBoolean() && request.get("redact_personalisation").asBoolean()) {
            return redact(serviceId, template, request);
        }
        UPDATE.validate(request);
        if (request.has("reply_to")) {
            return setReplyTo(serviceId, template, request.get("reply_to"));
        }
        String name = request.has("name") ? request.get("name").asText() : template.name();
        String content = request.has("content") ? request.get("content").asText() : template.content();
        String subject = request.has("subject") ? request.get("subject").asText() : template.subject();
        boolean archived = request.has("archived") ? request.get("archived").asBoolean() : template.archived();
        String processType = request.has("process_type") ? request.get("process_type").asText() : template.processType();
        String postage = request.has("postage") ? request.get("postage").asText() : template.postage();
        boolean unchanged = Objects.equals(name, template.name()) && Objects.equals(content, template.content())
                && Objects.equals(subject, template.subject()) && archived == template.archived()
                && Objects.equals(processType, template.processType()) && Objects.equals(postage, template.postage());
        if (unchanged) {
            return HttpResult.ok(Map.of("data", templateJson(template, new ReplyToTexts(serviceId))));
        }
        checkSmsLength(template.templateType(), content);
        UUID createdBy = request.has("created_by") ? lookups.existingUser("created_by", request.get("created_by").asText()) : template.createdById();
        Template updated = store.update(serviceId, templateId, new TemplateStore.Change(name, content, subject, archived, processType, postage, createdBy))
                .orElseThrow(AdminError::noResultFound);
        events.publishEvent(ServiceDataChanged.template(serviceId, templateId));
        return HttpResult.ok(Map.of("data", templateJson(updated, new ReplyToTexts(serviceId))));
    }

    public HttpResult list(@Header("serviceId") String serviceIdText, @Header("detailed") String detailed) {
        UUID serviceId = lookups.existingService(serviceIdText);
        List<Template> templates = store.list(serviceId);
        if (detailed != null && detailed.equalsIgnoreCase("false")) {
            return HttpResult.ok(Map.of("data", templates.stream().map(TemplatesAdmin::slimJson).toList()));
        }
        ReplyToTexts texts = new ReplyToTexts(serviceId);
        return HttpResult.ok(Map.of("data", templates.stream().map(t -> templateJson(t, texts)).toList()));
    }

    public HttpResult get(@Header("serviceId") String serviceIdText, @Header("templateId") String templateIdText) {
        UUID serviceId = lookups.existingService(serviceIdText);
        Template template = store.find(serviceId, AdminIds.path(templateIdText)).orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(Map.of("data", templateJson(template, new ReplyToTexts(serviceId))));
    }

    public HttpResult version(@Header("serviceId") String serviceIdText, @Header("templateId") String templateIdText,
                              @Header("version") String versionText) {
        UUID serviceId = lookups.existingService(serviceIdText);
        UUID templateId = AdminIds.path(templateIdText);
        if (versionText == null || !versionText.matches("[0-9]{1,9}")) {
            throw AdminError.notFound(AdminIds.NOT_FOUND);
        }
        int version = Integer.parseInt(versionText);
        Template row = store.version(serviceId, templateId, version).orElseThrow(AdminError::noResultFound);
        return HttpResult.ok(Map.of("data", historyJson(row, new ReplyToTexts(serviceId))));
    }

    public HttpResult versions(@Header("serviceId") String serviceIdText, @Header("templateId") String templateIdText) {
        UUID serviceId = lookups.existingService(serviceIdText);
        UUID templateId = AdminIds.path(templateIdText);
        List<Template> rows = store.versions(serviceId, templateId);
        if (rows.isEmpty()) {
            throw AdminError.noResultFound();
        }
        ReplyToTexts texts = new ReplyToTexts(serviceId);
        return HttpResult.ok(Map.of("data", rows.stream().map(r -> historyJson(r, texts)).toList()));
    }

    private HttpResult redact(UUID serviceId, Template template, ObjectNode request) {
        if (!request.hasNonNull("created_by")) {
            throw AdminError.badRequest(Map.of("created_by", List.of("Field is required")));
        }
        JsonSchemaChecks.object().property("created_by", JsonSchemaChecks.uuid()).validate(request);
        UUID userId = lookups.existingUser("created_by", request.get("created_by").asText());
        store.redact(template.id(), userId);
        events.publishEvent(ServiceDataChanged.template(serviceId, template.id()));
        return HttpResult.ok(NullNode.getInstance());
    }

    private HttpResult setReplyTo(UUID serviceId, Template template, JsonNode replyTo) {
        UUID letterContactId = replyTo.isNull() ? null : Uuids.parse(replyTo.asText()).orElseThrow();
        if (letterContactId != null) {
            if (!"letter".equals(template.templateType())) {
                throw ApiError.badRequest("reply_to can only be set on letter templates");
            }
            if (senders.find(SenderKind.LETTER_CONTACT, serviceId, letterContactId).isEmpty()) {
                throw ApiError.badRequest("letter_contact_id " + letterContactId + " does not exist in database for service id " + serviceId);
            }
        }
        Template updated = store.setLetterContact(serviceId, template.id(), letterContactId).orElseThrow(AdminError::noResultFound);
        events.publishEvent(ServiceDataChanged.template(serviceId, template.id()));
        return HttpResult.ok(Map.of("data", templateJson(updated, new ReplyToTexts(serviceId))));
    }

    private static void checkSmsLength(String type, String content) {
        if (!"sms".equals(type)) {
            return;
        }
        String body = SmsRenderer.renderUnsanitised(content, Personalisation.empty());
        if (body.codePointCount(0, body.length()) > TemplateChecks.SMS_CHAR_COUNT_LIMIT) {
            throw AdminError.badRequest(Map.of("content",
                    List.of("Content has a character count greater than the limit of " + TemplateChecks.SMS_CHAR_COUNT_LIMIT)));
        }
    }

    static String typeText(String type) {
        return switch (type) {
            case "sms" -> "text message";
            case "broadcast" -> "broadcast message";
            default -> type;
        };
    }

    private static String textOrNull(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The template JSON of the internal API: exactly the spec's keys, in its (alphabetical) order. */
    private Map<String, Object> templateJson(Template t, ReplyToTexts texts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("archived", t.archived());
        out.put("broadcast_data", broadcastData(t));
        out.put("content", t.content());
        out.put("created_at", Timestamps.iso(t.createdAt()));
        out.put("created_by", t.createdById().toString());
        out.put("folder", t.folderId() == null ? null : t.folderId().toString());
        out.put("hidden", t.hidden());
        out.put("id", t.id().toString());
        out.put("name", t.name());
        out.put("postage", t.postage());
        out.put("process_type", t.processType());
        out.put("redact_personalisation", t.redactPersonalisation());
        out.put("reply_to", replyTo(t));
        out.put("reply_to_text", texts.of(t));
        out.put("service", t.serviceId().toString());
        out.put("service_letter_contact", t.letterContactId() == null ? null : t.letterContactId().toString());
        out.put("subject", t.subject());
        out.put("template_redacted", t.id().toString());
        out.put("template_type", t.templateType());
        out.put("updated_at", Timestamps.iso(t.updatedAt()));
        out.put("version", t.version());
        return out;
    }

    /** A templates_history row: the template's columns plus reply_to/reply_to_text, and created_by as a user summary. */
    private Map<String, Object> historyJson(Template t, ReplyToTexts texts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("archived", t.archived());
        out.put("broadcast_data", broadcastData(t));
        out.put("content", t.content());
        out.put("created_at", t.createdAt() == null ? null : Timestamps.NO_TIMEZONE.format(t.createdAt()));
        out.put("created_by", lookups.userSummary(t.createdById()).orElse(null));
        out.put("hidden", t.hidden());
        out.put("id", t.id().toString());
        out.put("name", t.name());
        out.put("postage", t.postage());
        out.put("process_type", t.processType());
        out.put("reply_to", replyTo(t));
        out.put("reply_to_text", texts.of(t));
        out.put("service", t.serviceId().toString());
        out.put("service_letter_contact", t.letterContactId() == null ? null : t.letterContactId().toString());
        out.put("subject", t.subject());
        out.put("template_type", t.templateType());
        out.put("updated_at", Timestamps.iso(t.updatedAt()));
        out.put("version", t.version());
        return out;
    }

    private static Map<String, Object> slimJson(Template t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id().toString());
        out.put("name", t.name());
        out.put("template_type", t.templateType());
        out.put("folder", t.folderId() == null ? null : t.folderId().toString());
        out.put("content", "broadcast".equals(t.templateType()) ? t.content() : null);
        return out;
    }

    private static String replyTo(Template t) {
        return "letter".equals(t.templateType()) && t.letterContactId() != null ? t.letterContactId().toString() : null;
    }

    private JsonNode broadcastData(Template t) {
        if (t.broadcastDataJson() == null) {
            return null;
        }
        try {
            return json.mapper().readTree(t.broadcastDataJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("templates.broadcast_data is not JSON", e);
        }
    }

    /**
     * reply_to_text for one request: letters show their contact block; emails the service's default
     * reply-to address; text messages the service's default sender. The defaults are read once.
     */
    private final class ReplyToTexts {
        private final UUID serviceId;
        private Optional<String> replyTo;
        private Optional<String> smsSender;

        ReplyToTexts(UUID serviceId) {
            this.serviceId = serviceId;
        }

        String of(Template t) {
            return switch (t.templateType()) {
                case "letter" -> t.letterContactId() == null ? null : senders.contactBlock(t.letterContactId()).orElse(null);
                case "email" -> (replyTo = once(replyTo, () -> senders.defaultReplyTo(serviceId))).orElse(null);
                case "sms" -> (smsSender = once(smsSender, () -> senders.defaultSmsSender(serviceId))).orElse(null);
                default -> null;
            };
        }

        private static Optional<String> once(Optional<String> known, Supplier<Optional<String>> read) {
            return known != null ? known : read.get();
        }
    }
}
