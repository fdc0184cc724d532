package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BroadcastRedeliveryCheckTest {

    @Test
    void theAdrNumbersAreSafe() {
        assertThat(BroadcastRedeliveryCheck.problems(240_000, 1_000, 310, false)).isEmpty();
        assertThat(BroadcastRedeliveryCheck.problems(2_400, 200, 3, false)).isEmpty();
    }

    @Test
    void aCapNotBelowTheVisibilityTimeoutRefusesToStart() {
        assertThat(BroadcastRedeliveryCheck.problems(300_000, 1_000, 300, false)).singleElement().asString()
                .contains("notify.broadcasts.maximum-redelivery-delay (300000 ms) must be below")
                .contains("notify.queues.broadcast-tasks.visibility-timeout (300 s)");
        assertThat(BroadcastRedeliveryCheck.problems(300_000, 1_000, 310, false)).isEmpty();
        assertThat(BroadcastRedeliveryCheck.problems(310_000, 1_000, 310, false)).hasSize(1);
    }

    @Test
    void theHazardCanOnlyBeAllowedExplicitly() {
        assertThat(BroadcastRedeliveryCheck.problems(6_000, 200, 3, true)).isEmpty();
    }

    @Test
    void theFirstDelayMustBePositiveAndNotAboveTheCap() {
        assertThat(BroadcastRedeliveryCheck.problems(2_000, 0, 310, false)).hasSize(1);
        assertThat(BroadcastRedeliveryCheck.problems(2_000, 3_000, 310, false)).hasSize(1);
    }
}
