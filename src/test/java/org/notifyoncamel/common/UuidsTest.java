package org.notifyoncamel.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UuidsTest {

    private static final String CANONICAL = "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6";

    @ParameterizedTest
    @ValueSource(strings = {
        "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6",
        "6CE466D0-FD6A-11E5-82F5-E0ACCB9D11A6",
        "6ce466d0fd6a11e582f5e0accb9d11a6",
        "{6ce466d0-fd6a-11e5-82f5-e0accb9d11a6}",
        "{{6ce466d0-fd6a-11e5-82f5-e0accb9d11a6}}",
        "urn:uuid:6ce466d0-fd6a-11e5-82f5-e0accb9d11a6",
        "6ce4-66d0fd6a11e582f5e0accb9d11a6",
        "6ce466d0-fd6a-11e5-82f5-e0accb9d1-1a6",
    })
    void acceptsPythonForms(String value) {
        assertThat(Uuids.canonical(value)).contains(CANONICAL);
        assertThat(Uuids.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not-a-uuid", "6ce466d0-fd6a-11e5-82f5-e0accb9d11a", "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6a",
        "6ce466d0-fd6a-11e5-82f5-e0accb9d11ag", "6ce466d0 fd6a 11e5 82f5 e0accb9d11a6",
    })
    void rejectsInvalid(String value) {
        assertThat(Uuids.parse(value)).isEmpty();
        assertThat(Uuids.isValid(value)).isFalse();
    }

    @Test
    void nonStringsAreInvalid() {
        assertThat(Uuids.isValid(1234)).isFalse();
        assertThat(Uuids.isValid(null)).isFalse();
    }

    @Test
    void pythonIntOddities() {
        // leading + (31 hex digits), 0x prefix (30 digits), surrounding spaces, single underscores
        assertThat(Uuids.canonical("+" + "1".repeat(31))).contains("01111111-1111-1111-1111-111111111111");
        assertThat(Uuids.canonical("0x" + "1".repeat(30))).contains("00111111-1111-1111-1111-111111111111");
        assertThat(Uuids.canonical(" " + "a".repeat(30) + " ")).isPresent();
        assertThat(Uuids.canonical("1_" + "a".repeat(30))).isPresent();
        assertThat(Uuids.canonical("1__" + "a".repeat(29))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6",
        "6CE466D0-FD6A-11E5-82F5-E0ACCB9D11A6",
        "6ce466d0fd6a11e582f5e0accb9d11a6",
        "{6ce466d0-fd6a-11e5-82f5-e0accb9d11a6}",
        "6ce4-66d0-fd6a-11e5-82f5-e0ac-cb9d-11a6",
    })
    void lookupAcceptsPostgresForms(String value) {
        assertThat(Uuids.forLookup(value)).contains(UUID.fromString(CANONICAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "urn:uuid:6ce466d0-fd6a-11e5-82f5-e0accb9d11a6",
        "{{6ce466d0-fd6a-11e5-82f5-e0accb9d11a6}}",
        "6ce466d0-fd6a-11e5-82f5-e0accb9d1-1a6",
        "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6-",
        "6ce466d0--fd6a-11e5-82f5-e0accb9d11a6",
        "6ce466d0-fd6a-11e5-82f5-e0accb9d11a6}",
    })
    void lookupRejectsFormsPostgresRefusesButPythonMayAccept(String value) {
        assertThat(Uuids.forLookup(value)).isEmpty();
    }
}
