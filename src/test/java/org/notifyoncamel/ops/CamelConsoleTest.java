package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.HeadlessChromium;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Camel JMX console: Camel's route statistics over HTTP through Jolokia (as a remote Hawtio or any
 * JMX-over-HTTP client reads them), and the embedded Hawtio console opened in headless Chromium, where
 * the Camel tree shows every route id of the role. The screenshot goes to target/hawtio-camel-routes.png
 * (docs/hawtio-camel-routes.png is a copy; run with -Dnotify.screenshot.dir=docs to refresh it).
 *
 * <p>Camel's test support turns JMX off unless asked (production runs with it on). The property makes
 * this a context of its own, so a cached JMX-less context is never reused here; it is closed afterwards
 * and uses a small pool, to spare the shared PostgreSQL's connections.
 */
@IntegrationTest
@DisableJmx(false)
@TestPropertySource(properties = {"camel.main.jmx-enabled=true", "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext
class CamelConsoleTest {

    /** The text of every tree node that Hawtio draws with its Camel route icon. */
    static final String ROUTE_NODES = "Array.from(document.querySelectorAll('#camel-tree-view img[alt=\"CamelRouteIcon\"]'))"
            + ".map(img => img.closest('.pf-v5-c-tree-view__node').querySelector('.pf-v5-c-tree-view__node-text').textContent)";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    /** The context key is "notify" in production; test contexts sharing one JVM get another unique name. */
    private String contextKey() {
        try {
            return camel.getManagementStrategy().getManagementObjectNameStrategy().getObjectNameForCamelContext(camel).getKeyProperty("context");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String mbean(String route) {
        return "org.apache.camel:context=" + contextKey() + ",type=routes,name=%22" + route + "%22";
    }

    @Test
    void routeExchangeCountersGrowWhenTheRouteIsCalled() {
        long before = exchangesTotal();
        for (int i = 0; i < 3; i++) {
            assertThat(Http.anonymous(port).get("/_status?simple=1").status()).isEqualTo(200);
        }
        // statistics are updated when the exchange completes, before the HTTP response is written
        assertThat(exchangesTotal()).isEqualTo(before + 3);
    }

    @Test
    void routeListIsReadableThroughJolokiaSearch() {
        Http.Response response = Http.anonymous(port).get("/actuator/jolokia/search/org.apache.camel:context=" + contextKey() + ",type=routes,*");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("name=\\\"status\\\"").contains("name=\\\"admin-list-provider-details\\\"");
    }

    @Test
    void routeAttributesIncludeStateAndProcessingTime() {
        Http.Response response = Http.anonymous(port)
                .get("/actuator/jolokia/read/" + mbean("status") + "/State,MeanProcessingTime,ExchangesFailed");
        assertThat(response.status()).isEqualTo(200);
        JsonNode value = response.json().get("value");
        assertThat(value).as(response.body()).isNotNull();
        assertThat(value.get("State").asText()).isEqualTo("Started");
        assertThat(value.has("MeanProcessingTime")).isTrue();
        assertThat(value.get("ExchangesFailed").isIntegralNumber()).isTrue();
    }

    private long exchangesTotal() {
        Http.Response response = Http.anonymous(port).get("/actuator/jolokia/read/" + mbean("status") + "/ExchangesTotal");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("status").asInt()).as(response.body()).isEqualTo(200);
        return json.get("value").asLong();
    }

    @Test
    void camelTreeShowsEveryRouteOfTheRole() throws Exception {
        List<String> routeIds = camel.getRoutes().stream().map(Route::getRouteId).sorted().toList();
        assertThat(routeIds).contains("status", "admin-list-provider-details");
        try (HeadlessChromium chromium = HeadlessChromium.start(1600, 900)) {
            chromium.navigate("http://127.0.0.1:" + port + "/actuator/hawtio/camel");
            // the Camel plugin loads the JMX tree through Jolokia, then draws the context with its routes folder
            chromium.waitFor("Array.from(document.querySelectorAll('#camel-tree-view .pf-v5-c-tree-view__node-text'))"
                    + ".some(b => b.textContent === 'routes')", JsonNode::asBoolean, Duration.ofSeconds(60), "the Camel tree");
            chromium.evaluate("Array.from(document.querySelectorAll('#camel-tree-view .pf-v5-c-tree-view__node-text'))"
                    + ".find(b => b.textContent === 'routes').click(); true");
            // the routes folder opens the routes table (state, exchanges, mean processing time)
            chromium.waitFor("Array.from(document.querySelectorAll('main table td')).some(td => td.textContent.trim() === 'status')",
                    JsonNode::asBoolean, Duration.ofSeconds(30), "the routes table");

            JsonNode nodes = chromium.waitFor(ROUTE_NODES, v -> v.size() >= routeIds.size(), Duration.ofSeconds(30), "every route node");
            List<String> shown = new ArrayList<>();
            nodes.forEach(n -> shown.add(n.asText()));
            assertThat(shown).containsAll(routeIds);

            byte[] png = chromium.screenshot();
            assertThat(png.length).isGreaterThan(10_000);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "hawtio-camel-routes.png"), png);
            String dir = System.getProperty("notify.screenshot.dir");
            if (dir != null) {
                Files.write(Path.of(dir, "hawtio-camel-routes.png"), png);
            }
        }
    }
}
