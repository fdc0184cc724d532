package org.notifyoncamel.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;

/**
 * AdviceWith for route-level tests: the hops leaving the route under test go to mock endpoints
 * ({@code mock:direct:publish-retry}, ...) and are skipped, so a test asserts what the route would hand on.
 * Each route is advised once per (shared) context.
 */
final class RouteAdvice {

    private RouteAdvice() {
    }

    static synchronized void mockAndSkip(CamelContext camel, String routeId, String... endpoints) throws Exception {
        String marker = "route-level-advised-" + routeId;
        if (camel.getRegistry().lookupByName(marker) != null) {
            return;
        }
        AdviceWith.adviceWith(camel, routeId, route -> route.mockEndpointsAndSkip(endpoints));
        camel.getRegistry().bind(marker, Boolean.TRUE);
    }
}
