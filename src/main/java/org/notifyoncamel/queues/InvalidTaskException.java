package org.notifyoncamel.queues;

/** A queue message that can never be processed (not JSON, missing its arguments): logged and dropped. */
public class InvalidTaskException extends RuntimeException {

    public InvalidTaskException(String message) {
        super(message);
    }
}
