package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SmsProviderSelectionTest {

    static final List<SmsProviderSelection.Candidate> POOL = List.of(
            new SmsProviderSelection.Candidate("mmg", 10, true),
            new SmsProviderSelection.Candidate("firetext", 20, false));

    @Test
    void theFirstChoiceFollowsThePriorities() {
        Random random = new Random(42);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            first.merge(SmsProviderSelection.weightedOrder(POOL, random::nextDouble).get(0), 1, Integer::sum);
        }
        assertThat(first.get("firetext") / 30_000.0).isBetween(0.63, 0.70);
        assertThat(first.get("mmg") / 30_000.0).isBetween(0.30, 0.37);
    }

    @Test
    void everyProviderIsAFailoverCandidateEvenAtPriorityZero() {
        List<SmsProviderSelection.Candidate> pool = List.of(
                new SmsProviderSelection.Candidate("mmg", 0, true),
                new SmsProviderSelection.Candidate("firetext", 100, false));
        for (double draw : new double[] {0.0, 0.5, 0.999}) {
            assertThat(SmsProviderSelection.weightedOrder(pool, () -> draw)).containsExactly("firetext", "mmg");
        }
    }

    @Test
    void allZeroPrioritiesStillGiveAnOrder() {
        List<SmsProviderSelection.Candidate> pool = List.of(
                new SmsProviderSelection.Candidate("mmg", 0, true),
                new SmsProviderSelection.Candidate("firetext", 0, false));
        assertThat(SmsProviderSelection.weightedOrder(pool, () -> 0.99)).containsExactlyInAnyOrder("mmg", "firetext");
    }
}
