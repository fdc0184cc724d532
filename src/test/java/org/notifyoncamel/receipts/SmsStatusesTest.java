package org.notifyoncamel.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsStatusesTest {

    @ParameterizedTest
    @CsvSource({
        "MMG, 2, permanent-failure", "MMG, 3, delivered", "MMG, 4, temporary-failure", "MMG, 5, permanent-failure",
        "Firetext, 0, delivered", "Firetext, 1, permanent-failure", "Firetext, 2, pending"})
    void providerStatuses(String client, String status, String expected) {
        assertThat(SmsStatuses.map(client, status)).contains(expected);
    }

    @Test
    void unknownStatusesHaveNoMapping() {
        assertThat(SmsStatuses.map("MMG", "0")).isEmpty();
        assertThat(SmsStatuses.map("Firetext", "3")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "101, permanent-failure", "102, temporary-failure", "103, temporary-failure", "104, temporary-failure",
        "201, permanent-failure", "301, permanent-failure", "302, temporary-failure", "401, permanent-failure",
        "900, temporary-failure", "000, permanent-failure", "999, permanent-failure"})
    void firetextCodesDecideAPermanentFailure(String code, String expected) {
        assertThat(SmsStatuses.decide("permanent-failure", code, "sending")).isEqualTo(expected);
    }

    @Test
    void codesDoNotTouchOtherStatusesAndPendingSoftensAPermanentFailure() {
        assertThat(SmsStatuses.decide("delivered", "102", "sending")).isEqualTo("delivered");
        assertThat(SmsStatuses.decide("permanent-failure", null, "pending")).isEqualTo("temporary-failure");
        assertThat(SmsStatuses.decide("permanent-failure", "None", "sending")).isEqualTo("permanent-failure");
    }
}
