package org.notifyoncamel.delivery;

import org.notifyoncamel.common.LoggedErrors;
/**
 * A provider refused or failed a send: HTTP status (504 "Gateway Time-out" when there was no
 * response) and a short text. {@code retryable} is false when sending again cannot help (SES
 * InvalidParameterValue).
 */
public class ProviderException extends RuntimeException implements LoggedErrors.SafelyDescribed {

    private final String provider;
    private final int status;
    private final boolean retryable;

    public ProviderException(String provider, int status, String text, boolean retryable) {
        super(provider + " error: " + status + " " + text);
        this.provider = provider;
        this.status = status;
        this.retryable = retryable;
    }

    public ProviderException(String provider, int status, String text) {
        this(provider, status, text, true);
    }

    public String provider() {
        return provider;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The provider and the status: the text may echo the request (the recipient). */
    @Override
    public String safeDescription() {
        return provider + " " + status;
    }
}
