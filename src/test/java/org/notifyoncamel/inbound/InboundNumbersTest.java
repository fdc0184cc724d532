package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notifyoncamel.recipients.InternationalBillingRates;
import org.notifyoncamel.recipients.PhoneNumbers;

/** Destination, sender and date rules of inbound texts (inbound-sms.md 3.4, 3.5). */
class InboundNumbersTest {

    static final PhoneNumbers PHONES = new PhoneNumbers(InternationalBillingRates.loadDefault());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "447700900123, 07700900123",
        "+447700900123, 07700900123",
        "00447700900123, 07700900123",
        "07700900123, 07700900123",
        "4444, 044",
        "40604, 40604",
    })
    void theDestinationLosesItsCountryPrefixOnce(String destination, String expected) {
        assertThat(InboundNumbers.notifyNumber(destination)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "07700900111|447700900111",
        "(+44)7999999999|447999999999",
        "447700 900 111|447700900111",
        "+1 202-555-0123|12025550123",
        "ACME|ACME",
        "60000|60000",
    })
    void theSenderIsFormattedWhenValidAndKeptOtherwise(String sender, String expected) {
        assertThat(InboundNumbers.userNumber(PHONES, sender)).isEqualTo(expected);
    }

    @Test
    void datesAreParsedAsNaiveUtcWithAnyOffsetDropped() {
        assertThat(InboundNumbers.providerDate("2017-05-21 11:56:11", CLOCK)).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11));
        assertThat(InboundNumbers.providerDate("2017-05-21T11:56:11", CLOCK)).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11));
        assertThat(InboundNumbers.providerDate("2017-05-21T11:56:11.5+01:00", CLOCK)).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56, 11, 500_000_000));
        assertThat(InboundNumbers.providerDate("2017-05-21 11:56", CLOCK)).isEqualTo(LocalDateTime.of(2017, 5, 21, 11, 56));
    }

    @Test
    void anUnparseableDateIsNowAndAMissingOneNull() {
        assertThat(InboundNumbers.providerDate("13-05-2020 08:37:43", CLOCK)).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7));
        assertThat(InboundNumbers.providerDate("", CLOCK)).isNull();
        assertThat(InboundNumbers.providerDate(null, CLOCK)).isNull();
    }
}
