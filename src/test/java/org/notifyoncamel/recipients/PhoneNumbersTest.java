package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private static final InternationalBillingRates RATES = InternationalBillingRates.loadDefault();
    private final PhoneNumbers phoneNumbers = new PhoneNumbers(RATES);

    @Test
    void loadsAllPrefixes() {
        assertThat(RATES.size()).isEqualTo(214);
        assertThat(RATES.forPrefix("44")).hasValueSatisfying(r -> {
            assertThat(r.billableUnits()).isEqualTo(1);
            assertThat(r.dlrSupported()).isTrue();
        });
        assertThat(RATES.forPrefix("1")).hasValueSatisfying(r -> assertThat(r.dlrSupported()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "7700900123", "07700900123", "07700 900123", "07700-900-123", "(07700) 900123",
        "+447700900123", "+44 7700 900123", "+44 (0)7700 900123", "447700900123", "00447700900123",
        "0044 7700 900 123", "+(44) 77009-00123", "\t07700\u00A0900\u200B123\n", "\uFEFF07700900123",
        "0007700900123",
    })
    void validUkNumbers(String raw) {
        assertThat(PhoneNumbers.isUk(raw)).isTrue();
        assertThat(PhoneNumbers.validateUk(raw)).isEqualTo("447700900123");
        assertThat(phoneNumbers.validate(raw, true)).isEqualTo("447700900123");
        assertThat(phoneNumbers.validate(raw, false)).isEqualTo("447700900123");
    }

    @ParameterizedTest
    @CsvSource({
        "+44 7444 444444, 447444444444",
        "07444444444, 447444444444",
        "447444444444, 447444444444",
        "0044 7444 444 444, 447444444444",
    })
    void countryPrefixIsStrippedOnceNotEveryFour(String raw, String expected) {
        assertThat(PhoneNumbers.validateUk(raw)).isEqualTo(expected);
    }

    @Test
    void extraLeadingFourIsNoLongerSwallowed() {
        // the original stripped every leading 4, so "4447700900123" passed as 447700900123
        assertThatThrownBy(() -> PhoneNumbers.validateUk("4447700900123"))
            .isInstanceOf(InvalidRecipientException.class).hasMessage("Not a UK mobile number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0117 496 0860|Not a UK mobile number",
        "+44 20 7946 0000|Not a UK mobile number",
        "07700 9001234|Too many digits",
        "077009001|Not enough digits",
        "0770090012|Not enough digits",
        "07700 90012a|Must not contain letters or symbols",
        "07700.900123|Must not contain letters or symbols",
        "07700/900123|Must not contain letters or symbols",
        "''|Not a UK mobile number",
        "+|Not a UK mobile number",
        "447|Not enough digits",
    })
    void invalidUkNumbers(String raw, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.validateUk(raw))
            .isInstanceOf(InvalidRecipientException.class)
            .hasMessage(reason)
            .satisfies(e -> assertThat(((InvalidRecipientException) e).reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource({
        "+1 202 555 0104, 12025550104",
        "0033 6 12 34 56 78, 33612345678",
        "+33612345678, 33612345678",
        "+353 86 123 4567, 353861234567",
        "+7 912 345 67 89, 79123456789",
        "+81 90 1234 5678, 819012345678",
        "+1 (246) 555-0123, 12465550123",
    })
    void validInternationalNumbers(String raw, String expected) {
        assertThat(PhoneNumbers.isUk(raw)).isFalse();
        assertThat(phoneNumbers.validateInternational(raw)).isEqualTo(expected);
        assertThat(phoneNumbers.validate(raw, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+1 202 555|Not enough digits",
        "+33 6123456789012345|Too many digits",
        "+800 1234 5678|Not a valid country prefix",
        "+999 1234 5678|Not a valid country prefix",
        "+33 6 12 34 56 7X|Must not contain letters or symbols",
    })
    void invalidInternationalNumbers(String raw, String reason) {
        assertThatThrownBy(() -> phoneNumbers.validate(raw, true))
            .isInstanceOf(InvalidRecipientException.class).hasMessage(reason);
    }

    @Test
    void internationalNumberNotAllowedIsValidatedAsUk() {
        assertThatThrownBy(() -> phoneNumbers.validate("+33 6 12 34 56 78", false))
            .isInstanceOf(InvalidRecipientException.class).hasMessage("Not a UK mobile number");
    }

    @ParameterizedTest
    @CsvSource({
        "07700900123, true",
        "+447700900123, true",
        "7700900123, true",
        "77009001234, false",
        "+33612345678, false",
        "00447700900123, true",
        "0033612345678, false",
    })
    void isUk(String raw, boolean uk) {
        assertThat(PhoneNumbers.isUk(raw)).isEqualTo(uk);
    }

    @Test
    void normaliseStripsFormattingAndLeadingZeros() {
        assertThat(PhoneNumbers.normalise(" +(44) 77009-00855 ")).isEqualTo("447700900855");
        assertThat(PhoneNumbers.normalise("0044")).isEqualTo("44");
    }

    @ParameterizedTest
    @CsvSource({
        // raw, prefix, crown dependency, international, rate multiplier
        "07700900123, 44, false, false, 1",
        "07797 123456, 44, true, true, 1",
        "+44 7781 123456, 44, true, true, 1",
        "07624 123456, 44, true, true, 1",
        "07700 900 000, 44, false, false, 1",
        "07700 123456, 44, true, true, 1",
        "+1 202 555 0104, 1, false, true, 1",
        "+33612345678, 33, false, true, 2",
    })
    void internationalInfo(String raw, String prefix, boolean crown, boolean international, int multiplier) {
        var info = phoneNumbers.internationalInfo(raw);
        assertThat(info.prefix()).isEqualTo(prefix);
        assertThat(info.crownDependency()).isEqualTo(crown);
        assertThat(info.international()).isEqualTo(international);
        assertThat(info.rateMultiplier()).isEqualTo(multiplier);
    }

    @Test
    void rateMultiplierAndDlrComeFromTheBillingFile() {
        RATES.forPrefix("33").ifPresent(r -> {
            var info = phoneNumbers.internationalInfo("+33612345678");
            assertThat(info.rateMultiplier()).isEqualTo(r.billableUnits());
            assertThat(info.dlrSupported()).isEqualTo(r.dlrSupported());
        });
        assertThat(phoneNumbers.internationalInfo("+1 202 555 0104").dlrSupported()).isFalse();
    }

    @Test
    void longestPrefixWins() {
        assertThat(RATES.match("12465550123")).hasValueSatisfying(r -> assertThat(r.prefix()).isEqualTo("1246"));
        assertThat(RATES.match("12025550104")).hasValueSatisfying(r -> assertThat(r.prefix()).isEqualTo("1"));
    }

    @Test
    void crownDependencyRangeOnlyForUkNumbers() {
        assertThat(PhoneNumbers.isCrownDependency("447797123456")).isTrue();
        assertThat(PhoneNumbers.isCrownDependency("447700900123")).isFalse();
        assertThat(PhoneNumbers.isCrownDependency("337797123456")).isFalse();
    }
}
