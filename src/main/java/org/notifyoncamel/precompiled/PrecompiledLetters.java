package org.notifyoncamel.precompiled;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyoncamel.antivirus.ScanResult;
import org.notifyoncamel.antivirus.VirusScanException;
import org.notifyoncamel.antivirus.VirusScanner;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.letters.LetterTimings;
import org.notifyoncamel.precompiled.PrecompiledLetterStore.PendingLetter;
import org.notifyoncamel.precompiled.ValidationResult.Failed;
import org.notifyoncamel.precompiled.ValidationResult.Passed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of a precompiled letter after the API stored it in the scan bucket (notifications-template-preview
 * app/precompiled.py, notifications-antivirus app/celery/tasks.py; route
 * {@code process-precompiled-letter}): which letter a task names, the virus scan, the checks, and settling the row.
 * The route moves the files between buckets; this bean says which bucket and key.
 */
@Component("precompiledLetters")
public class PrecompiledLetters {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledLetters.class);

    /** A {@code letter-tasks} task: the letter and its file in the scan bucket. */
    public record Task(UUID notificationId, String filename) {
    }

    /** What the scan said; {@code SKIPPED} when scanning is off (ANTIVIRUS_ENABLED=false). */
    public enum Scan { CLEAN, INFECTED, SKIPPED }

    /**
     * The outcome of the checks: the status to set and the file to store ({@code bucket}/{@code key}/{@code pdf}: the
     * sanitised letter when it passed, the original in the invalid-PDF bucket when it failed).
     */
    public record Checked(UUID notificationId, String status, String bucket, String key, byte[] pdf, String to,
                          int billableUnits, String postage, boolean international, String failure, Integer pageCount,
                          List<Integer> invalidPages) {
        public boolean passed() {
            return failure == null;
        }

        /** S3 metadata of a failed letter's file, as the original writes it. */
        public Map<String, String> metadata() {
            return passed() ? Map.of() : Map.of("message", failure, "page_count", String.valueOf(pageCount),
                "invalid_pages", String.valueOf(invalidPages));
        }
    }

    private final PrecompiledLetterStore store;
    private final PrecompiledLetterValidator validator;
    private final VirusScanner scanner;
    private final boolean scanning;
    private final String lettersBucket;
    private final String testLettersBucket;
    private final String invalidBucket;

    public PrecompiledLetters(PrecompiledLetterStore store, PrecompiledLetterValidator validator, VirusScanner scanner,
                              @Value("${notify.antivirus.enabled}") boolean scanning,
                              @Value("${notify.letters.buckets.letters-pdf}") String lettersBucket,
                              @Value("${notify.letters.buckets.test-letters}") String testLettersBucket,
                              @Value("${notify.letters.buckets.invalid-pdf}") String invalidBucket) {
        this.store = store;
        this.validator = validator;
        this.scanner = scanner;
        this.scanning = scanning;
        this.lettersBucket = lettersBucket;
        this.testLettersBucket = testLettersBucket;
        this.invalidBucket = invalidBucket;
    }

    /** The task {@code {"notification_id": "<uuid>", "filename": "<scan-bucket key>"}} as the consumer read it. */
    public Task task(org.notifyoncamel.queues.Task task) {
        String filename = task.text("filename");
        String id = task.notificationId();
        if (filename == null || filename.isBlank() || id == null) {
            throw new IllegalArgumentException("not a precompiled letter task");
        }
        try {
            return new Task(UUID.fromString(id), filename);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a precompiled letter task", e);
        }
    }

    /** The message the API queues for a stored upload. */
    public static Map<String, Object> taskMessage(UUID notificationId, String filename) {
        return Map.of("task", "sanitise-letter", "notification_id", notificationId.toString(), "filename", filename);
    }

    /** Whether the letter still waits for its scan and checks (a redelivered or late task finds it settled). */
    public boolean pending(Task task) {
        boolean pending = store.pending(task.notificationId()).isPresent();
        if (!pending) {
            LOG.info("notification_id={} precompiled letter already settled: task dropped", task.notificationId());
        }
        return pending;
    }

    /** Scans the upload; a scanner that cannot answer throws, and the route retries, then fails the letter. */
    public Scan scan(Task task, byte[] pdf) throws VirusScanException {
        if (!scanning) {
            return Scan.SKIPPED;
        }
        ScanResult result = scanner.scan(pdf);
        if (result instanceof ScanResult.Infected infected) {
            LOG.warn("notification_id={} precompiled letter failed the virus scan ({})", task.notificationId(), infected.signature());
            return Scan.INFECTED;
        }
        return Scan.CLEAN;
    }

    /** The scan bucket key an infected upload is kept under (notifications-antivirus app/celery/tasks.py). */
    public String quarantineKey(Task task) {
        return "FAILURE/" + task.filename();
    }

    /** The letter had a virus: {@code virus-scan-failed}, no billable units. */
    public void virusFound(Task task) {
        settleFailure(task.notificationId(), "virus-scan-failed");
    }

    /** Checks the letter and says where its file goes; null when it is no longer pending. */
    public Checked check(Task task, byte[] pdf) {
        PendingLetter letter = store.pending(task.notificationId()).orElse(null);
        if (letter == null) {
            return null;
        }
        ValidationResult result = validator.validate(pdf, letter.internationalAllowed());
        if (result instanceof Failed failed) {
            // kept under the name the GET .../pdf route reads validation-failed letters from
            String key = LetterTimings.pdfFileName(letter.reference(), letter.postage(), letter.crown(), letter.createdAt(), false);
            return new Checked(letter.id(), "validation-failed", invalidBucket, key, pdf, null, 0, letter.postage(), false,
                failed.code().code(), failed.pageCount(), failed.invalidPages());
        }
        Passed passed = (Passed) result;
        String postage = passed.address().internationalPostage().orElse(letter.postage());
        String key = LetterTimings.pdfFileName(letter.reference(), postage, letter.crown(), letter.createdAt(), letter.testKey());
        return new Checked(letter.id(), letter.testKey() ? "delivered" : "created",
            letter.testKey() ? testLettersBucket : lettersBucket, key, passed.sanitisedPdf(), passed.recipient(),
            letter.testKey() ? 0 : passed.sheets(), postage, passed.address().international(), null, passed.pageCount(), null);
    }

    /** After the file is stored: the row settled (only from {@code pending-virus-check}). */
    public void settle(Checked checked) {
        if (checked.passed()) {
            boolean updated = store.passed(checked.notificationId(), checked.status(), checked.to(), checked.billableUnits(),
                checked.postage(), checked.international(), Timestamps.now());
            LOG.info("notification_id={} precompiled letter passed ({} pages, postage {}): {}{}", checked.notificationId(),
                checked.pageCount(), checked.postage(), checked.status(), updated ? "" : " (already settled)");
        } else {
            settleFailure(checked.notificationId(), "validation-failed");
            LOG.info("notification_id={} precompiled letter failed validation: {} pages {}", checked.notificationId(),
                checked.failure(), checked.invalidPages());
        }
    }

    /** The scanner kept failing or a step threw after its retries: {@code technical-failure}, never stuck. */
    public void failed(Task task, Throwable cause) {
        if (task == null) {
            LOG.error("dropped an unreadable precompiled letter task ({})", cause == null ? "unknown" : cause.getClass().getSimpleName());
            return;
        }
        LOG.error("notification_id={} precompiled letter could not be processed ({}): technical-failure", task.notificationId(),
            cause == null ? "unknown" : cause.getClass().getSimpleName());
        settleFailure(task.notificationId(), "technical-failure");
    }

    private void settleFailure(UUID id, String status) {
        if (!store.failed(id, status, Timestamps.now())) {
            LOG.info("notification_id={} precompiled letter already settled: not {}", id, status);
        }
    }
}
