package org.notifyoncamel.jobs;

import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataStore;
import org.notifyoncamel.cache.TemplateData;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.letters.LetterAddresses;
import org.notifyoncamel.letters.LetterReferences;
import org.notifyoncamel.limits.DailyLimit;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.recipients.PostalAddress;
import org.notifyoncamel.templates.Placeholders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steps of the job flow (routes/jobs-process.camel.yaml; notifications-api app/celery/tasks.py
 * {@code process_job}, {@code process_incomplete_jobs}; app/celery/scheduled_tasks.py): decide whether a job runs,
 * read its CSV as batches of rows, save each batch in one statement, and finish it. A run carries everything the
 * batches need in one {@link Run}; the CSV is never held whole.
 */
@Component("jobProcessing")
public class JobProcessing {

    /** Exchange property: a job just created (admin create, bulk), whose process-job task the route queues. */
    public static final String NEW_JOB = "notifyNewJob";

    /** Exchange property holding the {@link Run}. */
    public static final String RUN = "notifyJobRun";

    private static final Logger LOG = LoggerFactory.getLogger(JobProcessing.class);

    /** A job being processed: the rows wanted (after {@code resumeAfter}, or only {@code onlyRows}) and the shared columns. */
    public static final class Run {
        private final Job job;
        private final ServiceData service;
        private final TemplateData template;
        private final JobRowInserts.JobRows rows;
        private final String deliverQueue;
        private final boolean checkRecipients;
        private final int resumeAfter;
        private final Set<Integer> onlyRows;
        private final DailyLimit.Reservation reservation;
        private List<String> requeue = List.of();
        private JobColumns columns;

        Run(Job job, ServiceData service, TemplateData template, JobRowInserts.JobRows rows, String deliverQueue,
            boolean checkRecipients, int resumeAfter, Set<Integer> onlyRows, DailyLimit.Reservation reservation) {
            this.job = job;
            this.service = service;
            this.template = template;
            this.rows = rows;
            this.deliverQueue = deliverQueue;
            this.checkRecipients = checkRecipients;
            this.resumeAfter = resumeAfter;
            this.onlyRows = onlyRows;
            this.reservation = reservation;
        }

        public Job job() {
            return job;
        }

        /** The CSV's key in the jobs bucket. */
        public String key() {
            return JobFiles.key(job.serviceId(), job.id());
        }

        public String deliverQueue() {
            return deliverQueue;
        }

        /** Deliver tasks to send again before the rows: the last batch a stopped run saved, if it was never queued. */
        public List<String> requeue() {
            return requeue;
        }

        boolean wanted(int index) {
            return index > resumeAfter && index < job.notificationCount() && (onlyRows == null || onlyRows.contains(index));
        }
    }

    private final JobStore jobs;
    private final JobRowInserts inserts;
    private final ServiceDataStore services;
    private final DailyLimit dailyLimit;
    private final PhoneNumbers phoneNumbers;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final Duration stuckAfter;

    public JobProcessing(JobStore jobs, JobRowInserts inserts, ServiceDataStore services, DailyLimit dailyLimit,
                         PhoneNumbers phoneNumbers, SecretCipher cipher, ObjectMapper mapper,
                         @Value("${notify.jobs.batch-size}") int batchSize,
                         @Value("${notify.jobs.stuck-after-seconds}") long stuckAfterSeconds) {
        this.jobs = jobs;
        this.inserts = inserts;
        this.services = services;
        this.dailyLimit = dailyLimit;
        this.phoneNumbers = phoneNumbers;
        this.cipher = cipher;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.stuckAfter = Duration.ofSeconds(stuckAfterSeconds);
    }

    /**
     * process-job: a pending job of an active service, within today's limit (the whole job reserved at once, all or
     * nothing), becomes {@code in progress}; anything else ends here (null).
     */
    public Run start(@Body Task task) {
        UUID jobId = UUID.fromString(task.text("job_id"));
        Job job = jobs.find(jobId).orElse(null);
        if (job == null || !Job.PENDING.equals(job.status())) {
            LOG.info("job_id={} not pending ({}): nothing to do", jobId, job == null ? "no such job" : job.status());
            return null;
        }
        ServiceData service = services.service(job.serviceId()).orElseThrow();
        if (!service.active()) {
            jobs.transition(jobId, Job.PENDING, Job.CANCELLED);
            LOG.info("job_id={} service_id={} cancelled: the service is inactive", jobId, job.serviceId());
            return null;
        }
        String keyType = keyType(job);
        Optional<DailyLimit.Reservation> reservation = dailyLimit.reserveAll(service.id(), keyType, service.messageLimit(),
                job.notificationCount());
        if (reservation.isEmpty()) {
            jobs.transition(jobId, Job.PENDING, Job.SENDING_LIMITS_EXCEEDED);
            LOG.info("job_id={} service_id={} {}: {} rows would pass the daily limit", jobId, job.serviceId(),
                    Job.SENDING_LIMITS_EXCEEDED, job.notificationCount());
            return null;
        }
        if (!jobs.transition(jobId, Job.PENDING, Job.IN_PROGRESS)) {
            reservation.get().release();
            return null;
        }
        return run(jobs.find(jobId).orElseThrow(), service, keyType, -1, null, reservation.get());
    }

    /** process-incomplete-jobs: a job in {@code error} starts again after its highest saved row. */
    public Run resume(@Body Task task) {
        UUID jobId = UUID.fromString(task.text("job_id"));
        if (!jobs.transition(jobId, Job.ERROR, Job.IN_PROGRESS)) {
            return null;
        }
        Job job = jobs.find(jobId).orElseThrow();
        ServiceData service = services.service(job.serviceId()).orElseThrow();
        int highest = jobs.highestSavedRow(jobId);
        LOG.info("job_id={} resumed after row {}", jobId, highest);
        Run run = run(job, service, keyType(job), highest, null, () -> { });
        // rows are saved and queued one batch at a time, so only the last batch saved can have been left unqueued;
        // those of its rows still created get their task again (the delivery claim makes a second task a no-op)
        run.requeue = jobs.createdRowsAfter(jobId, highest - batchSize).stream()
                .map(id -> "{\"notification_id\":\"" + id + "\"}").toList();
        return run;
    }

    /** The missing-rows task: a finished job's rows that have no notification are saved now (the others are skipped). */
    public Run missingRows(@Body Task task) {
        UUID jobId = UUID.fromString(task.text("job_id"));
        Job job = jobs.find(jobId).filter(j -> Job.FINISHED.equals(j.status())).orElse(null);
        if (job == null) {
            return null;
        }
        List<Integer> missing = jobs.missingRows(jobId, job.notificationCount());
        if (missing.isEmpty()) {
            return null;
        }
        LOG.info("job_id={} {} rows missing: saving them", jobId, missing.size());
        ServiceData service = services.service(job.serviceId()).orElseThrow();
        return run(job, service, keyType(job), -1, Set.copyOf(missing), () -> { });
    }

    /** The CSV (streamed from S3) as batches of the wanted rows; closing it closes the stream. */
    public Iterator<List<JobCsv.Row>> batches(@Body InputStream csv, @ExchangeProperty(RUN) Run run) {
        JobCsv rows = JobCsv.open(new InputStreamReader(csv, StandardCharsets.UTF_8));
        run.columns = JobColumns.of(rows.headers(), run.template.templateType(), "letter".equals(run.template.templateType())
                ? Placeholders.names(run.template.subject(), run.template.content(), run.rows.replyToText())
                : Placeholders.names(run.template.subject(), run.template.content()));
        return new Batches(rows, run, batchSize);
    }

    /**
     * Saves one batch in one statement and returns the deliver messages of the rows really inserted (a row saved
     * before is skipped and queued no second time).
     */
    public List<String> save(@Body List<JobCsv.Row> batch, @ExchangeProperty(RUN) Run run) {
        List<JobRowInserts.JobNotification> notifications = new ArrayList<>(batch.size());
        for (JobCsv.Row row : batch) {
            JobRowInserts.JobNotification notification = notification(run, row);
            if (notification != null) {
                notifications.add(notification);
            }
        }
        List<UUID> inserted = inserts.insert(run.rows, notifications);
        List<String> messages = new ArrayList<>(inserted.size());
        inserted.forEach(id -> messages.add("{\"notification_id\":\"" + id + "\"}"));
        return messages;
    }

    /** Every wanted row is saved and queued: the job is {@code finished}. */
    public void finish(@ExchangeProperty(RUN) Run run) {
        jobs.transition(run.job.id(), Job.IN_PROGRESS, Job.FINISHED);
        LOG.info("job_id={} service_id={} finished", run.job.id(), run.job.serviceId());
    }

    /** The run failed part-way: the job stays {@code in progress} for check-job-status; the daily allowance is kept. */
    public void failed(@ExchangeProperty(RUN) Run run) {
        LOG.warn("job_id={} stopped part-way; check-job-status resumes it", run == null ? null : run.job.id());
    }

    /** run-scheduled-jobs: the process-job tasks of the scheduled jobs whose time has come. */
    public List<String> releaseScheduledJobs() {
        return jobs.releaseDueScheduledJobs().stream().map(id -> task("process-job", id)).toList();
    }

    /** check-job-status: the process-incomplete-jobs tasks of jobs in progress with no saved batch for a while. */
    public List<String> stuckJobs() {
        return jobs.markStuckJobs(Timestamps.now().minus(stuckAfter)).stream().map(id -> {
            LOG.warn("job_id={} stuck in progress: resuming it", id);
            return task("process-incomplete-jobs", id);
        }).toList();
    }

    /** check-for-missing-rows-in-completed-jobs: jobs finished 20 minutes to a day ago with rows missing. */
    public List<String> jobsWithMissingRows() {
        Instant now = Timestamps.now();
        return jobs.finishedJobsWithMissingRows(now.minus(Duration.ofDays(1)), now.minus(Duration.ofMinutes(20))).stream()
                .map(id -> task("process-missing-rows", id)).toList();
    }

    /** A process-job task for a new job. */
    public static String processJobTask(UUID jobId) {
        return task("process-job", jobId);
    }

    private static String task(String name, UUID jobId) {
        return "{\"task\":\"" + name + "\",\"job_id\":\"" + jobId + "\"}";
    }

    private Run run(Job job, ServiceData service, String keyType, int resumeAfter, Set<Integer> onlyRows,
                    DailyLimit.Reservation reservation) {
        TemplateData template = services.templateVersion(job.serviceId(), job.templateId(), job.templateVersion()).orElseThrow();
        String type = template.templateType();
        String replyTo = "letter".equals(type)
                ? service.letterContact(template.letterContactId()).map(ServiceData.LetterContact::contactBlock).orElse(null)
                : replyTo(job, service, type);
        boolean research = service.researchMode() || "test".equals(keyType);
        String queue = "letter".equals(type) ? QueueNames.CREATE_LETTERS_PDF
                : research ? QueueNames.RESEARCH_MODE : "sms".equals(type) ? QueueNames.SEND_SMS : QueueNames.SEND_EMAIL;
        JobRowInserts.JobRows rows = new JobRowInserts.JobRows(job.id(), job.serviceId(), job.templateId(), job.templateVersion(),
                job.apiKeyId(), keyType, type, "created", replyTo);
        boolean checkRecipients = "team".equals(keyType) || (service.restricted() && !"test".equals(keyType));
        return new Run(job, service, template, rows, queue, checkRecipients, resumeAfter, onlyRows, reservation);
    }

    private static String keyType(Job job) {
        return job.apiKeyType() == null ? "normal" : job.apiKeyType();
    }

    private static String replyTo(Job job, ServiceData service, String type) {
        if ("sms".equals(type)) {
            Optional<String> sender = job.senderId() == null ? service.defaultSmsSender()
                    : service.smsSender(job.senderId()).map(ServiceData.SmsSender::smsSender);
            return sender.map(PhoneNumbers::senderOrUkFormat).orElse(null);
        }
        return job.senderId() == null ? service.defaultReplyTo().orElse(null)
                : service.replyTo(job.senderId()).map(ServiceData.ReplyTo::emailAddress).orElse(null);
    }

    /** The row as a notification, or null when its recipient is invalid or (trial mode, team keys) not allowed. */
    private JobRowInserts.JobNotification notification(Run run, JobCsv.Row row) {
        if ("letter".equals(run.rows.notificationType())) {
            return letter(run, row);
        }
        String recipient = run.columns.recipient(row);
        if (recipient == null) {
            return null;
        }
        String normalised;
        boolean international = false;
        String prefix = null;
        BigDecimal rate = null;
        try {
            if ("sms".equals(run.rows.notificationType())) {
                PhoneNumbers.InternationalInfo info = phoneNumbers.internationalInfo(recipient);
                boolean allowInternational = run.service.hasPermission("international_sms");
                normalised = phoneNumbers.validate(recipient, allowInternational);
                international = info.international();
                prefix = info.prefix();
                rate = BigDecimal.valueOf(info.rateMultiplier());
                if (run.checkRecipients && !run.service.allowedRecipients().allowsPhone(recipient)) {
                    return null;
                }
            } else {
                normalised = EmailAddresses.normalise(recipient);
                if (run.checkRecipients && !run.service.allowedRecipients().allowsEmail(recipient)) {
                    return null;
                }
            }
        } catch (InvalidRecipientException e) {
            LOG.info("job_id={} row {} skipped: invalid recipient", run.job.id(), row.index());
            return null;
        }
        Map<String, Object> personalisation = run.columns.personalisation(row);
        String reference = run.columns.clientReference(row);
        return new JobRowInserts.JobNotification(UUID.randomUUID(), row.index(), recipient, normalised,
                cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, json(personalisation)), international, prefix, rate,
                null, null, reference);
    }

    /**
     * A letter row (notifications-api app/celery/tasks.py {@code save_letter}): the address from the address columns,
     * postage from its country or the template, a random reference; the personalisation keeps the address under the
     * {@code address_line_N} / {@code postcode} keys the letter renderer reads. Null when the address is not valid.
     */
    private JobRowInserts.JobNotification letter(Run run, JobCsv.Row row) {
        Map<String, Object> values = run.columns.personalisation(row);
        com.fasterxml.jackson.databind.node.ObjectNode personalisation = mapper.createObjectNode();
        values.forEach((key, value) -> {
            String name = key.startsWith("addressline") ? "address_line_" + key.substring("addressline".length()) : key;
            personalisation.set(name, mapper.valueToTree(value));
        });
        boolean international = run.service.hasPermission("international_letters");
        PostalAddress address = LetterAddresses.of(personalisation, international);
        if (!address.hasEnoughLines() || address.hasTooManyLines() || !address.hasValidLastLine() || address.hasInvalidCharacters()) {
            LOG.info("job_id={} row {} skipped: invalid address", run.job.id(), row.index());
            return null;
        }
        String postage = address.internationalPostage().orElse(run.template.postage() == null ? "second" : run.template.postage());
        String to = address.normalised();
        return new JobRowInserts.JobNotification(UUID.randomUUID(), row.index(), to,
                to.replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT),
                cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, json(personalisation)), address.international(), null, null,
                postage, LetterReferences.random(), null);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }

    /** Groups the wanted rows into lists of {@code size}; closes the CSV at the end or when closed. */
    static final class Batches implements Iterator<List<JobCsv.Row>>, Closeable {
        private final JobCsv rows;
        private final Run run;
        private final int size;
        private List<JobCsv.Row> next;

        Batches(JobCsv rows, Run run, int size) {
            this.rows = rows;
            this.run = run;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            List<JobCsv.Row> batch = new ArrayList<>(size);
            while (batch.size() < size && rows.hasNext()) {
                JobCsv.Row row = rows.next();
                if (run.wanted(row.index())) {
                    batch.add(row);
                }
                if (row.index() >= run.job.notificationCount() - 1) {
                    break;
                }
            }
            if (batch.isEmpty()) {
                close();
                return false;
            }
            next = batch;
            return true;
        }

        @Override
        public List<JobCsv.Row> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<JobCsv.Row> batch = next;
            next = null;
            return batch;
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
