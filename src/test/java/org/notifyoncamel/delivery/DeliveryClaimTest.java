package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The claim that makes delivery idempotent (docs/adr/0040), against PostgreSQL. */
@DeliveryIntegrationTest
class DeliveryClaimTest {

    @Autowired
    DeliveryStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;

    UUID created() {
        DeliveryTestData data = new DeliveryTestData(jdbc, cipher);
        DeliveryTestData.Service service = data.service();
        return data.notification(service, data.smsTemplate(service, "Claim"), "07700900123", Map.of(), "normal");
    }

    @Test
    void ofManyConcurrentAttemptsExactlyOneClaimsTheRow() throws Exception {
        UUID id = created();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<Instant>>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<Optional<Instant>> attempt = () -> {
                Instant now = Timestamps.now();
                return store.claim(id, now, now.minus(Duration.ofMinutes(2)));
            };
            attempts.add(pool.submit(attempt));
        }
        int claims = 0;
        for (Future<Optional<Instant>> attempt : attempts) {
            claims += attempt.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(claims).isEqualTo(1);
    }

    @Test
    void aReleasedClaimCanBeTakenAgainAndAnExpiredOneTakenOver() {
        UUID id = created();
        Instant first = store.claim(id, Timestamps.now(), Timestamps.now().minus(Duration.ofMinutes(2))).orElseThrow();
        assertThat(store.release(id, first, 1, Timestamps.now())).isTrue();
        assertThat(jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, id)).isEqualTo("created");

        Instant second = store.claim(id, Timestamps.now(), Timestamps.now().minus(Duration.ofMinutes(2))).orElseThrow();
        // the worker holding the second claim dies; after the lease another takes over
        Instant later = second.plus(Duration.ofMinutes(3));
        Instant third = store.claim(id, later, later.minus(Duration.ofMinutes(2))).orElseThrow();
        assertThat(store.confirm(id, second, "mmg", "sending", 1, null, Timestamps.now()))
                .as("the dead worker's claim is no longer valid").isFalse();
        assertThat(store.confirm(id, third, "firetext", "sending", 1, null, Timestamps.now())).isTrue();
        assertThat(store.claim(id, later, later.minus(Duration.ofMinutes(2)))).as("sent: never claimed again").isEmpty();
        assertThat(store.release(id, third, 1, Timestamps.now())).as("a confirmed send is never released").isFalse();
    }
}
