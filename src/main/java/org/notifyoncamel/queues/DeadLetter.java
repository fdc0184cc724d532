package org.notifyoncamel.queues;

/**
 * A task given up after its retries, kept on {@code dead-letter-tasks} instead of dropped (ADR 0192): the task's
 * message with its name and retry count, and the class of the last error (never its message, which may hold
 * personal data). The {@code replay-dead-letters} command puts them back on {@code retry-tasks}.
 */
public record DeadLetter(String message) {
}
