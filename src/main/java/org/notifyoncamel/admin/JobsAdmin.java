package org.notifyoncamel.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataStore;
import org.notifyoncamel.cache.TemplateData;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.http.JsonRequests;
import org.notifyoncamel.jobs.Job;
import org.notifyoncamel.jobs.JobFiles;
import org.notifyoncamel.jobs.JobJson;
import org.notifyoncamel.jobs.JobProcessing;
import org.notifyoncamel.jobs.JobStore;
import org.notifyoncamel.letters.LetterTimings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /service/{serviceId}/job} (notifications-api app/job/rest.py): create a job from a CSV already in the object
 * store, read it with its statistics, list a service's jobs, a job's notifications, cancel a scheduled job or a letter
 * job. {@link #create} leaves the new job in {@link #NEW_JOB}; the route queues its process-job task.
 */
@Component("jobsAdmin")
public class JobsAdmin {

    /** Exchange property: the job just created. */
    public static final String NEW_JOB = JobProcessing.NEW_JOB;

    static final int PAGE_SIZE = 50;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PAGE_NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually "
            + "please check your spelling and try again.";
    private static final Set<String> LETTER_CANCELLABLE = Set.of("created", "cancelled", "virus-scan-failed", "validation-failed",
            "technical-failure", "pending-virus-check");

    private final JobStore jobs;
    private final JobFiles files;
    private final ServiceDataStore services;
    private final ServiceLookups lookups;
    private final JsonRequests json;
    private final SecretCipher cipher;
    private final long maxScheduleHours;

    public JobsAdmin(JobStore jobs, JobFiles files, ServiceDataStore services, ServiceLookups lookups, JsonRequests json,
                     SecretCipher cipher, @Value("${notify.jobs.max-schedule-hours-ahead}") long maxScheduleHours) {
        this.jobs = jobs;
        this.files = files;
        this.services = services;
        this.lookups = lookups;
        this.json = json;
        this.cipher = cipher;
        this.maxScheduleHours = maxScheduleHours;
    }

    /** POST: the checks of the original's create_job, in its order; the job is stored and left for the route. */
    public void create(@Header("serviceId") String serviceId, @Body byte[] body, Exchange exchange) {
        UUID sid = lookups.existingService(serviceId);
        ServiceData service = services.service(sid).orElseThrow(AdminError::noResultFound);
        if (!service.active()) {
            throw new AdminError(403, "Create job is not allowed: service is inactive ");
        }
        ObjectNode request = json.adminObject(body);
        JsonNode idNode = request.get("id");
        if (idNode == null || idNode.isNull()) {
            throw AdminError.badRequest(Map.of("id", List.of("Missing data for required field.")));
        }
        UUID jobId = Uuids.parse(idNode.asText()).orElseThrow(() -> AdminError.badRequest(Map.of("id", List.of("Not a valid UUID."))));
        Map<String, String> metadata = files.metadata(sid, jobId)
                .orElseThrow(() -> AdminError.badRequest(Map.of("id", List.of("No CSV file was uploaded for this job."))));
        UUID templateId = Uuids.parse(metadata.getOrDefault("template_id", ""))
                .orElseThrow(() -> AdminError.badRequest("File is not valid, can't create job"));
        // the original loads the template by id alone; here it must be the service's (404 otherwise)
        TemplateData template = services.template(sid, templateId).orElseThrow(AdminError::noResultFound);
        if ("letter".equals(template.templateType()) && service.restricted()) {
            throw new AdminError(403, "Create letter job is not allowed for service in trial mode ");
        }
        if (!"True".equals(metadata.get("valid"))) {
            throw AdminError.badRequest("File is not valid, can't create job");
        }
        if (template.archived()) {
            throw AdminError.badRequest(Map.of("template", List.of("Template has been deleted")));
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        UUID createdBy = null;
        JsonNode createdByNode = request.get("created_by");
        if (createdByNode == null || createdByNode.isNull()) {
            errors.put("created_by", List.of("Missing data for required field."));
        } else {
            createdBy = lookups.existingUser("created_by", createdByNode.asText());
        }
        Integer count = null;
        try {
            count = Integer.valueOf(metadata.getOrDefault("notification_count", ""));
        } catch (NumberFormatException e) {
            errors.put("notification_count", List.of("Not a valid integer."));
        }
        Instant scheduledFor = scheduledFor(request.get("scheduled_for"), errors);
        UUID contactListId = null;
        JsonNode contactList = request.get("contact_list_id");
        if (contactList != null && !contactList.isNull()) {
            contactListId = Uuids.parse(contactList.asText()).orElse(null);
            if (contactListId == null) {
                errors.put("contact_list_id", List.of("Not a valid UUID."));
            }
        }
        if (!errors.isEmpty()) {
            throw AdminError.badRequest(errors);
        }
        UUID senderId = Uuids.parse(metadata.getOrDefault("sender_id", "")).orElse(null);
        String name = metadata.getOrDefault("original_file_name", request.path("original_file_name").asText(""));
        Job job = Job.create(jobId, name, sid, templateId, template.version(), Timestamps.now(), count, createdBy, scheduledFor,
                contactListId, null, senderId);
        jobs.insert(job);
        exchange.setProperty(NEW_JOB, jobs.find(jobId).orElseThrow());
    }

    /** The process-job task of a new pending job (null for a scheduled one: run-scheduled-jobs queues it). */
    public String processJobTask(Exchange exchange) {
        Job job = exchange.getProperty(NEW_JOB, Job.class);
        return Job.PENDING.equals(job.status()) ? JobProcessing.processJobTask(job.id()) : null;
    }

    public HttpResult created(Exchange exchange) {
        Job job = exchange.getProperty(NEW_JOB, Job.class);
        return HttpResult.created(Map.of("data", JobJson.admin(job, List.of())));
    }

    public HttpResult get(@Header("serviceId") String serviceId, @Header("jobId") String jobId) {
        Job job = job(serviceId, jobId);
        return HttpResult.ok(Map.of("data", JobJson.admin(job, jobs.statistics(job.id()))));
    }

    public HttpResult list(@Header("serviceId") String serviceId, @Header("limit_days") String limitDays,
                           @Header("statuses") String statuses, @Header("page") String page,
                           @Header("contact_list_id") String contactListId) {
        UUID sid = lookups.existingService(serviceId);
        Instant since = null;
        if (limitDays != null) {
            try {
                since = LocalDate.now(LONDON).minusDays(Integer.parseInt(limitDays.trim())).atStartOfDay(LONDON).toInstant();
            } catch (NumberFormatException e) {
                throw AdminError.badRequest(Map.of("limit_days", List.of(limitDays + " is not an integer")));
            }
        }
        List<String> statusList = new ArrayList<>();
        if (statuses != null) {
            for (String s : statuses.split(",")) {
                if (!s.isBlank()) {
                    statusList.add(s.strip());
                }
            }
        }
        int pageNumber = pageNumber(page);
        UUID contactList = contactListId == null ? null : Uuids.parse(contactListId).orElseThrow(AdminError::noResultFound);
        JobStore.Page result = jobs.list(sid, since, statusList, contactList, pageNumber, PAGE_SIZE);
        if (pageNumber > 1 && result.jobs().isEmpty()) {
            throw AdminError.notFound(PAGE_NOT_FOUND);
        }
        List<Map<String, Object>> data = result.jobs().stream()
                .map(j -> JobJson.admin(j, j.processingStarted() == null ? List.of() : jobs.statistics(j.id()))).toList();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", data);
        response.put("page_size", PAGE_SIZE);
        response.put("total", result.total());
        response.put("links", links("/service/" + sid + "/job", pageNumber, PAGE_SIZE, result.total()));
        return HttpResult.ok(response);
    }

    public HttpResult notifications(@Header("serviceId") String serviceId, @Header("jobId") String jobId, Exchange exchange) {
        UUID sid = lookups.existingService(serviceId);
        UUID job = Uuids.parse(jobId).orElseThrow(AdminError::noResultFound);
        int page = positive(exchange, "page", 1);
        int pageSize = positive(exchange, "page_size", PAGE_SIZE);
        List<String> statuses = substituteStatuses(values(exchange, "status"));
        List<String> types = values(exchange, "template_type");
        boolean csv = exchange.getMessage().getHeader("format_for_csv") != null;
        JobStore.NotificationPage result = jobs.notifications(sid, job, statuses, types, page, pageSize);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("notifications", result.notifications().stream().map(n -> csv ? csvRow(n) : notification(n, job)).toList());
        response.put("page_size", pageSize);
        response.put("total", result.total());
        response.put("links", links("/service/" + sid + "/job/" + job + "/notifications", page, pageSize, result.total()));
        return HttpResult.ok(response);
    }

    public HttpResult notificationCount(@Header("serviceId") String serviceId, @Header("jobId") String jobId) {
        Job job = job(serviceId, jobId);
        return HttpResult.ok(Map.of("count", jobs.notificationCount(job.id())));
    }

    public HttpResult scheduledStats(@Header("serviceId") String serviceId) {
        return HttpResult.ok(jobs.scheduledStats(lookups.existingService(serviceId)));
    }

    /** Only a scheduled job whose time has not come can be cancelled; anything else is "No result found". */
    public HttpResult cancel(@Header("serviceId") String serviceId, @Header("jobId") String jobId) {
        UUID sid = lookups.existingService(serviceId);
        UUID id = Uuids.parse(jobId).orElseThrow(AdminError::noResultFound);
        if (!jobs.cancelScheduled(sid, id)) {
            throw AdminError.noResultFound();
        }
        return get(serviceId, jobId);
    }

    public HttpResult cancelLetterJob(@Header("serviceId") String serviceId, @Header("jobId") String jobId) {
        Job job = job(serviceId, jobId);
        if (!"letter".equals(job.templateType())) {
            return new HttpResult(400, Map.of("message", "Only letter jobs can be cancelled through this endpoint. This is not a letter job."));
        }
        if (!Job.FINISHED.equals(job.status()) || jobs.notificationCount(job.id()) != job.notificationCount()) {
            return new HttpResult(400, Map.of("message", "We are still processing these letters, please try again in a minute."));
        }
        if (!LETTER_CANCELLABLE.containsAll(jobs.notificationStatuses(job.id()))
                || !LetterTimings.canBeCancelled("created", job.createdAt(), Timestamps.now())) {
            return new HttpResult(400, Map.of("message", "It\u2019s too late to cancel sending, these letters have already been sent."));
        }
        return HttpResult.ok(jobs.cancelLetterJob(job.id()));
    }

    private Job job(String serviceId, String jobId) {
        UUID sid = lookups.existingService(serviceId);
        UUID id = Uuids.parse(jobId).orElseThrow(AdminError::noResultFound);
        return jobs.find(sid, id).orElseThrow(AdminError::noResultFound);
    }

    private Instant scheduledFor(JsonNode value, Map<String, List<String>> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant when;
        try {
            when = LocalDateTime.parse(value.asText()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException naive) {
            try {
                when = OffsetDateTime.parse(value.asText()).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("scheduled_for", List.of("Not a valid datetime."));
                return null;
            }
        }
        Instant now = Timestamps.now();
        if (when.isBefore(now)) {
            errors.put("scheduled_for", List.of("Date cannot be in the past"));
        } else if (when.isAfter(now.plus(Duration.ofHours(maxScheduleHours)))) {
            errors.put("scheduled_for", List.of("Date cannot be more than " + maxScheduleHours + "hrs in the future"));
        }
        return when;
    }

    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(page.trim());
            if (n < 1) {
                throw AdminError.notFound(PAGE_NOT_FOUND);
            }
            return n;
        } catch (NumberFormatException e) {
            throw AdminError.badRequest(Map.of("page", List.of("Not a valid integer.")));
        }
    }

    private static int positive(Exchange exchange, String name, int defaultValue) {
        List<String> values = values(exchange, name);
        if (values.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(values.get(0).trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AdminError.badRequest(Map.of(name, List.of("Not a positive integer")));
    }

    /** A query parameter's values (Camel gives a repeated parameter as a list). */
    static List<String> values(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        List<String> values = new ArrayList<>();
        if (value instanceof Iterable<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    /** The original's Notification.substitute_status, with "received" fixed (a letter status, not characters). */
    static List<String> substituteStatuses(List<String> statuses) {
        List<String> out = new ArrayList<>();
        for (String status : statuses) {
            switch (status) {
                case "failed" -> out.addAll(List.of("technical-failure", "temporary-failure", "permanent-failure",
                        "validation-failed", "virus-scan-failed", "returned-letter"));
                case "accepted" -> out.addAll(List.of("created", "sending"));
                case "received" -> out.add("delivered");
                default -> out.add(status);
            }
        }
        return out;
    }

    private static Map<String, Object> links(String path, int page, int pageSize, long total) {
        Map<String, Object> links = new LinkedHashMap<>();
        long pages = Math.max(1, (total + pageSize - 1) / pageSize);
        if (page > 1) {
            links.put("prev", path + "?page=" + (page - 1));
        }
        if (page < pages) {
            links.put("next", path + "?page=" + (page + 1));
            links.put("last", path + "?page=" + pages);
        }
        return links;
    }

    private Map<String, Object> notification(JobStore.JobNotificationRow n, UUID jobId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", n.id().toString());
        json.put("to", n.to());
        json.put("job_row_number", n.jobRowNumber());
        json.put("status", n.status());
        json.put("notification_type", n.notificationType());
        json.put("created_at", Timestamps.iso(n.createdAt()));
        json.put("sent_at", Timestamps.iso(n.sentAt()));
        json.put("updated_at", Timestamps.iso(n.updatedAt()));
        json.put("sent_by", n.sentBy());
        json.put("reference", n.reference());
        json.put("client_reference", n.clientReference());
        json.put("key_type", n.keyType());
        json.put("personalisation", personalisation(n.encryptedPersonalisation()));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", n.templateId().toString());
        template.put("version", n.templateVersion());
        template.put("name", n.templateName());
        template.put("template_type", n.templateType());
        template.put("content", n.content());
        template.put("subject", n.subject());
        json.put("template", template);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", jobId.toString());
        json.put("job", job);
        return json;
    }

    private Object personalisation(String encrypted) {
        if (encrypted == null) {
            return Map.of();
        }
        try {
            return json.mapper().readTree(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, encrypted));
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static Map<String, Object> csvRow(JobStore.JobNotificationRow n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row_number", n.jobRowNumber() == null ? "" : n.jobRowNumber() + 1);
        row.put("recipient", n.to());
        row.put("client_reference", n.clientReference());
        row.put("template_name", n.templateName());
        row.put("template_type", n.templateType());
        row.put("status", n.status());
        row.put("created_at", n.createdAt() == null ? null
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(LONDON).format(n.createdAt()));
        row.put("created_by_name", n.createdByName());
        row.put("created_by_email_address", n.createdByEmail());
        return row;
    }
}
