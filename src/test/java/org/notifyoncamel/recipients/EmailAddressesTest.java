package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "email@domain.com",
        "email@domain.COM",
        "firstname.lastname@domain.com",
        "firstname.o'lastname@domain.com",
        "email@subdomain.domain.com",
        "firstname+lastname@domain.com",
        "1234567890@domain.com",
        "email@domain-one.com",
        "_______@domain.com",
        "email@domain.name",
        "email@domain.superlongtld",
        "email@domain.co.jp",
        "firstname-lastname@domain.com",
        "info@german-financial-services.vermögensberatung",
        "info@german-financial-services.reallylongarbitrarytldthatiswaytoohugejustincase",
        "japanese-info@例え.テスト",
        "test@müller.de",
        "x@xn--mller-kva.de",
        "!#$%&'*+/=?^_`{|}~-@example.com",
    })
    void validAddresses(String address) {
        assertThat(EmailAddresses.validate(address)).isEqualTo(address);
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "email@123.123.123.123",
        "email@[123.123.123.123]",
        "plainaddress",
        "@no-local-part.com",
        "Outlook Contact <outlook-contact@domain.com>",
        "no-at.domain.com",
        "no-tld@domain",
        ";beginning-semicolon@domain.co.uk",
        "middle-semicolon@domain.co;uk",
        "trailing-semicolon@domain.com;",
        "\"email+leading-quotes@domain.com",
        "email+middle\"-quotes@domain.com",
        "\"quoted-local-part\"@domain.com",
        "\"quoted@domain.com\"",
        "lots-of-dots@domain..gov..uk",
        "two-dots..in-local@domain.com",
        "multiple@domains@domain.com",
        "spaces in local@domain.com",
        "spaces-in-domain@dom ain.com",
        "underscores-in-domain@dom_ain.com",
        "pipe-in-domain@example.com|gov.uk",
        "comma,in-local@gov.uk",
        "comma-in-domain@domain,gov.uk",
        "pound-sign-in-local£@domain.com",
        "local-with-’-apostrophe@domain.com",
        "local-with-”-quotes@domain.com",
        "domain-starts-with-a-dot@.domain.com",
        "brackets(in)local@domain.com",
        "incorrect-punycode@xn---something.com",
        "label-too-long@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        "trailing-dot@domain.com.",
        "hyphen-end@domain-.com",
        "numeric-tld@domain.c0m",
        "one-letter-tld@domain.c",
        "",
        "email@double--hyphen.com",
    })
    void invalidAddresses(String address) {
        assertThatThrownBy(() -> EmailAddresses.validate(address))
            .isInstanceOf(InvalidRecipientException.class)
            .hasMessage("Not a valid email address");
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @Test
    void lengthLimits() {
        String host = "@" + "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".com";
        String ok = "x".repeat(320 - host.length()) + host;
        assertThat(EmailAddresses.isValid(ok)).isTrue();
        assertThat(EmailAddresses.isValid("x" + ok)).isFalse();
        String longHost = "a@" + ("a".repeat(60) + ".").repeat(5) + "com";
        assertThat(EmailAddresses.isValid(longHost)).isFalse();
    }

    @Test
    void stripsInvisibleCharactersAndWhitespace() {
        assertThat(EmailAddresses.validate("  \u200Bemail@domain.com\u00A0\n")).isEqualTo("email@domain.com");
        assertThat(EmailAddresses.normalise(" Email@Domain.COM ")).isEqualTo("email@domain.com");
    }

    @Test
    void simulatedAddressesMatchExactly() {
        assertThat(SimulatedRecipients.isSimulatedEmail("simulate-delivered@notifications.service.gov.uk")).isTrue();
        assertThat(SimulatedRecipients.isSimulatedEmail("simulate-delivered-3@notifications.service.gov.uk")).isTrue();
        assertThat(SimulatedRecipients.isSimulatedEmail("simulate-delivered-4@notifications.service.gov.uk")).isFalse();
    }

    @Test
    void simulatedNumbersMatchAfterFormatting() {
        assertThat(SimulatedRecipients.isSimulatedRawNumber("07700900000")).isTrue();
        assertThat(SimulatedRecipients.isSimulatedRawNumber("+44 7700 900111")).isTrue();
        assertThat(SimulatedRecipients.isSimulatedRawNumber("07700 900 222")).isTrue();
        assertThat(SimulatedRecipients.isSimulatedRawNumber("07700900333")).isFalse();
        assertThat(SimulatedRecipients.isSimulatedRawNumber("not a number")).isFalse();
        assertThat(SimulatedRecipients.isSimulatedNumber("447700900000")).isTrue();
    }
}
