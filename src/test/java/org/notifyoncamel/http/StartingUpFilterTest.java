package org.notifyoncamel.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before the routes have started, and while they stop, a request gets 503 with Retry-After, never 404 (ADR 0191). */
class StartingUpFilterTest {

    private static MockHttpServletResponse send(StartingUpFilter filter, String path, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void requestsWaitFor503UntilEveryRouteHasStartedAndAgainWhenStopping() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:post-sms-notification").routeId("post-sms-notification").log("sms");
                }
            });
            StartingUpFilter filter = new StartingUpFilter(camel);

            MockFilterChain before = new MockFilterChain();
            MockHttpServletResponse starting = send(filter, "/v2/notifications/sms", before);
            assertThat(starting.getStatus()).isEqualTo(503);
            assertThat(starting.getHeader("Retry-After")).isEqualTo("1");
            assertThat(starting.getContentAsString()).contains("\"status_code\":503").contains(StartingUpFilter.ERROR)
                    .contains(StartingUpFilter.STARTING);
            assertThat(before.getRequest()).as("the request went no further").isNull();
            MockHttpServletResponse admin = send(filter, "/service", new MockFilterChain());
            assertThat(admin.getStatus()).isEqualTo(503);
            assertThat(admin.getContentAsString()).contains("\"result\":\"error\"");

            MockFilterChain probe = new MockFilterChain();
            send(filter, "/readyz", probe);
            assertThat(probe.getRequest()).as("probes answer for themselves").isNotNull();

            camel.start();
            MockFilterChain started = new MockFilterChain();
            assertThat(send(filter, "/v2/notifications/sms", started).getStatus()).isEqualTo(200);
            assertThat(started.getRequest()).isNotNull();

            camel.stop();
            assertThat(send(filter, "/v2/notifications/sms", new MockFilterChain()).getStatus()).isEqualTo(503);
        }
    }
}
