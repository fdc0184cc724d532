package org.notifyoncamel.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * estimated_delivery (notifications-utils notifications_utils/letter_timings.py) and the PDF file name
 * (notifications-api app/letters/utils.py).
 */
class LetterTimingsTest {

    @ParameterizedTest
    @CsvSource({
            // Tuesday 9 Feb 2021 10:00 UTC: printed Wednesday, second class: Thursday + 1 = Friday 12th, 16:00 GMT
            "2021-02-09T10:00:51.123456Z, second, 2021-02-12T16:00:51.123456Z",
            "2021-02-09T10:00:00Z, first, 2021-02-11T16:00:00Z",
            "2021-02-09T10:00:00Z, europe, 2021-02-15T16:00:00Z",
            "2021-02-09T10:00:00Z, rest-of-world, 2021-02-17T16:00:00Z",
            // 17:31 London + 6h30 is the next day: printed the day after that
            "2021-02-09T17:31:00Z, second, 2021-02-13T16:00:00Z",
            // Friday evening: printed Monday, delivered Wednesday; BST: 16:00 London is 15:00 UTC
            "2021-06-04T18:00:00Z, second, 2021-06-09T15:00:00Z",
            // Thursday 1 April 2021: Good Friday and Easter Monday skipped: printed Tuesday 6th
            "2021-04-01T09:00:00Z, first, 2021-04-07T15:00:00Z",
    })
    void estimatedDelivery(String created, String postage, String expected) {
        assertThat(LetterTimings.estimatedDelivery(Instant.parse(created), postage)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void fileNamesCarryThePrintDateFolderClassCrownAndTimestamp() {
        assertThat(LetterTimings.pdfFileName("abcdef1234567890", "second", false, Instant.parse("2021-02-26T12:00:00Z"), false))
                .isEqualTo("2021-02-26/NOTIFY.ABCDEF1234567890.D.2.C.N.20210226120000.PDF");
        assertThat(LetterTimings.pdfFileName("ABCDEF1234567890", "europe", true, Instant.parse("2021-02-26T17:31:00Z"), false))
                .isEqualTo("2021-02-27/NOTIFY.ABCDEF1234567890.D.E.C.C.20210226173100.PDF");
        assertThat(LetterTimings.pdfFileName("ABCDEF1234567890", "rest-of-world", false, Instant.parse("2021-06-26T16:31:00Z"), true))
                .isEqualTo("NOTIFY.ABCDEF1234567890.D.N.C.N.20210626163100.PDF");
    }

    @ParameterizedTest
    @CsvSource({
            // status, created (UTC, winter: London = UTC), now, cancellable
            "created, 2021-02-09T10:00:00Z, 2021-02-09T17:29:00Z, true",
            "pending-virus-check, 2021-02-09T10:00:00Z, 2021-02-09T12:00:00Z, true",
            "sending, 2021-02-09T10:00:00Z, 2021-02-09T12:00:00Z, false",
            "created, 2021-02-09T10:00:00Z, 2021-02-09T17:30:00Z, false",
            "created, 2021-02-09T17:31:00Z, 2021-02-09T18:00:00Z, true",
            "created, 2021-02-09T17:31:00Z, 2021-02-10T17:00:00Z, true",
            "created, 2021-02-09T17:31:00Z, 2021-02-10T17:31:00Z, false",
            "created, 2021-02-09T10:00:00Z, 2021-02-10T09:00:00Z, false",
            "created, 2021-02-08T18:00:00Z, 2021-02-10T09:00:00Z, false",
    })
    void cancellationRules(String status, String created, String now, boolean cancellable) {
        assertThat(LetterTimings.canBeCancelled(status, Instant.parse(created), Instant.parse(now))).isEqualTo(cancellable);
    }

    @Test
    void tooLateMessages() {
        assertThat(LetterTimings.tooLateToCancel(Instant.parse("2021-03-04T10:00:00Z"), Instant.parse("2021-03-04T18:00:00Z")))
                .isEqualTo("It\u2019s too late to cancel this letter. Printing started today at 5.30pm");
        assertThat(LetterTimings.tooLateToCancel(Instant.parse("2021-03-04T10:00:00Z"), Instant.parse("2021-03-06T10:00:00Z")))
                .isEqualTo("It\u2019s too late to cancel this letter. Printing started on 4 March at 5.30pm");
    }
}
