package org.notifyoncamel.queues;

/**
 * A task to publish again on retry-tasks, with an SQS delay. The delay replaces the original's
 * in-worker countdown, so a retry never has to outlive a visibility timeout (SQS allows at most 900 s).
 */
public record RetryMessage(String message, int delaySeconds) {

    public static final int SQS_MAX_DELAY = 900;

    public RetryMessage {
        delaySeconds = Math.max(0, Math.min(SQS_MAX_DELAY, delaySeconds));
    }
}
