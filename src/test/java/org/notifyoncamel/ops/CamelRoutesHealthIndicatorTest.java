package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CamelRoutesHealthIndicatorTest {

    @Test
    void upWhenEveryRouteIsStartedDownWhenOneIsStoppedOrSuspended() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("route-a").log("a");
                    from("direct:b").routeId("route-b").log("b");
                    from("direct:manual").routeId("route-manual").autoStartup(false).log("manual");
                }
            });
            CamelRoutesHealthIndicator indicator = new CamelRoutesHealthIndicator(camel);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN); // context not started yet

            camel.start();
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("started", 2);

            camel.getRouteController().stopRoute("route-b");
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("notStarted")).isEqualTo(Map.of("route-b", "Stopped"));

            camel.getRouteController().startRoute("route-b");
            camel.getRouteController().suspendRoute("route-a");
            assertThat(indicator.health().getDetails().get("notStarted")).isEqualTo(Map.of("route-a", "Suspended"));

            camel.getRouteController().resumeRoute("route-a");
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
    }
}
