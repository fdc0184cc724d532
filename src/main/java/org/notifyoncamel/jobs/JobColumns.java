package org.notifyoncamel.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.notifyoncamel.templates.Personalisation;

/**
 * What a job's header row means for one template (notifications-utils {@code recipients.py}, {@code columns.py}):
 * headers are matched by their key (lower case, spaces, {@code _} and {@code -} removed, so {@code Phone_Number} is
 * {@code phone number}); the recipient columns of the template type, the template's placeholders; which are
 * missing or duplicated; and, per row, the recipient and the personalisation keyed by header key.
 */
public final class JobColumns {

    static final List<String> SMS_RECIPIENT = List.of("phone number");
    static final List<String> EMAIL_RECIPIENT = List.of("email address");
    static final List<String> LETTER_ADDRESS = List.of("address line 1", "address line 2", "address line 3",
            "address line 4", "address line 5", "address line 6", "postcode", "address line 7");

    private final List<String> headers;
    private final List<String> keys;
    private final String templateType;
    private final List<String> recipientColumns;
    private final Set<String> recipientKeys;
    private final List<String> placeholders;
    private final Set<String> placeholderKeys;
    private final int recipientColumn;
    private final int referenceColumn;

    private JobColumns(List<String> headers, String templateType, List<String> placeholders) {
        this.headers = List.copyOf(headers);
        this.keys = headers.stream().map(Personalisation::normaliseName).toList();
        this.templateType = templateType;
        this.recipientColumns = recipientColumns(templateType);
        this.recipientKeys = Set.copyOf(recipientColumns.stream().map(Personalisation::normaliseName).toList());
        this.placeholders = List.copyOf(placeholders);
        this.placeholderKeys = Set.copyOf(placeholders.stream().map(Personalisation::normaliseName).toList());
        int found = -1;
        if (!"letter".equals(templateType)) {
            found = keys.indexOf(Personalisation.normaliseName(recipientColumns.get(0)));
        }
        this.recipientColumn = found;
        this.referenceColumn = keys.indexOf("reference");
    }

    /** @param placeholders the template's placeholder names as written (subject and body; letters also the contact block) */
    public static JobColumns of(List<String> headers, String templateType, List<String> placeholders) {
        return new JobColumns(headers, templateType, placeholders);
    }

    public static List<String> recipientColumns(String templateType) {
        return switch (templateType) {
            case "sms" -> SMS_RECIPIENT;
            case "email" -> EMAIL_RECIPIENT;
            case "letter" -> LETTER_ADDRESS;
            default -> throw new IllegalArgumentException("no recipient columns for " + templateType);
        };
    }

    public List<String> headers() {
        return headers;
    }

    public String templateType() {
        return templateType;
    }

    /**
     * Required columns with no header, sorted: the template's placeholders and the recipient column (letters: the
     * placeholders that are not address columns).
     */
    public List<String> missingHeaders() {
        Set<String> missing = new TreeSet<>();
        Set<String> present = Set.copyOf(keys);
        List<String> required = new ArrayList<>(placeholders);
        if (!"letter".equals(templateType)) {
            required.addAll(recipientColumns);
        }
        for (String name : required) {
            String key = Personalisation.normaliseName(name);
            if (!present.contains(key) && !("letter".equals(templateType) && recipientKeys.contains(key))) {
                missing.add(name);
            }
        }
        return List.copyOf(missing);
    }

    /** Every header (as written) whose key is a recipient column's and appears more than once, sorted. */
    public List<String> duplicateRecipientHeaders() {
        Set<String> duplicates = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (recipientKeys.contains(keys.get(i)) && keys.indexOf(keys.get(i)) != keys.lastIndexOf(keys.get(i))) {
                duplicates.add(headers.get(i));
            }
        }
        return List.copyOf(duplicates);
    }

    /** Letters: at least 3 of address lines 1-6 and postcode, or 3 of address lines 1-7. */
    public boolean hasLetterAddressColumns() {
        long withPostcode = LETTER_ADDRESS.subList(0, 7).stream().filter(c -> keys.contains(Personalisation.normaliseName(c))).count();
        long withLine7 = LETTER_ADDRESS.stream().filter(c -> !"postcode".equals(c))
                .filter(c -> keys.contains(Personalisation.normaliseName(c))).count();
        return withPostcode >= 3 || withLine7 >= 3;
    }

    /** The recipient cell of an SMS or email row, null when empty or when there is no recipient column. */
    public String recipient(JobCsv.Row row) {
        return recipientColumn < 0 ? null : row.cell(recipientColumn);
    }

    /** A {@code reference} column's cell (GC Notify: the row's client reference), null when there is none. */
    public String clientReference(JobCsv.Row row) {
        return referenceColumn < 0 ? null : row.cell(referenceColumn);
    }

    /** Index of the recipient column (SMS and email), -1 when absent. */
    int recipientColumn() {
        return recipientColumn;
    }

    boolean isRecipientColumn(int column) {
        return recipientKeys.contains(keys.get(column));
    }

    boolean isPlaceholderColumn(int column) {
        return placeholderKeys.contains(keys.get(column));
    }

    /**
     * The row's values for the template: every recipient or placeholder column, keyed by header key; values are
     * strings or null; a repeated non-recipient header gives a list.
     */
    public Map<String, Object> personalisation(JobCsv.Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!recipientKeys.contains(key) && !placeholderKeys.contains(key)) {
                continue;
            }
            String value = row.cell(i);
            if (values.containsKey(key) && !recipientKeys.contains(key)) {
                Object earlier = values.get(key);
                List<Object> list = new ArrayList<>();
                if (earlier instanceof List<?> l) {
                    list.addAll(l);
                } else {
                    list.add(earlier);
                }
                list.add(value);
                values.put(key, list);
            } else if (!values.containsKey(key)) {
                values.put(key, value);
            }
        }
        return values;
    }
}
