package org.notifyoncamel.queues;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message on a worker queue: a JSON object whose {@code task} names the work (defaulted by the
 * queue it arrived on), {@code retries} counts earlier attempts (0 when absent) and every other
 * field is an argument. A retry is the same object with {@code retries + 1}, published to
 * retry-tasks, so the retry consumer can route any task without knowing where it started.
 */
public record Task(String name, int retries, ObjectNode args) {

    public static final String DELIVER = "deliver";
    public static final String DELIVER_SMS = "deliver_sms";
    public static final String DELIVER_EMAIL = "deliver_email";
    public static final String SMS_RECEIPT = "process-sms-client-response";
    public static final String SES_RECEIPT = "process-ses-result";
    public static final String DELIVERY_STATUS_CALLBACK = "send-delivery-status";
    public static final String COMPLAINT_CALLBACK = "send-complaint";
    public static final String SAVE_API_SMS = "save-api-sms";
    public static final String SAVE_API_EMAIL = "save-api-email";

    public String text(String field) {
        var node = args.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public String notificationId() {
        return text("notification_id");
    }

    /** The message that runs this task again, one retry later, under the given name. */
    public String retryMessage(ObjectMapper mapper, String retryName) {
        ObjectNode next = args.deepCopy();
        next.put("task", retryName);
        next.put("retries", retries + 1);
        return next.toString();
    }

    /** This task for {@code dead-letter-tasks}: its message as retried last, and the class of the error that ended it. */
    public DeadLetter deadLetter(Throwable error) {
        ObjectNode kept = args.deepCopy();
        kept.put("task", name);
        kept.put("retries", retries);
        kept.put("dead_letter_error", error == null ? "unknown" : error.getClass().getName());
        return new DeadLetter(kept.toString());
    }

    /** The message that runs this task again from its first attempt (a parked callback, when it is replayed). */
    public String firstAttemptMessage() {
        ObjectNode next = args.deepCopy();
        next.put("task", name);
        next.remove("retries");
        return next.toString();
    }

    /** The same task again, not counted as a retry (a callback put off while its service is busy). */
    public String sameAttemptMessage() {
        ObjectNode next = args.deepCopy();
        next.put("task", name);
        next.put("retries", retries);
        return next.toString();
    }

    public Task renamed(String newName) {
        return new Task(newName, retries, args);
    }
}
