package org.notifyoncamel.recipients;

/**
 * A recipient (phone number, email address, postal address) failed validation. The message is
 * the original's exact reason text (notifications-utils notifications_utils/recipients.py), e.g. {@code Not a UK mobile number}; callers add any field
 * prefix such as {@code phone_number }.
 */
public class InvalidRecipientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRecipientException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
