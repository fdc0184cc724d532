package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.notifyoncamel.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * With console authentication on (production's default), Hawtio and Jolokia are reached with the console
 * credentials only, however the path is spelled (issue 10: six spellings used to reach Jolokia without them);
 * with them, Jolokia runs route operations but not ManagedCamelContext's send/request operations; health shows
 * details to the console user only.
 */
@IntegrationTest
@DisableJmx(false)
@TestPropertySource(properties = {
        "camel.main.jmx-enabled=true",
        "notify.console.authentication=true",
        "notify.console.username=operator",
        "notify.console.password=console-password-for-tests",
        "management.endpoint.health.show-details=when-authorized",
        "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext
class ConsoleSecurityTest {

    static final String JOLOKIA = "/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage";
    static final String OPERATOR = basic("operator", "console-password-for-tests");

    /** Spellings of the console paths that a string-prefix check misses or a container normalises. */
    static final List<String> SPELLINGS = List.of(
            "/actuator/jolokia/version",
            "/actuator/jolokia",
            "/actuator/jolokia/",
            "/actuator;x/jolokia/version",
            "/actuator//jolokia/version",
            "/actuator/%6Aolokia/version",
            "/actuator/%6aolokia/version",
            "//actuator/jolokia/version",
            "/actuator/./jolokia/version",
            "/actuator/%2e/jolokia/version",
            "/actuator/%2E/jolokia/version",
            "/./actuator/jolokia/version",
            "/actuator/x/../jolokia/version",
            "/actuator/%2e%2e/actuator/jolokia/version",
            "/actuator%2fjolokia/version",
            "/actuator%2Fjolokia/version",
            "/actuator/jolokia;x/version",
            "/actuator/jolokia;jsessionid=x/version",
            "/actuator/JOLOKIA/version",
            "/Actuator/jolokia/version",
            "/actuator/jolokia/version/",
            "/actuator/jolokia/version?x=1",
            "/actuator\\jolokia/version",
            "/actuator/jolokia%2fversion",
            "/actuator/hawtio",
            "/actuator/hawtio/",
            "/actuator/hawtio/index.html",
            "/actuator/%68awtio/",
            "/actuator;x/hawtio/",
            "//actuator/hawtio/",
            "/actuator/./hawtio/",
            "/actuator/HAWTIO/",
            "/actuator/hawtio/camel",
            "/actuator/hawtio/jolokia/version");

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Test
    void noSpellingOfTheConsolePathsReachesAConsoleWithoutCredentials() throws Exception {
        for (String path : SPELLINGS) {
            for (String method : new String[] {"GET", "POST"}) {
                byte[] body = method.equals("POST") ? "{\"type\":\"version\"}".getBytes(StandardCharsets.UTF_8) : null;
                RawHttp.Response response = RawHttp.send(port, method + " " + path + " HTTP/1.1", "Content-Type: application/json", body);
                assertThat(response.status()).as(method + " " + path + ": " + response).isIn(400, 401, 404);
                assertThat(response.body()).as(method + " " + path).doesNotContainIgnoringCase("hawtio")
                        .doesNotContain("\"agent\"").doesNotContain("\"value\"").doesNotContain("\"protocol\"");
            }
        }
    }

    @Test
    void firewallRejectionsAre400InTheEndpointsErrorShape() throws Exception {
        RawHttp.Response admin = RawHttp.get(port, "//_status", null);
        assertThat(admin.status()).isEqualTo(400);
        assertThat(json(admin.body()).get("result").asText()).isEqualTo("error");
        RawHttp.Response v2 = RawHttp.get(port, "/v2/notifications;x=1", null);
        assertThat(v2.status()).isEqualTo(400);
        assertThat(json(v2.body()).get("status_code").asInt()).isEqualTo(400);
        assertThat(json(v2.body()).get("errors").get(0).get("error").asText()).isEqualTo("BadRequestError");
    }

    @Test
    void consolesAnswer401WithoutOrWithWrongCredentials() {
        for (String path : new String[] {"/actuator/hawtio/", "/actuator/hawtio/index.html", "/actuator/jolokia", JOLOKIA}) {
            Http.Response response = Http.anonymous(port).get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.headers().get("www-authenticate")).as(path).anyMatch(h -> h.startsWith("Basic"));
        }
        assertThat(Http.anonymous(port).withAuthorization(basic("operator", "wrong")).get(JOLOKIA).status()).isEqualTo(401);
        assertThat(Http.anonymous(port).withAuthorization(basic("someone", "console-password-for-tests")).get("/actuator/hawtio/").status())
                .isEqualTo(401);
        assertThat(Http.anonymous(port).withAuthorization("Bearer console-password-for-tests").get(JOLOKIA).status()).isEqualTo(401);
    }

    @Test
    void consolesAnswer200WithCredentials() {
        Http client = Http.anonymous(port).withAuthorization(OPERATOR);
        Http.Response hawtio = client.get("/actuator/hawtio/");
        assertThat(hawtio.status()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");
        Http.Response jolokia = client.get(JOLOKIA);
        assertThat(jolokia.status()).isEqualTo(200);
        assertThat(jolokia.json().get("value").get("used").isIntegralNumber()).isTrue();
    }

    @Test
    void jolokiaRefusesContextSendOperationsButStopsAndStartsRoutes() throws Exception {
        String context = camel.getManagementStrategy().getManagementObjectNameStrategy().getObjectNameForCamelContext(camel).toString();
        JsonNode send = exec(context, "sendBody(java.lang.String,java.lang.Object)", "\"direct:status\"", "\"x\"");
        assertThat(send.get("status").asInt()).as(send.toString()).isEqualTo(403);
        JsonNode request = exec(context, "requestBody(java.lang.String,java.lang.Object)", "\"jdbc:dataSource\"", "\"select current_user\"");
        assertThat(request.get("status").asInt()).as(request.toString()).isEqualTo(403);
        assertThat(request.toString()).doesNotContain("postgres");
        JsonNode heapDump = exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap", "\"/tmp/notify-heap.hprof\"", "true");
        assertThat(heapDump.get("status").asInt()).as(heapDump.toString()).isEqualTo(403);
        JsonNode diagnostic = exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties");
        assertThat(diagnostic.get("status").asInt()).as(diagnostic.toString()).isEqualTo(403);
        JsonNode write = post("{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}");
        assertThat(write.get("status").asInt()).as(write.toString()).isEqualTo(403);

        String route = "admin-list-provider-details";
        String routeMbean = camel.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForRoute(camel.getRoute(route)).toString();
        JsonNode stop = exec(routeMbean, "stop()");
        assertThat(stop.get("status").asInt()).as(stop.toString()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus(route)).isEqualTo(ServiceStatus.Stopped);
        JsonNode start = exec(routeMbean, "start()");
        assertThat(start.get("status").asInt()).as(start.toString()).isEqualTo(200);
        Poll.until(java.time.Duration.ofSeconds(10), route + " started", () -> camel.getRouteController().getRouteStatus(route) == ServiceStatus.Started);
        JsonNode read = post("{\"type\":\"read\",\"mbean\":" + quote(routeMbean) + ",\"attribute\":\"State\"}");
        assertThat(read.get("value").asText()).isEqualTo("Started");
    }

    @Test
    void otherSitesPagesCannotUseTheConsole() throws Exception {
        RawHttp.Response evil = RawHttp.get(port, JOLOKIA, "Authorization: " + OPERATOR + "\r\nOrigin: http://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.header("Access-Control-Allow-Origin")).isNotEqualTo("http://evil.example");
        RawHttp.Response image = RawHttp.get(port, JOLOKIA, "Authorization: " + OPERATOR + "\r\nSec-Fetch-Site: cross-site");
        assertThat(image.status()).isEqualTo(403);
        RawHttp.Response own = RawHttp.get(port, JOLOKIA, "Authorization: " + OPERATOR + "\r\nOrigin: http://127.0.0.1:" + port
                + "\r\nSec-Fetch-Site: same-origin");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void healthShowsDetailsToTheConsoleUserOnlyAndOtherEndpointsStayOpen() {
        Http.Response anonymous = Http.anonymous(port).get("/actuator/health");
        assertThat(anonymous.status()).isIn(200, 503);
        assertThat(anonymous.json().has("components")).as(anonymous.body()).isFalse();
        assertThat(anonymous.body()).doesNotContain("details");
        Http.Response operator = Http.anonymous(port).withAuthorization(OPERATOR).get("/actuator/health");
        assertThat(operator.json().get("components").has("db")).as(operator.body()).isTrue();
        assertThat(Http.anonymous(port).withAuthorization(basic("operator", "wrong")).get("/actuator/health").status()).isEqualTo(401);

        assertThat(Http.anonymous(port).get("/_status?simple=1").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/livez").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/readyz").body()).doesNotContain("details");
        Http.Response prometheus = Http.anonymous(port).get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        // a Basic header on the API is the API's business (its own 401 body), not Spring Security's
        Http.Response api = Http.anonymous(port).withAuthorization(OPERATOR).get("/v2/notifications");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().get("status_code").asInt()).isEqualTo(401);
        assertThat(api.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("x-frame-options") || h.equalsIgnoreCase("set-cookie"));
    }

    private JsonNode exec(String mbean, String operation, String... arguments) throws Exception {
        return post("{\"type\":\"exec\",\"mbean\":" + quote(mbean) + ",\"operation\":" + quote(operation)
                + ",\"arguments\":[" + String.join(",", arguments) + "]}");
    }

    private JsonNode post(String request) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST /actuator/jolokia HTTP/1.1",
                "Authorization: " + OPERATOR + "\r\nContent-Type: application/json", request.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return json(response.body());
    }

    private static String quote(String value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
