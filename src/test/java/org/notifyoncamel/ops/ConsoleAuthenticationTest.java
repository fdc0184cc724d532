package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With notify.console.authentication on (production's default), Hawtio and Jolokia need the console credentials. */
@IntegrationTest
@TestPropertySource(properties = {
        "notify.console.authentication=true",
        "notify.console.username=operator",
        "notify.console.password=console-password-for-tests",
        "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext
class ConsoleAuthenticationTest {

    static final String JOLOKIA = "/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage";

    @LocalServerPort
    int port;

    @Test
    void consolesAnswer401WithoutCredentials() {
        for (String path : new String[] {"/actuator/hawtio/", "/actuator/hawtio/index.html", "/actuator/jolokia", JOLOKIA}) {
            Http.Response response = Http.anonymous(port).get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.headers().get("www-authenticate")).as(path).anyMatch(h -> h.startsWith("Basic"));
        }
    }

    @Test
    void consolesAnswer401WithWrongCredentials() {
        assertThat(Http.anonymous(port).withAuthorization(basic("operator", "wrong")).get(JOLOKIA).status()).isEqualTo(401);
        assertThat(Http.anonymous(port).withAuthorization(basic("someone", "console-password-for-tests")).get("/actuator/hawtio/").status())
                .isEqualTo(401);
        assertThat(Http.anonymous(port).withAuthorization("Bearer console-password-for-tests").get(JOLOKIA).status()).isEqualTo(401);
    }

    @Test
    void consolesAnswer200WithCredentials() {
        Http client = Http.anonymous(port).withAuthorization(basic("operator", "console-password-for-tests"));
        Http.Response hawtio = client.get("/actuator/hawtio/");
        assertThat(hawtio.status()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");
        Http.Response jolokia = client.get(JOLOKIA);
        assertThat(jolokia.status()).isEqualTo(200);
        assertThat(jolokia.json().get("value").get("used").isIntegralNumber()).isTrue();
    }

    @Test
    void otherEndpointsStayOpen() {
        assertThat(Http.anonymous(port).get("/_status?simple=1").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
