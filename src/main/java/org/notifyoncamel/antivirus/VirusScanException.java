package org.notifyoncamel.antivirus;

/** The scanner could not say whether the content is clean: it is down, timed out, refused or answered ERROR. */
public class VirusScanException extends Exception {

    private static final long serialVersionUID = 1L;

    public VirusScanException(String message) {
        super(message);
    }

    public VirusScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
