package org.notifyoncamel.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataCache;
import org.notifyoncamel.cache.TemplateData;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.jobs.CsvCheck;
import org.notifyoncamel.jobs.Job;
import org.notifyoncamel.jobs.JobColumns;
import org.notifyoncamel.jobs.JobCsv;
import org.notifyoncamel.jobs.JobFiles;
import org.notifyoncamel.jobs.JobJson;
import org.notifyoncamel.jobs.JobProcessing;
import org.notifyoncamel.jobs.JobStore;
import org.notifyoncamel.limits.DailyLimit;
import org.notifyoncamel.limits.RateLimiter;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.recipients.SimulatedRecipients;
import org.notifyoncamel.templates.Placeholders;
import org.notifyoncamel.templates.PythonValues;
import org.notifyoncamel.templates.TemplateChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v2/notifications/bulk} with GC Notify's contract (GC {@code app/v2/notifications/post_notifications.py}
 * {@code post_bulk}; docs/adr/0141): JSON {@code rows} or {@code csv} text checked whole, every refusal in GC's
 * order and words, then the CSV put in the object store and a job created (scheduled, or pending with its
 * process-job task queued) before the 201. A refused request creates nothing.
 */
@Component("bulkNotifications")
public class BulkNotifications {

    /** Exchange property: the accepted request ({@link Accepted}). */
    static final String ACCEPTED = "notifyBulkRequest";
    /** The platform user bulk jobs are created by (GC Notify's NOTIFY_USER_ID). */
    static final UUID NOTIFY_USER_ID = UUID.fromString("6af522d0-2915-4e52-83a3-3690455a5fe6");

    private static final Set<String> FIELDS = Set.of("template_id", "name", "rows", "csv", "scheduled_for", "reply_to_id", "reference");
    private static final CSVFormat WRITER = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    /** A request that passed every check: what the route uploads and the job to create. */
    public record Accepted(UUID jobId, String key, String csv, Map<String, String> metadata, Job job) {
    }

    private final ServiceDataCache cache;
    private final RateLimiter rateLimiter;
    private final DailyLimit dailyLimit;
    private final PhoneNumbers phoneNumbers;
    private final JobStore jobs;
    private final Clock clock;
    private final int maxRows;
    private final long maxScheduleHours;

    public BulkNotifications(ServiceDataCache cache, RateLimiter rateLimiter, DailyLimit dailyLimit, PhoneNumbers phoneNumbers,
                             JobStore jobs, @Value("${notify.jobs.bulk-max-rows}") int maxRows,
                             @Value("${notify.jobs.max-schedule-hours-ahead}") long maxScheduleHours) {
        this.cache = cache;
        this.rateLimiter = rateLimiter;
        this.dailyLimit = dailyLimit;
        this.phoneNumbers = phoneNumbers;
        this.jobs = jobs;
        this.clock = Clock.systemUTC();
        this.maxRows = maxRows;
        this.maxScheduleHours = maxScheduleHours;
    }

    /** Every check of GC's post_bulk, in its order; leaves the upload and the job in {@link #ACCEPTED}. */
    public void accept(Exchange exchange) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        JsonNode parsed = V2Requests.parse(exchange.getMessage().getBody(byte[].class), false);
        ServiceData service = caller.service();
        if (!service.active()) {
            throw new ApiError(403, "BadRequestError", "Service is suspended");
        }
        ObjectNode body = V2Requests.object(parsed);
        SchemaErrors errors = new SchemaErrors();
        UUID templateId = V2Requests.uuid(body, "template_id", errors);
        String name = V2Requests.string(body, "name", errors);
        JsonNode rows = body.get("rows");
        if (rows != null && !rows.isArray()) {
            errors.type("rows", rows, "array");
        } else if (rows != null && rows.size() < 2) {
            errors.tooShort("rows", rows);
        } else if (rows != null && rows.size() > maxRows + 1) {
            errors.tooLong("rows", rows);
        }
        JsonNode csvNode = body.get("csv");
        if (csvNode != null && !csvNode.isTextual()) {
            errors.type("csv", csvNode, "string");
        }
        LocalDateTime scheduledFor = scheduledFor(body.get("scheduled_for"), errors);
        UUID replyToId = null;
        JsonNode replyTo = body.get("reply_to_id");
        if (replyTo != null && !replyTo.isNull()) {
            replyToId = V2Requests.uuid(body, "reply_to_id", errors);
        }
        V2Requests.string(body, "reference", errors);
        for (String required : List.of("name", "template_id")) {
            if (!body.has(required)) {
                errors.required(required);
            }
        }
        errors.additionalProperties(V2Requests.unexpected(body, FIELDS));
        errors.throwIfAny();

        boolean hasRows = rows != null && !rows.isEmpty();
        boolean hasCsv = csvNode != null && !csvNode.asText().isEmpty();
        if (hasRows == hasCsv) {
            throw ApiError.badRequest("You should specify either rows or csv");
        }
        TemplateData template = cache.template(service.id(), templateId).filter(t -> !t.hidden())
                .orElseThrow(() -> ApiError.badRequest("Template not found"));
        if (template.archived()) {
            throw ApiError.badRequest("Template " + templateId + " has been deleted");
        }
        String type = template.templateType();
        String permission = switch (type) {
            case "sms" -> "sms";
            case "email" -> "email";
            default -> "letter";
        };
        if (!service.hasPermission(permission)) {
            throw ApiError.badRequest("Service is not allowed to send " + switch (type) {
                case "sms" -> "text messages";
                case "email" -> "emails";
                default -> "letters";
            });
        }
        if ("letter".equals(type)) {
            throw ApiError.badRequest("Bulk sending of letters is not supported");
        }
        String keyType = caller.keyType();
        rateLimiter.check(service.id(), keyType, service.rateLimit());
        long remaining = dailyLimit.remaining(service.id(), keyType, service.messageLimit());
        UUID senderId = sender(service, type, replyToId);

        String csv = hasRows ? toCsv(rows) : csvNode.asText();
        CsvCheck.Result result = check(csv, template, service, keyType);
        if (!result.missingHeaders().isEmpty()) {
            throw ApiError.badRequest("Missing column headers: " + String.join(", ", result.missingHeaders()));
        }
        if (!result.duplicateRecipientHeaders().isEmpty()) {
            throw ApiError.badRequest("Duplicate column headers: " + String.join(", ", result.duplicateRecipientHeaders()));
        }
        if (result.rows() > remaining) {
            throw ApiError.badRequest("You only have " + remaining + " remaining messages before you reach your daily limit. "
                    + "You've tried to send " + result.rows() + " messages.");
        }
        if (result.rows() > maxRows) {
            throw ApiError.badRequest("Too many rows. Maximum number of rows allowed is " + maxRows);
        }
        if (result.recipientNotAllowed()) {
            throw ApiError.badRequest(service.restricted()
                    ? "You cannot send to these recipients because your service is in trial mode. You can only send to members of "
                    + "your team and your safelist."
                    : "You cannot send to these recipients because you used a team and safelist API key.");
        }
        if (result.firstTooLongRow() != null) {
            throw ApiError.badRequest("Row " + (result.firstTooLongRow() + 1) + " - has a character count greater than "
                    + TemplateChecks.SMS_CHAR_COUNT_LIMIT + " characters. Some messages may be too long due to custom content.");
        }
        if (!result.rowErrors().isEmpty()) {
            throw ApiError.badRequest("Some rows have errors. " + result.rowErrors().stream().map(BulkNotifications::rowError)
                    .collect(Collectors.joining(". ")) + ".");
        }
        if (result.rows() == 0) {
            throw ApiError.badRequest("Some rows have errors. The file has no rows.");
        }
        if ("sms".equals(type) && !"test".equals(keyType) && result.simulatedRecipients() && result.realRecipients()) {
            throw ApiError.badRequest("Bulk sending to testing and non-testing numbers is not supported");
        }

        UUID jobId = UUID.randomUUID();
        java.time.Instant when = scheduledFor == null ? null : scheduledFor.toInstant(ZoneOffset.UTC);
        Job job = Job.create(jobId, name, service.id(), template.id(), template.version(), Timestamps.now(), result.rows(),
                NOTIFY_USER_ID, when, null, caller.key().id(), senderId);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("template_id", template.id().toString());
        metadata.put("notification_count", Integer.toString(result.rows()));
        metadata.put("valid", "True");
        metadata.put("original_file_name", asciiFileName(name));
        if (senderId != null) {
            metadata.put("sender_id", senderId.toString());
        }
        exchange.setProperty(ACCEPTED, new Accepted(jobId, JobFiles.key(service.id(), jobId), csv, metadata, job));
    }

    /** The file is stored: the job is created; returns its process-job task (null when scheduled). */
    public String create(Exchange exchange) {
        Accepted accepted = exchange.getProperty(ACCEPTED, Accepted.class);
        jobs.insert(accepted.job());
        Job job = jobs.find(accepted.jobId()).orElseThrow();
        exchange.setProperty(JobProcessing.NEW_JOB, job);
        return Job.PENDING.equals(job.status()) ? JobProcessing.processJobTask(job.id()) : null;
    }

    public HttpResult respond(Exchange exchange) {
        Job job = exchange.getProperty(JobProcessing.NEW_JOB, Job.class);
        return HttpResult.created(Map.of("data", JobJson.bulk(job)));
    }

    private CsvCheck.Result check(String csv, TemplateData template, ServiceData service, String keyType) {
        String type = template.templateType();
        boolean international = service.hasPermission("international_sms");
        Predicate<String> allowed = null;
        if ("team".equals(keyType) || ("normal".equals(keyType) && service.restricted())) {
            allowed = "sms".equals(type) ? service.allowedRecipients()::allowsPhone : service.allowedRecipients()::allowsEmail;
        }
        Predicate<String> simulated = "sms".equals(type) ? BulkNotifications::simulatedNumber : SimulatedRecipients::isSimulatedEmail;
        CsvCheck check = new CsvCheck(phoneNumbers, international, allowed, "sms".equals(type) ? template.content() : null)
                .withSimulated(simulated);
        try (JobCsv file = JobCsv.of(csv)) {
            JobColumns columns = JobColumns.of(file.headers(), type, Placeholders.names(template.subject(), template.content()));
            return check.check(file, columns, maxRows);
        } catch (JobCsv.CsvUnreadable e) {
            throw ApiError.badRequest("Error converting to CSV: " + e.getMessage());
        }
    }

    private static boolean simulatedNumber(String raw) {
        try {
            return SimulatedRecipients.isSimulatedNumber(PhoneNumbers.validateUk(raw));
        } catch (InvalidRecipientException e) {
            return false;
        }
    }

    private static String rowError(CsvCheck.RowError row) {
        return "Row " + row.index() + " - " + row.cells().stream()
                .map(c -> "`" + c.header() + "`: " + (c.recipientError() ? "invalid recipient" : c.error()))
                .collect(Collectors.joining(","));
    }

    /** The SMS sender or email reply-to the job uses: the one named (it must be the service's), else the SMS default. */
    private static UUID sender(ServiceData service, String type, UUID replyToId) {
        if ("sms".equals(type)) {
            if (replyToId == null) {
                return service.smsSenders().stream().filter(s -> s.isDefault() && !s.archived()).map(ServiceData.SmsSender::id)
                        .findFirst().orElse(null);
            }
            return service.smsSender(replyToId).map(ServiceData.SmsSender::id).orElseThrow(() -> ApiError.badRequest(
                    "sms_sender_id " + replyToId + " does not exist in database for service id " + service.id()));
        }
        if (replyToId == null) {
            return null;
        }
        return service.replyTo(replyToId).map(ServiceData.ReplyTo::id).orElseThrow(() -> ApiError.badRequest(
                "email_reply_to_id " + replyToId + " does not exist in database for service id " + service.id()));
    }

    /** {@code rows} written as Python's csv.writer writes them; a row that is not a list is GC's "Error converting to CSV". */
    static String toCsv(JsonNode rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITER)) {
            for (JsonNode row : rows) {
                List<String> cells = new ArrayList<>();
                if (row.isArray()) {
                    row.forEach(cell -> cells.add(cell.isNull() ? "" : PythonValues.str(cell)));
                } else if (row.isTextual()) {
                    row.asText().codePoints().forEach(cp -> cells.add(new String(Character.toChars(cp))));
                } else if (row.isObject()) {
                    row.fieldNames().forEachRemaining(cells::add);
                } else {
                    String pythonType = row.isNull() ? "NoneType" : row.isBoolean() ? "bool" : row.isIntegralNumber() ? "int" : "float";
                    throw ApiError.badRequest("Error converting to CSV: iterable expected, not " + pythonType);
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** GC's scheduled_for rules for jobs: ISO 8601, offset dropped, not in the past, at most 96 hours ahead. */
    private LocalDateTime scheduledFor(JsonNode value, SchemaErrors errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.type("scheduled_for", value, "string", "null");
            return null;
        }
        LocalDateTime when = ScheduledFor.parse(value.asText());
        if (when == null) {
            errors.format("scheduled_for", ScheduledFor.INVALID);
            return null;
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        if (when.isBefore(now)) {
            errors.format("scheduled_for", "datetime cannot be in the past");
        } else if (when.isAfter(now.plus(Duration.ofHours(maxScheduleHours)))) {
            errors.format("scheduled_for", "datetime can only be up to " + maxScheduleHours + " hours in the future");
        }
        return when;
    }

    /** The admin's ASCII-sanitised file name, at most 1,600 bytes. */
    private static String asciiFileName(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() > 1600 ? ascii.substring(0, 1600) : ascii;
    }
}
