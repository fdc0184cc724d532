package org.notifyoncamel.openapi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The JSON bodies of the public API (v2) as camel-openapi-java reads them: each record is one schema of the OpenAPI
 * document (named by its {@code @Schema(name)}), referenced from the REST DSL of {@code routes/api-*.camel.yaml} by
 * {@code type} (request body) and {@code responseMessage.responseModel} (response body). They describe what the
 * handlers of package {@code api} write; they are not used to read or write requests. Responses are closed
 * ({@code additionalProperties: false}) so that a field added to a response without documenting it here fails the
 * contract test (ADR 0160). Contracts: notifications-api app/v2/notifications/notification_schemas.py,
 * app/v2/template/template_schemas.py, app/v2/inbound_sms/inbound_sms_schemas.py.
 */
public final class V2Schemas {

    private static final String UUID_EXAMPLE = "740e5834-3a29-46b4-9a6f-16142fde533a";
    private static final String TEMPLATE_ID_EXAMPLE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private static final String TIMESTAMP_EXAMPLE = "2021-02-05T12:49:51.123456Z";
    private static final String ROOT = "https://api.notifications.service.gov.uk";
    /** Request ids are read as Python's uuid.UUID reads them (docs/compatibility.md): no format is asserted. */
    private static final String ANY_UUID = "a UUID: hyphens, braces and a urn:uuid: prefix are optional";

    private V2Schemas() {
    }

    // ---- the error body --------------------------------------------------------------------------------------

    @Schema(name = "Error", description = "The v2 error body: status_code equals the HTTP status; only JSON-schema "
            + "validation gives more than one entry", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record ErrorResponse(
            @JsonProperty("status_code") @Schema(requiredMode = RequiredMode.REQUIRED, example = "400") int statusCode,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<ErrorEntry> errors) {
    }

    @Schema(name = "ErrorEntry", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record ErrorEntry(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the error class", example = "BadRequestError")
            String error,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Template not found") String message) {
    }

    // ---- POST /v2/notifications/{sms,email,letter} -----------------------------------------------------------

    @Schema(name = "SmsNotificationRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record SmsNotificationRequest(
            @JsonProperty("phone_number") @Schema(requiredMode = RequiredMode.REQUIRED, example = "07700900123") String phoneNumber,
            @JsonProperty("template_id") @Schema(requiredMode = RequiredMode.REQUIRED, description = ANY_UUID,
                    example = TEMPLATE_ID_EXAMPLE) String templateId,
            @Schema(description = "values for the template's placeholders", example = "{\"name\": \"Jo\"}")
            Map<String, Object> personalisation,
            @Schema(description = "your reference, echoed back", example = "my-reference") String reference,
            @JsonProperty("scheduled_for") @Schema(types = {"string", "null"},
                    description = "send at this time (ISO 8601, UTC; not in the past, at most 24 hours ahead; beyond Notify 2021, ADR 0151)")
            String scheduledFor,
            @JsonProperty("sms_sender_id") @Schema(description = "one of the service's text message senders; " + ANY_UUID)
            String smsSenderId) {
    }

    @Schema(name = "EmailNotificationRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record EmailNotificationRequest(
            @JsonProperty("email_address") @Schema(requiredMode = RequiredMode.REQUIRED, example = "jo@example.gov.uk")
            String emailAddress,
            @JsonProperty("template_id") @Schema(requiredMode = RequiredMode.REQUIRED, description = ANY_UUID,
                    example = TEMPLATE_ID_EXAMPLE) String templateId,
            @Schema(description = "values for the template's placeholders (a file to send is an object with a base64 `file`)",
                    example = "{\"name\": \"Jo\"}")
            Map<String, Object> personalisation,
            @Schema(example = "my-reference") String reference,
            @JsonProperty("scheduled_for") @Schema(types = {"string", "null"},
                    description = "send at this time (ISO 8601, UTC; not in the past, at most 24 hours ahead; beyond Notify 2021, ADR 0151)")
            String scheduledFor,
            @JsonProperty("email_reply_to_id") @Schema(description = "one of the service's reply-to addresses; " + ANY_UUID)
            String emailReplyToId,
            @JsonProperty("one_click_unsubscribe_url") @Schema(types = {"string", "null"}, format = "uri",
                    description = "an https URL: sent as the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058)",
                    example = "https://example.gov.uk/unsubscribe?token=a1b2")
            String oneClickUnsubscribeUrl) {
    }

    @Schema(name = "LetterNotificationRequest", description = "a templated letter, or a precompiled PDF when `content` is present",
            types = "object", oneOf = {TemplatedLetterRequest.class, PrecompiledLetterRequest.class})
    public interface LetterNotificationRequest {
    }

    @Schema(name = "TemplatedLetterRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record TemplatedLetterRequest(
            @JsonProperty("template_id") @Schema(requiredMode = RequiredMode.REQUIRED, description = ANY_UUID,
                    example = TEMPLATE_ID_EXAMPLE) String templateId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the address (address_line_1 ... postcode) and placeholders",
                    example = "{\"address_line_1\": \"Jo Bloggs\", \"address_line_2\": \"1 High Street\", \"postcode\": \"SW1 1AA\"}")
            Map<String, Object> personalisation,
            @Schema(example = "my-reference") String reference) {
    }

    @Schema(name = "PrecompiledLetterRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record PrecompiledLetterRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "my-letter") String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the PDF, base64-encoded") String content,
            @Schema(allowableValues = {"first", "second", "economy", "europe", "rest-of-world"}) String postage) {
    }

    @Schema(name = "SmsNotificationResponse", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record SmsNotificationResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED) SmsContent content,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = ROOT + "/v2/notifications/" + UUID_EXAMPLE) String uri,
            @Schema(requiredMode = RequiredMode.REQUIRED) SentTemplate template,
            @JsonProperty("scheduled_for") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String scheduledFor) {
    }

    @Schema(name = "SmsContent", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record SmsContent(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Hello Jo, your code is 123") String body,
            @JsonProperty("from_number") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, example = "GOVUK")
            String fromNumber) {
    }

    @Schema(name = "EmailNotificationResponse", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record EmailNotificationResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED) EmailContent content,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = ROOT + "/v2/notifications/" + UUID_EXAMPLE) String uri,
            @Schema(requiredMode = RequiredMode.REQUIRED) SentTemplate template,
            @JsonProperty("scheduled_for") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String scheduledFor,
            @JsonProperty("one_click_unsubscribe_url") @Schema(description = "present when the request carried one")
            String oneClickUnsubscribeUrl) {
    }

    @Schema(name = "EmailContent", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record EmailContent(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Dear Jo\n\nYour appointment is on Monday") String body,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Appointment for Jo") String subject,
            @JsonProperty("from_email") @Schema(requiredMode = RequiredMode.REQUIRED,
                    example = "my.service@notifications.service.gov.uk") String fromEmail) {
    }

    @Schema(name = "LetterNotificationResponse", types = "object", oneOf = {TemplatedLetterResponse.class, PrecompiledLetterResponse.class})
    public interface LetterNotificationResponse {
    }

    @Schema(name = "TemplatedLetterResponse", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record TemplatedLetterResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED) LetterContent content,
            @Schema(requiredMode = RequiredMode.REQUIRED) String uri,
            @Schema(requiredMode = RequiredMode.REQUIRED) SentTemplate template,
            @JsonProperty("scheduled_for") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String scheduledFor) {
    }

    @Schema(name = "LetterContent", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record LetterContent(
            @Schema(requiredMode = RequiredMode.REQUIRED) String body,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Your licence") String subject) {
    }

    @Schema(name = "PrecompiledLetterResponse", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record PrecompiledLetterResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "my-letter") String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"first", "second", "economy", "europe", "rest-of-world"})
            String postage) {
    }

    @Schema(name = "SentTemplate", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record SentTemplate(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = TEMPLATE_ID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "3") int version,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "POST: /services/{service_id}/templates/{id}; "
                    + "GET: /v2/template/{id}/version/{version}") String uri) {
    }

    // ---- POST /v2/notifications/bulk (GC Notify's; beyond Notify 2021) -------------------------------------------

    @Schema(name = "BulkRequest", description = "A job from rows or CSV text (one of them), as GC Notify's post_bulk (ADR 0141)",
            additionalProperties = AdditionalPropertiesValue.FALSE)
    public record BulkRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the job's name", example = "December reminders") String name,
            @JsonProperty("template_id") @Schema(requiredMode = RequiredMode.REQUIRED, description = ANY_UUID,
                    example = TEMPLATE_ID_EXAMPLE) String templateId,
            @Schema(description = "a header row (the recipient column and the template's placeholders), then one row per "
                    + "recipient; at most 50,000 rows", example = "[[\"phone number\", \"name\"], [\"07700900123\", \"Jo\"]]")
            List<List<Object>> rows,
            @Schema(description = "the same as CSV text", example = "phone number,name\n07700900123,Jo\n") String csv,
            @JsonProperty("scheduled_for") @Schema(types = {"string", "null"},
                    description = "when to start sending (ISO 8601, UTC; not in the past; at most 96 hours ahead)") String scheduledFor,
            @JsonProperty("reply_to_id") @Schema(types = {"string", "null"}, description = "a text message sender or email "
                    + "reply-to address of the service") String replyToId,
            @Schema(description = "accepted and ignored, as GC Notify does") String reference) {
    }

    @Schema(name = "BulkResponse", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record BulkResponse(@Schema(requiredMode = RequiredMode.REQUIRED) BulkJob data) {
    }

    @Schema(name = "BulkJob", description = "The job created", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record BulkJob(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
            @JsonProperty("original_file_name") @Schema(requiredMode = RequiredMode.REQUIRED) String originalFileName,
            @JsonProperty("notification_count") @Schema(requiredMode = RequiredMode.REQUIRED) int notificationCount,
            @JsonProperty("job_status") @Schema(requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"pending", "scheduled", "in progress", "finished", "cancelled", "sending limits exceeded",
                        "ready to send", "sent to dvla", "error"}) String jobStatus,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String template,
            @JsonProperty("template_version") @Schema(requiredMode = RequiredMode.REQUIRED) int templateVersion,
            @JsonProperty("template_name") @Schema(types = {"string", "null"}) String templateName,
            @JsonProperty("template_type") @Schema(types = {"string", "null"}) String templateType,
            @Schema(requiredMode = RequiredMode.REQUIRED) String service,
            @JsonProperty("service_name") Map<String, Object> serviceName,
            @JsonProperty("created_by") @Schema(types = {"object", "null"}) Map<String, Object> createdBy,
            @JsonProperty("created_at") @Schema(types = {"string", "null"}) String createdAt,
            @JsonProperty("updated_at") @Schema(types = {"string", "null"}) String updatedAt,
            @JsonProperty("processing_started") @Schema(types = {"string", "null"}) String processingStarted,
            @JsonProperty("processing_finished") @Schema(types = {"string", "null"}) String processingFinished,
            @JsonProperty("scheduled_for") @Schema(types = {"string", "null"}) String scheduledFor,
            boolean archived,
            @JsonProperty("api_key") @Schema(types = {"object", "null"}) Map<String, Object> apiKey,
            @JsonProperty("sender_id") @Schema(types = {"string", "null"}) String senderId) {
    }

    // ---- GET /v2/notifications[/{id}] ---------------------------------------------------------------------------

    @Schema(name = "Notification", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Notification(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String reference,
            @JsonProperty("email_address") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String emailAddress,
            @JsonProperty("phone_number") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String phoneNumber,
            @JsonProperty("line_1") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line1,
            @JsonProperty("line_2") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line2,
            @JsonProperty("line_3") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line3,
            @JsonProperty("line_4") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line4,
            @JsonProperty("line_5") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line5,
            @JsonProperty("line_6") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String line6,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String postcode,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"sms", "email", "letter"}) String type,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "delivered") String status,
            @Schema(requiredMode = RequiredMode.REQUIRED) SentTemplate template,
            @Schema(requiredMode = RequiredMode.REQUIRED) String body,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String subject,
            @JsonProperty("created_at") @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = TIMESTAMP_EXAMPLE)
            String createdAt,
            @JsonProperty("created_by_name") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String createdByName,
            @JsonProperty("sent_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, format = "date-time")
            String sentAt,
            @JsonProperty("completed_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, format = "date-time")
            String completedAt,
            @JsonProperty("scheduled_for") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String scheduledFor,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String postage,
            @JsonProperty("estimated_delivery") @Schema(description = "letters only", format = "date-time") String estimatedDelivery,
            @JsonProperty("one_click_unsubscribe_url") @Schema(types = {"string", "null"}, description = "emails only")
            String oneClickUnsubscribeUrl) {
    }

    @Schema(name = "NotificationList", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record NotificationList(
            @Schema(requiredMode = RequiredMode.REQUIRED) List<Notification> notifications,
            @Schema(requiredMode = RequiredMode.REQUIRED) Links links) {
    }

    @Schema(name = "Links", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Links(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = ROOT + "/v2/notifications") String current,
            @Schema(description = "present when the page is not empty: the next page, older than its last item") String next) {
    }

    // ---- templates ----------------------------------------------------------------------------------------------

    @Schema(name = "Template", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Template(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = TEMPLATE_ID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Appointment reminder") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"sms", "email", "letter", "broadcast"}) String type,
            @JsonProperty("created_at") @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = TIMESTAMP_EXAMPLE)
            String createdAt,
            @JsonProperty("updated_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, format = "date-time")
            String updatedAt,
            @JsonProperty("created_by") @Schema(requiredMode = RequiredMode.REQUIRED, example = "someone@example.gov.uk") String createdBy,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "1") int version,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Hello ((name))") String body,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String subject,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "one key per placeholder: {\"required\": true}",
                    example = "{\"name\": {\"required\": true}}")
            Map<String, Object> personalisation,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String postage,
            @JsonProperty("letter_contact_block") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"})
            String letterContactBlock) {
    }

    @Schema(name = "TemplateList", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record TemplateList(@Schema(requiredMode = RequiredMode.REQUIRED) List<Template> templates) {
    }

    @Schema(name = "TemplatePreviewRequest", description = "other keys are allowed and ignored")
    public record TemplatePreviewRequest(
            @Schema(example = "{\"name\": \"Jo\"}") Map<String, Object> personalisation) {
    }

    @Schema(name = "TemplatePreview", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record TemplatePreview(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = TEMPLATE_ID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"sms", "email", "letter", "broadcast"}) String type,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2") int version,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Dear Jo") String body,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String subject,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, description = "emails only") String html,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String postage) {
    }

    // ---- received text messages ---------------------------------------------------------------------------------

    @Schema(name = "ReceivedTextMessage", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record ReceivedTextMessage(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @JsonProperty("created_at") @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = TIMESTAMP_EXAMPLE)
            String createdAt,
            @JsonProperty("service_id") @Schema(requiredMode = RequiredMode.REQUIRED) UUID serviceId,
            @JsonProperty("notify_number") @Schema(requiredMode = RequiredMode.REQUIRED, example = "07900900123") String notifyNumber,
            @JsonProperty("user_number") @Schema(requiredMode = RequiredMode.REQUIRED, example = "447700900111") String userNumber,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Hello") String content) {
    }

    @Schema(name = "ReceivedTextMessageList", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record ReceivedTextMessageList(
            @JsonProperty("received_text_messages") @Schema(requiredMode = RequiredMode.REQUIRED) List<ReceivedTextMessage> receivedTextMessages,
            @Schema(requiredMode = RequiredMode.REQUIRED) Links links) {
    }

    // ---- broadcasts ---------------------------------------------------------------------------------------------

    @Schema(name = "BroadcastMessage", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record BroadcastMessage(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = UUID_EXAMPLE) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, example = "50385fcb0ab7aa447bbd46d848ce8466E")
            String reference,
            @JsonProperty("service_id") @Schema(requiredMode = RequiredMode.REQUIRED) UUID serviceId,
            @JsonProperty("template_id") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String templateId,
            @JsonProperty("template_version") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"integer", "null"}) Integer templateVersion,
            @JsonProperty("template_name") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String templateName,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"object", "null"}) Map<String, Object> personalisation,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "A severe flood warning is in force") String content,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "[\"River Steeping in Wainfleet All Saints\"]") List<String> areas,
            @JsonProperty("simple_polygons") @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "polygons of [lat, lon] pairs, as the CAP document gave them") List<List<List<Double>>> simplePolygons,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "pending-approval") String status,
            @JsonProperty("starts_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String startsAt,
            @JsonProperty("finishes_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String finishesAt,
            @JsonProperty("created_at") @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt,
            @JsonProperty("approved_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String approvedAt,
            @JsonProperty("cancelled_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String cancelledAt,
            @JsonProperty("updated_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String updatedAt,
            @JsonProperty("created_by_id") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String createdById,
            @JsonProperty("approved_by_id") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String approvedById,
            @JsonProperty("cancelled_by_id") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String cancelledById) {
    }
}
