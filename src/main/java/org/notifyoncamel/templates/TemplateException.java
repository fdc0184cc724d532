package org.notifyoncamel.templates;

/** A template check failed; the message is the exact API error message (400 BadRequestError). */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
