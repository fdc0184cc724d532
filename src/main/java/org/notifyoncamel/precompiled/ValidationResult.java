package org.notifyoncamel.precompiled;

import java.util.List;
import org.notifyoncamel.recipients.PostalAddress;

/** What checking a precompiled letter found: a printable, sanitised letter or the first failure. */
public sealed interface ValidationResult {

    /** The letter can be printed: its address as read and normalised, page count and the rewritten PDF. */
    record Passed(PostalAddress address, int pageCount, byte[] sanitisedPdf) implements ValidationResult {
        /** The notification's {@code to}: the normalised lines joined by newlines. */
        public String recipient() {
            return address.normalised();
        }

        /** Sheets of paper, printed on both sides: the notification's billable units. */
        public int sheets() {
            return (pageCount + 1) / 2;
        }
    }

    /** The first check that failed; {@code pageCount} is null when unknown, {@code invalidPages} 1-based or null. */
    record Failed(FailureCode code, Integer pageCount, List<Integer> invalidPages) implements ValidationResult {
        public Failed {
            invalidPages = invalidPages == null ? null : List.copyOf(invalidPages);
        }
    }
}
