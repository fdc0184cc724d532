package org.notifyoncamel.queues;

import java.util.List;

/** The original's queue names (notifications-api app/config.py and app/celery). The deployment's prefix is prepended by {@link Queues}. */
public final class QueueNames {

    public static final String PRIORITY = "priority-tasks";
    public static final String PERIODIC = "periodic-tasks";
    public static final String DATABASE = "database-tasks";
    public static final String SEND_SMS = "send-sms-tasks";
    public static final String SEND_EMAIL = "send-email-tasks";
    public static final String RESEARCH_MODE = "research-mode-tasks";
    public static final String REPORTING = "reporting-tasks";
    public static final String JOBS = "job-tasks";
    public static final String RETRY = "retry-tasks";
    public static final String NOTIFY = "notify-internal-tasks";
    public static final String CREATE_LETTERS_PDF = "create-letters-pdf-tasks";
    public static final String CALLBACKS = "service-callbacks";
    public static final String LETTERS = "letter-tasks";
    public static final String SMS_CALLBACKS = "sms-callbacks";
    public static final String SAVE_API_EMAIL = "save-api-email-tasks";
    public static final String SAVE_API_SMS = "save-api-sms-tasks";
    public static final String BROADCASTS = "broadcast-tasks";
    public static final String SES_CALLBACKS = "ses-callbacks";
    /** Tasks given up after their retries, kept for the replay-dead-letters command (ADR 0192; not an original queue). */
    public static final String DEAD_LETTERS = "dead-letter-tasks";

    /** Every queue this application reads or writes. */
    public static final List<String> ALL = List.of(PRIORITY, PERIODIC, DATABASE, SEND_SMS, SEND_EMAIL, RESEARCH_MODE,
            REPORTING, JOBS, RETRY, NOTIFY, CREATE_LETTERS_PDF, CALLBACKS, LETTERS, SMS_CALLBACKS, SAVE_API_EMAIL,
            SAVE_API_SMS, BROADCASTS, SES_CALLBACKS, DEAD_LETTERS);

    private QueueNames() {
    }
}
