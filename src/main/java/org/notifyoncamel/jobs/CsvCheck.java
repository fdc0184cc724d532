package org.notifyoncamel.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.InvalidRecipientException;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.SmsRenderer;
import org.notifyoncamel.templates.TemplateChecks;

/**
 * Checks a whole CSV before a job is made of it (notifications-utils {@code RecipientCSV}: {@code has_errors} and
 * its parts), reading it once, row by row: the row count, the first rows with errors (at most
 * {@link #MAX_ERRORS_SHOWN}), whether a recipient is outside the allowed set, the first SMS row that is too long.
 * UK phone rules; international numbers only when the service may send them.
 */
public final class CsvCheck {

    /** The original shows the errors of the first 20 rows only. */
    public static final int MAX_ERRORS_SHOWN = 20;
    static final String MISSING = "Missing";

    /** A row's problems: the cells' errors in column order; {@code recipientError} marks an invalid recipient. */
    public record CellError(String header, String error, boolean recipientError) {
    }

    public record RowError(int index, List<CellError> cells) {
    }

    public record Result(int rows, List<String> missingHeaders, List<String> duplicateRecipientHeaders,
                         List<RowError> rowErrors, boolean recipientNotAllowed, Integer firstTooLongRow,
                         boolean simulatedRecipients, boolean realRecipients) {
    }

    private final PhoneNumbers phoneNumbers;
    private final boolean allowInternational;
    private final Predicate<String> allowedRecipient;
    private final String smsContent;
    private Predicate<String> simulated = r -> false;

    /**
     * @param allowedRecipient null when every recipient is allowed (live services), else the team and guest list
     * @param smsContent the SMS template's content (null for other types): rows whose message is too long are found
     */
    public CsvCheck(PhoneNumbers phoneNumbers, boolean allowInternational, Predicate<String> allowedRecipient, String smsContent) {
        this.phoneNumbers = phoneNumbers;
        this.allowInternational = allowInternational;
        this.allowedRecipient = allowedRecipient;
        this.smsContent = smsContent;
    }

    /** Also tells whether the valid recipients include simulated ones, real ones, or both. */
    public CsvCheck withSimulated(Predicate<String> isSimulated) {
        this.simulated = isSimulated;
        return this;
    }

    /** Reads every row of {@code csv}; rows beyond {@code maxRows} are counted only. */
    public Result check(JobCsv csv, JobColumns columns, int maxRows) {
        List<String> missing = columns.missingHeaders();
        List<String> duplicates = columns.duplicateRecipientHeaders();
        List<RowError> errors = new ArrayList<>();
        boolean notAllowed = false;
        Integer tooLong = null;
        boolean anySimulated = false;
        boolean anyReal = false;
        int rows = 0;
        while (csv.hasNext()) {
            JobCsv.Row row = csv.next();
            rows++;
            if (row.index() >= maxRows || !missing.isEmpty()) {
                continue;
            }
            List<CellError> cells = cellErrors(row, columns, !duplicates.isEmpty());
            if (!cells.isEmpty() && errors.size() < MAX_ERRORS_SHOWN) {
                errors.add(new RowError(row.index(), cells));
            }
            String recipient = columns.recipient(row);
            if (recipient != null && cells.stream().noneMatch(CellError::recipientError)) {
                if (simulated.test(recipient)) {
                    anySimulated = true;
                } else {
                    anyReal = true;
                }
            }
            if (allowedRecipient != null && recipient != null && cells.stream().noneMatch(CellError::recipientError)
                    && !allowedRecipient.test(recipient)) {
                notAllowed = true;
            }
            if (tooLong == null && smsContent != null) {
                Map<String, Object> values = columns.personalisation(row);
                if (SmsRenderer.renderUnsanitised(smsContent, Personalisation.of(values)).length() > TemplateChecks.SMS_CHAR_COUNT_LIMIT) {
                    tooLong = row.index();
                }
            }
        }
        return new Result(rows, missing, duplicates, errors, notAllowed, tooLong, anySimulated, anyReal);
    }

    private List<CellError> cellErrors(JobCsv.Row row, JobColumns columns, boolean duplicateRecipients) {
        List<CellError> cells = new ArrayList<>();
        boolean letter = "letter".equals(columns.templateType());
        for (int i = 0; i < columns.headers().size(); i++) {
            String header = columns.headers().get(i);
            String value = row.cell(i);
            if (columns.isRecipientColumn(i)) {
                if (letter) {
                    continue;
                }
                if (value == null) {
                    if (!duplicateRecipients) {
                        cells.add(new CellError(header, MISSING, false));
                    }
                    continue;
                }
                String error = recipientError(columns.templateType(), value);
                if (error != null) {
                    cells.add(new CellError(header, error, true));
                }
            } else if (columns.isPlaceholderColumn(i) && value == null) {
                cells.add(new CellError(header, MISSING, false));
            }
        }
        return cells;
    }

    private String recipientError(String templateType, String value) {
        if ("email".equals(templateType)) {
            return EmailAddresses.isValid(value) ? null : "Not a valid email address";
        }
        try {
            phoneNumbers.validate(value, allowInternational);
            return null;
        } catch (InvalidRecipientException e) {
            return e.reason();
        }
    }
}
