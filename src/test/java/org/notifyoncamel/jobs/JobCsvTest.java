package org.notifyoncamel.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.recipients.InternationalBillingRates;
import org.notifyoncamel.recipients.PhoneNumbers;

/** The original's CSV rules (notifications-utils recipients.py): cells, headers, row errors, file checks. */
class JobCsvTest {

    static List<JobCsv.Row> rows(String csv) {
        List<JobCsv.Row> rows = new ArrayList<>();
        try (JobCsv file = JobCsv.of(csv)) {
            file.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void cellsAreStrippedOfWhitespaceAndInvisibleCharactersAndEmptyIsNull() {
        List<JobCsv.Row> rows = rows("phone number,name\r\n 07700 900123 ,\u200BJo\u00A0\r\n07700900456,   \r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("07700 900123", "Jo");
        assertThat(rows.get(1).cells()).containsExactly("07700900456", null);
        assertThat(rows.get(1).index()).isEqualTo(1);
    }

    @Test
    void leadingWhitespaceAndCommasOfTheFileAndTrailingBlankRowsAreIgnored() {
        List<String> headers;
        List<JobCsv.Row> rows = new ArrayList<>();
        try (JobCsv file = JobCsv.of("\uFEFF ,,phone number,name\n07700900123,Jo\n,\n07700900456,Al\n,,\n,\n\n")) {
            headers = file.headers();
            file.forEachRemaining(rows::add);
        }
        assertThat(headers).containsExactly("phone number", "name");
        // a blank row between real rows is a row; the blank rows at the end are not
        assertThat(rows).extracting(JobCsv.Row::index).containsExactly(0, 1, 2);
        assertThat(rows.get(1).cells()).containsOnlyNulls();
    }

    @Test
    void quotedCellsMayHoldSeparatorsQuotesAndNewlinesAndSpacesAfterSeparatorsAreSkipped() {
        List<JobCsv.Row> rows = rows("email address,address\r\nyou@example.com, \"1 High St, \"\"Flat\"\"\nTown\"\r\n");
        assertThat(rows.get(0).cells()).containsExactly("you@example.com", "1 High St, \"Flat\"\nTown");
    }

    @Test
    void anUnterminatedQuoteIsUnreadable() {
        assertThatThrownBy(() -> rows("phone number\n\"07700900123\n")).isInstanceOf(JobCsv.CsvUnreadable.class);
    }

    @Test
    void headersMatchByKeyAndPersonalisationIsKeyedByIt() {
        JobColumns columns = JobColumns.of(List.of("Phone_Number", "First-Name", "other", "first name"), "sms", List.of("first name"));
        assertThat(columns.missingHeaders()).isEmpty();
        JobCsv.Row row = new JobCsv.Row(0, Arrays.asList("07700900123", "Jo", "x", "Joanne"));
        assertThat(columns.recipient(row)).isEqualTo("07700900123");
        Map<String, Object> values = columns.personalisation(row);
        assertThat(values).containsEntry("phonenumber", "07700900123").containsEntry("firstname", List.of("Jo", "Joanne"))
                .doesNotContainKey("other");
        assertThat(columns.clientReference(row)).isNull();
        JobColumns withReference = JobColumns.of(List.of("phone number", "Reference"), "sms", List.of());
        assertThat(withReference.clientReference(new JobCsv.Row(0, List.of("07700900123", "ref-1")))).isEqualTo("ref-1");
    }

    @Test
    void missingAndDuplicateHeadersAreSorted() {
        JobColumns columns = JobColumns.of(List.of("name"), "sms", List.of("name", "code"));
        assertThat(columns.missingHeaders()).containsExactly("code", "phone number");
        JobColumns duplicates = JobColumns.of(List.of("phone_number", "phone number", "name"), "sms", List.of());
        assertThat(duplicates.duplicateRecipientHeaders()).containsExactly("phone number", "phone_number");
    }

    @Test
    void letterAddressColumnsAreNeverRequiredOnTheirOwn() {
        JobColumns columns = JobColumns.of(List.of("address line 1", "address line 2", "postcode"), "letter", List.of("name"));
        assertThat(columns.missingHeaders()).containsExactly("name");
        assertThat(columns.hasLetterAddressColumns()).isTrue();
        assertThat(JobColumns.of(List.of("address line 1", "postcode"), "letter", List.of()).hasLetterAddressColumns()).isFalse();
    }

    CsvCheck.Result check(String csv, String type, List<String> placeholders, int maxRows) {
        CsvCheck check = new CsvCheck(new PhoneNumbers(InternationalBillingRates.loadDefault()), false, null, null);
        try (JobCsv file = JobCsv.of(csv)) {
            return check.check(file, JobColumns.of(file.headers(), type, placeholders), maxRows);
        }
    }

    @Test
    void rowErrorsNameTheCellsInColumnOrderWithZeroBasedRowNumbers() {
        CsvCheck.Result result = check("email address,name\nfoo@example.com,Foo\nbar@example.com\nnope,nope\nbaz@example.com,\n",
                "email", List.of("name"), 100);
        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.rowErrors()).extracting(CsvCheck.RowError::index).containsExactly(1, 2, 3);
        assertThat(result.rowErrors().get(1).cells()).containsExactly(
                new CsvCheck.CellError("email address", "Not a valid email address", true));
        assertThat(result.rowErrors().get(0).cells()).containsExactly(new CsvCheck.CellError("name", "Missing", false));
    }

    @Test
    void phoneNumbersGetTheOriginalsReasons() {
        CsvCheck.Result result = check("phone number\n07700900123\n0770090012\n07700 900 1234\n+33 1 23 45 67 89\n", "sms", List.of(), 100);
        assertThat(result.rowErrors()).extracting(r -> r.cells().get(0).error())
                .containsExactly("Not enough digits", "Too many digits", "Not a UK mobile number");
    }

    @Test
    void onlyTheFirstTwentyRowErrorsAreKeptButEveryRowIsCounted() {
        StringBuilder csv = new StringBuilder("phone number\n");
        for (int i = 0; i < 30; i++) {
            csv.append("nope\n");
        }
        CsvCheck.Result result = check(csv.toString(), "sms", List.of(), 100);
        assertThat(result.rows()).isEqualTo(30);
        assertThat(result.rowErrors()).hasSize(CsvCheck.MAX_ERRORS_SHOWN);
    }

    @Test
    void rowsBeyondTheMaximumAreCountedButNotChecked() {
        CsvCheck.Result result = check("phone number\n07700900123\nnope\nnope\n", "sms", List.of(), 1);
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.rowErrors()).isEmpty();
    }

    @Test
    void recipientsOutsideTheAllowedSetAndTooLongMessagesAreFound() {
        CsvCheck check = new CsvCheck(new PhoneNumbers(InternationalBillingRates.loadDefault()), false, "07700900123"::equals,
                "((text))");
        try (JobCsv file = JobCsv.of("phone number,text\n07700900123,short\n07700900456," + "x".repeat(919) + "\n")) {
            CsvCheck.Result result = check.check(file, JobColumns.of(file.headers(), "sms", List.of("text")), 100);
            assertThat(result.recipientNotAllowed()).isTrue();
            assertThat(result.firstTooLongRow()).isEqualTo(1);
        }
    }
}
