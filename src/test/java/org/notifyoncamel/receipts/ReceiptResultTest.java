package org.notifyoncamel.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptResultTest {

    @Test
    void notFoundRetriesStartAtOneSecondAndDoubleUpToTheCap() {
        assertThat(ReceiptResult.notFoundRetryDelay(0, 30)).isEqualTo(1);
        assertThat(ReceiptResult.notFoundRetryDelay(1, 30)).isEqualTo(2);
        assertThat(ReceiptResult.notFoundRetryDelay(4, 30)).isEqualTo(16);
        assertThat(ReceiptResult.notFoundRetryDelay(5, 30)).isEqualTo(30);
        assertThat(ReceiptResult.notFoundRetryDelay(40, 30)).isEqualTo(30);
        assertThat(ReceiptResult.notFoundRetryDelay(0, 0)).isEqualTo(1);
    }
}
