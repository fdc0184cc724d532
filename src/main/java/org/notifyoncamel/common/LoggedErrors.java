package org.notifyoncamel.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions as workers may log them (ADR 0061, docs/security.md): class names, SQL states, stack frames and the
 * safe description of exceptions that offer one, never a message. Messages carry the values code failed on:
 * PostgreSQL's {@code Key (to)=(07700...)}, a provider's response echoing the recipient, Jackson's source
 * excerpts with personalisation, Camel's type conversion errors with the body.
 */
public final class LoggedErrors {

    /** An exception whose description is known to hold no request data (a provider name and an HTTP status). */
    public interface SafelyDescribed {
        String safeDescription();
    }

    private LoggedErrors() {
    }

    /** One line: {@code ProviderException (mmg 500) <- ConnectException}. */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            parts.add(one(t));
        }
        return String.join(" <- ", parts);
    }

    private static String one(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (t instanceof SafelyDescribed safe) {
            return name + " (" + safe.safeDescription() + ")";
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            return name + " (SQL state " + sql.getSQLState() + ")";
        }
        return name;
    }

    /** A copy of the chain for a logger's stack trace: classes, safe descriptions and frames, no messages. */
    public static Throwable redacted(Throwable failure) {
        if (failure == null) {
            return null;
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable redacted = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            redacted = new Redacted(chain.get(i), redacted);
        }
        return redacted;
    }

    static final class Redacted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String description;

        Redacted(Throwable original, Throwable cause) {
            super(null, cause, false, true);
            this.description = original.getClass().getName() + (original instanceof SafelyDescribed safe ? " (" + safe.safeDescription() + ")"
                    : original instanceof java.sql.SQLException sql && sql.getSQLState() != null ? " (SQL state " + sql.getSQLState() + ")" : "")
                    + " [message withheld]";
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String getMessage() {
            return description;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
