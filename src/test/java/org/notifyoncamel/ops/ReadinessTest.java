package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The readiness group: the database and the role's routes, not Redis or SQS (ADR 0190); all four in the full health. */
@IntegrationTest
class ReadinessTest {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Test
    void readinessIsUpAndCoversTheDatabaseAndRoutesButNotRedisOrSqs() {
        Http.Response response = Http.anonymous(port).get("/actuator/health/readiness");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode components = response.json().get("components");
        java.util.List<String> names = new java.util.ArrayList<>();
        components.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("readinessState", "db", "camelRoutes");
        for (String name : names) {
            assertThat(components.path(name).path("status").asText()).as(name + " in " + response.body()).isEqualTo("UP");
        }
        Http.Response health = Http.anonymous(port).get("/actuator/health");
        for (String name : new String[] {"redis", "sqs"}) {
            assertThat(health.json().path("components").path(name).path("status").asText()).as(name + " in " + health.body()).isEqualTo("UP");
        }
        assertThat(health.json().path("components").path("redis").path("details").path("enabled").asBoolean()).isTrue();
        assertThat(components.get("camelRoutes").get("details").get("started").asInt()).isEqualTo(
                camel.getRoutes().stream().filter(r -> !Boolean.FALSE.equals(r.isAutoStartup())).count());
        // liveness does not depend on the backing services
        Http.Response liveness = Http.anonymous(port).get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("components").has("db")).isFalse();
    }

    @Test
    void aStoppedRouteTakesTheInstanceOutOfReadiness() throws Exception {
        String route = "status-live-counts";
        assertThat(camel.getRouteController().getRouteStatus(route)).isEqualTo(ServiceStatus.Started);
        camel.getRouteController().stopRoute(route);
        try {
            Http.Response response = Http.anonymous(port).get("/actuator/health/readiness");
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            JsonNode routes = response.json().get("components").get("camelRoutes");
            assertThat(routes.get("status").asText()).isEqualTo("DOWN");
            assertThat(routes.get("details").get("notStarted").get(route).asText()).isEqualTo("Stopped");
            assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute(route);
        }
        Http.Response again = Http.anonymous(port).get("/actuator/health/readiness");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }

    @Test
    void sqsIsDownQuicklyWhenUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SqsClient unreachable = SqsClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            long start = System.nanoTime();
            Health health = new SqsHealthIndicator(unreachable, "prefix-", Duration.ofSeconds(1)).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void redisIndicatorIsUpAndSaysSoWhenRedisIsDisabled() {
        Health health = new RedisHealthIndicator(false, null).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("enabled", false);
    }
}
