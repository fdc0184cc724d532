package org.notifyoncamel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.NotifyApplication;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.objectstore.ObjectStore;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.queues.TaskMessages;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The job flow (routes/jobs-process.camel.yaml, routes/schedule-jobs.camel.yaml) against the real PostgreSQL, Redis,
 * embedded S3 and ElasticMQ, with only those routes loaded and no consumers: a test hands the job task to the route
 * and reads what was queued. Includes the exactly-once resume of a job stopped mid-way and a 100,000-row job
 * processed with bounded memory.
 */
@SpringBootTest(classes = NotifyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "notify.app-name=job-route-tests",
    "notify.roles.job-route-tests=common-errors.camel.yaml,common-worker-errors.camel.yaml,common-templates.camel.yaml,"
            + "jobs-process.camel.yaml,schedule-jobs.camel.yaml",
    "notify.jobs.batch-size=500",
})
@CamelSpringBootTest
@ActiveProfiles("test")
class JobProcessingRouteTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    TaskMessages tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JobStore jobs;
    @Autowired
    JobFiles files;
    @Autowired
    ObjectStore objectStore;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;

    ApiTestData data;
    TestService service;
    UUID template;
    /** Set by a test: the batch (1-based) before whose deliver tasks the run "dies", once. */
    static final AtomicInteger dieBeforeQueueingBatch = new AtomicInteger(-1);
    static final AtomicInteger batchesSeen = new AtomicInteger();
    /** Set by a test: heap in use after a full GC, sampled at the fiftieth batch. */
    static final AtomicBoolean sampleHeap = new AtomicBoolean();
    static final AtomicLong heapMidway = new AtomicLong();

    void advise() throws Exception {
        if (camel.getRegistry().lookupByName("job-route-tests-advised") != null) {
            return;
        }
        camel.getRegistry().bind("job-route-tests-advised", Boolean.TRUE);
        // observes the flow between a batch's save and its deliver tasks; "dies" there when a test asks
        AdviceWith.adviceWith(camel, "process-job-rows", route -> route.weaveById("queue-job-batch").before().process(exchange -> {
            int batch = batchesSeen.incrementAndGet();
            if (batch == dieBeforeQueueingBatch.get()) {
                dieBeforeQueueingBatch.set(-1);
                throw new IllegalStateException("worker killed after saving batch " + batch);
            }
            if (sampleHeap.get() && batch == 50) {
                System.gc();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                heapMidway.set(memory.getHeapMemoryUsage().getUsed());
            }
        }));
    }

    /** This test's jobs: their rows are deleted afterwards. */
    final java.util.List<UUID> jobsOfThisTest = new java.util.ArrayList<>();

    /**
     * Rows this route-level context saved are never delivered (nothing here consumes the deliver queues): left
     * {@code created}, they would be picked up by the replay tests of other classes sharing the database.
     */
    @org.junit.jupiter.api.AfterEach
    void deleteTheRowsOfThisTestsJobs() {
        for (UUID job : jobsOfThisTest) {
            jdbc.update("DELETE FROM notifications WHERE job_id = ?", job);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        advise();
        data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false);
        data.updateService(service.id(), "message_limit = ?", 1_000_000);
        template = data.template(service, "sms", "sms " + ApiTestData.unique(), null, "Hello ((name))");
        for (String queue : List.of("send-sms-tasks", "job-tasks", "research-mode-tasks", "create-letters-pdf-tasks")) {
            sqs.purgeQueue(b -> b.queueUrl(queues.url(queue)));
        }
        batchesSeen.set(0);
    }

    UUID job(String csv, int rows, Instant scheduledFor) {
        return job(service, template, csv, rows, scheduledFor);
    }

    UUID job(TestService owner, UUID templateId, String csv, int rows, Instant scheduledFor) {
        UUID id = UUID.randomUUID();
        jobsOfThisTest.add(id);
        files.upload(owner.id(), id, csv, Map.of("template_id", templateId.toString(), "notification_count", Integer.toString(rows),
                "valid", "True"));
        jobs.insert(Job.create(id, "people.csv", owner.id(), templateId, 1, Instant.now(), rows, owner.userId(), scheduledFor,
                null, null, null));
        return id;
    }

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("phone number,name\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("07700").append(String.format("%06d", 900000 + i % 100000).substring(0, 6)).append(",Person ").append(i).append("\r\n");
        }
        return csv.toString();
    }

    void send(String task, UUID jobId) {
        producer.sendBody("direct:job-task", tasks.read("{\"task\":\"" + task + "\",\"job_id\":\"" + jobId + "\"}", ""));
    }

    Job job(UUID id) {
        return jobs.find(id).orElseThrow();
    }

    /** Every deliver task on the queue: notification id -> how many times queued. */
    Map<String, Integer> drain(String queue) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queues.url(queue)).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                emptyPolls++;
                continue;
            }
            emptyPolls = 0;
            for (Message m : messages) {
                counts.merge(MAPPER.readTree(m.body()).path("notification_id").asText(m.body()), 1, Integer::sum);
                sqs.deleteMessage(b -> b.queueUrl(queues.url(queue)).receiptHandle(m.receiptHandle()));
            }
        }
        return counts;
    }

    List<String> notificationIds(UUID jobId) {
        return jdbc.queryForList("SELECT id::text FROM notifications WHERE job_id = ?", String.class, jobId);
    }

    @Test
    void everyRowIsSavedOnceWithItsRowNumberAndQueuedOnce() throws Exception {
        UUID id = job(csv(1_200), 1_200, null);
        send("process-job", id);

        Job job = job(id);
        assertThat(job.status()).isEqualTo(Job.FINISHED);
        assertThat(job.processingStarted()).isNotNull();
        assertThat(job.processingFinished()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = ? "
                + "AND job_row_number BETWEEN 0 AND 1199 AND key_type = 'normal' AND notification_status = 'created'", Integer.class, id))
                .isEqualTo(1_200);
        Map<String, Object> first = jdbc.queryForMap("SELECT \"to\", normalised_to, _personalisation, reply_to_text FROM notifications "
                + "WHERE job_id = ? AND job_row_number = 0", id);
        assertThat(first.get("to")).isEqualTo("07700900000");
        assertThat(first.get("normalised_to")).isEqualTo("447700900000");
        assertThat(MAPPER.readTree(cipher.decrypt(org.notifyoncamel.crypto.SecretColumn.NOTIFICATION_PERSONALISATION,
                (String) first.get("_personalisation"))).toString()).isEqualTo("{\"phonenumber\":\"07700900000\",\"name\":\"Person 0\"}");
        Map<String, Integer> queued = drain("send-sms-tasks");
        assertThat(queued.keySet()).containsExactlyInAnyOrderElementsOf(notificationIds(id));
        assertThat(queued.values()).containsOnly(1);
        assertThat(batchesSeen.get()).isEqualTo(3);

        // the same task again (a redelivered message) finds the job finished and does nothing
        send("process-job", id);
        assertThat(notificationIds(id)).hasSize(1_200);
        assertThat(drain("send-sms-tasks")).isEmpty();
    }

    @Test
    void aJobKilledMidWayIsResumedFromItsLastSavedRowExactlyOncePerRow() throws Exception {
        UUID id = job(csv(2_300), 2_300, null);
        // batch 3 is saved, then the worker dies before queueing its deliver tasks
        dieBeforeQueueingBatch.set(3);
        try {
            send("process-job", id);
        } catch (Exception expected) {
            // the worker's death
        }
        assertThat(job(id).status()).isEqualTo(Job.IN_PROGRESS);
        assertThat(notificationIds(id)).hasSize(1_500);
        assertThat(jobs.highestSavedRow(id)).isEqualTo(1_499);

        // not yet stuck: check-job-status leaves it alone
        producer.sendBody("direct:check-job-status", null);
        assertThat(job(id).status()).isEqualTo(Job.IN_PROGRESS);

        // half an hour with no batch saved: check-job-status marks it and queues process-incomplete-jobs
        jdbc.update("UPDATE jobs SET updated_at = updated_at - interval '31 minutes' WHERE id = ?", id);
        producer.sendBody("direct:check-job-status", null);
        assertThat(job(id).status()).isEqualTo(Job.ERROR);
        List<Message> resumeTasks = sqs.receiveMessage(b -> b.queueUrl(queues.url("job-tasks")).maxNumberOfMessages(10)).messages();
        assertThat(resumeTasks).extracting(Message::body).containsExactly("{\"task\":\"process-incomplete-jobs\",\"job_id\":\"" + id + "\"}");
        producer.sendBody("direct:job-task", tasks.read(resumeTasks.get(0).body(), ""));

        assertThat(job(id).status()).isEqualTo(Job.FINISHED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE job_id = ?", Integer.class, id)).isEqualTo(2_300);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = ?", Integer.class, id))
                .isEqualTo(2_300);
        Map<String, Integer> queued = drain("send-sms-tasks");
        assertThat(queued.keySet()).containsExactlyInAnyOrderElementsOf(notificationIds(id));
        assertThat(queued.values()).as("deliver tasks per row").containsOnly(1);
    }

    @Test
    void aRowReplayedByTheMissingRowsTaskIsNeverSavedTwice() throws Exception {
        UUID id = job(csv(600), 600, null);
        send("process-job", id);
        drain("send-sms-tasks");
        List<String> deleted = jdbc.queryForList("DELETE FROM notifications WHERE job_id = ? AND job_row_number IN (3, 550) "
                + "RETURNING id::text", String.class, id);
        assertThat(deleted).hasSize(2);
        jdbc.update("UPDATE jobs SET processing_finished = processing_finished - interval '30 minutes' WHERE id = ?", id);

        producer.sendBody("direct:check-for-missing-rows-in-completed-jobs", null);
        List<Message> found = sqs.receiveMessage(b -> b.queueUrl(queues.url("job-tasks")).maxNumberOfMessages(10)).messages();
        assertThat(found).extracting(Message::body).contains("{\"task\":\"process-missing-rows\",\"job_id\":\"" + id + "\"}");
        send("process-missing-rows", id);

        assertThat(jdbc.queryForList("SELECT job_row_number FROM notifications WHERE job_id = ? AND id::text NOT IN (?, ?) "
                + "AND job_row_number IN (3, 550)", Integer.class, id, deleted.get(0), deleted.get(1))).containsExactlyInAnyOrder(3, 550);
        assertThat(notificationIds(id)).hasSize(600);
        assertThat(drain("send-sms-tasks")).hasSize(2);
    }

    @Test
    void anInactiveServicesJobIsCancelledAndOneOverTheDailyLimitSendsNothing() {
        UUID inactive = job(csv(3), 3, null);
        data.updateService(service.id(), "active = false");
        send("process-job", inactive);
        assertThat(job(inactive).status()).isEqualTo(Job.CANCELLED);

        data.updateService(service.id(), "active = true, message_limit = 2");
        UUID tooBig = job(csv(3), 3, null);
        send("process-job", tooBig);
        assertThat(job(tooBig).status()).isEqualTo(Job.SENDING_LIMITS_EXCEEDED);
        assertThat(job(tooBig).processingFinished()).isNotNull();
        assertThat(notificationIds(tooBig)).isEmpty();
    }

    @Test
    void aScheduledJobWaitsForItsTimeAndIsThenQueuedByRunScheduledJobs() throws Exception {
        UUID later = job(csv(2), 2, Instant.now().plusSeconds(3_600));
        UUID due = job(csv(2), 2, Instant.now().plusSeconds(3_600));
        jdbc.update("UPDATE jobs SET scheduled_for = now() AT TIME ZONE 'UTC' - interval '1 minute' WHERE id = ?", due);
        send("process-job", due);
        assertThat(job(due).status()).as("a scheduled job is not processed").isEqualTo(Job.SCHEDULED);

        producer.sendBody("direct:run-scheduled-jobs", null);
        assertThat(job(due).status()).isEqualTo(Job.PENDING);
        assertThat(job(later).status()).isEqualTo(Job.SCHEDULED);
        List<String> queued = new ArrayList<>();
        sqs.receiveMessage(b -> b.queueUrl(queues.url("job-tasks")).maxNumberOfMessages(10)).messages().forEach(m -> queued.add(m.body()));
        assertThat(queued).contains("{\"task\":\"process-job\",\"job_id\":\"" + due + "\"}")
                .noneMatch(b -> b.contains(later.toString()));
        send("process-job", due);
        assertThat(job(due).status()).isEqualTo(Job.FINISHED);
    }

    @Test
    void letterRowsGetTheirAddressPostageAndPdfTaskAndAFinishedLetterJobCanBeCancelled(
            @Autowired org.notifyoncamel.admin.JobsAdmin jobsAdmin) throws Exception {
        TestService letters = data.service(false, "letter");
        UUID letter = data.template(letters, "letter", "letter " + ApiTestData.unique(), "Your visit", "Dear ((name))");
        UUID id = job(letters, letter, "Address_Line_1,address line 2,postcode,name\r\nAda Lovelace,1 High Street,SW1A 1AA,Ada\r\n"
                + "Bo,Nowhere,not a postcode,Bo\r\nCy Young,2 Low Road,SW1A 2AA,Cy\r\n", 3, null);
        send("process-job", id);

        assertThat(job(id).status()).isEqualTo(Job.FINISHED);
        List<Map<String, Object>> saved = jdbc.queryForList("SELECT job_row_number, \"to\", postage, reference, _personalisation "
                + "FROM notifications WHERE job_id = ? ORDER BY job_row_number", id);
        assertThat(saved).extracting(r -> r.get("job_row_number")).containsExactly(0, 2);
        assertThat(saved.get(0).get("to")).isEqualTo("Ada Lovelace\n1 High Street\nSW1A 1AA");
        assertThat(saved.get(0).get("postage")).isEqualTo("second");
        assertThat((String) saved.get(0).get("reference")).hasSize(16);
        assertThat(MAPPER.readTree(cipher.decrypt(org.notifyoncamel.crypto.SecretColumn.NOTIFICATION_PERSONALISATION,
                (String) saved.get(0).get("_personalisation"))).get("address_line_1").asText()).isEqualTo("Ada Lovelace");
        assertThat(drain("create-letters-pdf-tasks")).hasSize(2);

        // two of three rows saved: not cancellable until every row is (the invalid one never will be)
        assertThat(jobsAdmin.cancelLetterJob(letters.id().toString(), id.toString()).status()).isEqualTo(400);
        jdbc.update("UPDATE jobs SET notification_count = 2 WHERE id = ?", id);
        org.notifyoncamel.http.HttpResult cancelled = jobsAdmin.cancelLetterJob(letters.id().toString(), id.toString());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body()).isEqualTo(2);
        assertThat(job(id).status()).isEqualTo(Job.CANCELLED);
        assertThat(jdbc.queryForList("SELECT DISTINCT notification_status FROM notifications WHERE job_id = ?", String.class, id))
                .containsExactly("cancelled");
    }

    @Test
    void aHundredThousandRowJobIsProcessedWithBoundedMemory() throws Exception {
        // the file is about 72 MB: held whole (as text, or as rows) it alone would pass the bound below; streamed, the
        // heap grew by 4 MiB (the embedded ElasticMQ of this JVM holds the deliver tasks queued so far, too)
        int rows = 100_000;
        // rows of about 730 bytes
        StringBuilder csv = new StringBuilder("phone number,name\r\n");
        String padding = "x".repeat(700);
        for (int i = 0; i < rows; i++) {
            csv.append("07700").append(900000 + i % 100000).append(",Person ").append(i).append(' ').append(padding).append("\r\n");
        }
        UUID id = job(csv.toString(), rows, null);
        int size = csv.length();
        csv.setLength(0);
        csv.trimToSize();
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        sampleHeap.set(true);
        try {
            send("process-job", id);
        } finally {
            sampleHeap.set(false);
        }
        assertThat(job(id).status()).isEqualTo(Job.FINISHED);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = ?", Integer.class, id))
                .isEqualTo(rows);
        assertThat(batchesSeen.get()).isEqualTo(rows / 500);
        long growth = heapMidway.get() - before;
        // with stream caching left on for process-job-rows, the S3 object was copied whole into memory: 150 MB here
        org.slf4j.LoggerFactory.getLogger(getClass()).info("heap growth halfway through the 100,000-row job: {} MiB", growth >> 20);
        assertThat(growth).as("heap growth halfway through a %d-byte, %d-row job", size, rows).isLessThan(64L << 20);
    }
}
