package org.notifyoncamel.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.model.BeanDefinition;

/**
 * AdviceWith for route-level tests: the hops leaving the route under test go to mock endpoints
 * ({@code mock:direct:publish-retry}, ...) and are skipped, so a test asserts what the route would hand on.
 * Each route is advised once per (shared) context.
 */
final class RouteAdvice {

    private RouteAdvice() {
    }

    static void mockAndSkip(CamelContext camel, String routeId, String... endpoints) throws Exception {
        adviseOnce(camel, routeId, route -> route.mockEndpointsAndSkip(endpoints));
    }

    /**
     * A route whose outgoing hop is a bean call (a provider client speaking HTTP): the bean step is replaced by
     * {@code mockUri}, whose behaviour (accept, throw) the test sets.
     */
    static void replaceBeanWithMock(CamelContext camel, String routeId, String mockUri) throws Exception {
        adviseOnce(camel, routeId, route -> route.weaveByType(BeanDefinition.class).replace().to(mockUri));
    }

    private interface Advice {
        void advise(AdviceWithRouteBuilder route) throws Exception;
    }

    private static synchronized void adviseOnce(CamelContext camel, String routeId, Advice advice) throws Exception {
        String marker = "route-level-advised-" + routeId;
        if (camel.getRegistry().lookupByName(marker) != null) {
            return;
        }
        AdviceWith.adviceWith(camel, routeId, advice::advise);
        camel.getRegistry().bind(marker, Boolean.TRUE);
    }
}
