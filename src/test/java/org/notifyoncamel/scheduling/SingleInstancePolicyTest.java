package org.notifyoncamel.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Two runs of one job at once: the second is skipped while the first holds the advisory lock. */
@IntegrationTest
class SingleInstancePolicyTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aJobNeverRunsTwiceAtOnce() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:single-instance-probe").routeId("single-instance-probe").routePolicyRef("singleInstance")
                        .process(e -> {
                            runs.incrementAndGet();
                            firstStarted.countDown();
                            release.await(10, TimeUnit.SECONDS);
                        });
            }
        });
        Thread first = new Thread(() -> producer.sendBody("direct:single-instance-probe", "one"));
        first.start();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

        producer.sendBody("direct:single-instance-probe", "two");
        assertThat(runs.get()).as("the overlapping run was skipped").isEqualTo(1);

        release.countDown();
        first.join(10_000);
        producer.sendBody("direct:single-instance-probe", "three");
        release.countDown();
        assertThat(runs.get()).as("the lock is released after a run").isEqualTo(2);
    }

    @Test
    void lockKeysAreStablePerJob() {
        assertThat(SingleInstancePolicy.lockKey("a")).isEqualTo(SingleInstancePolicy.lockKey("a"));
        assertThat(SingleInstancePolicy.lockKey("a")).isNotEqualTo(SingleInstancePolicy.lockKey("b"));
    }
}
