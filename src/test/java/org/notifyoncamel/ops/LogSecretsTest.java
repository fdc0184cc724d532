package org.notifyoncamel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.TemplatesTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys, tokens and personalisation never reach the logs: every request below carries a unique
 * secret (in the Authorization header or the body), our own code logs at DEBUG and Spring MVC's
 * request logging is on, and none of the secrets appears in what was written. A failing route proves
 * the capture works: its error is logged, without the request body or exception messages.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogSecretsTest {

    static final String FAILING_ROUTE = "ops-log-secrets-test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void verboseLogging() throws Exception {
        logging.setLogLevel("org.notifyoncamel", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        // a route that fails unexpectedly with the request body in the exception messages, as Camel's type
        // converters, Jackson and PostgreSQL do with the values they fail on
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/ops-log-secrets-test?httpMethodRestrict=POST").routeId(FAILING_ROUTE)
                        .routeConfigurationId("http-errors")
                        .process(exchange -> {
                            String body = exchange.getMessage().getBody(String.class);
                            throw new IllegalStateException("cannot use " + body,
                                    new SQLException("duplicate key value: Key (name)=(" + body + ") already exists", "23505"));
                        });
            }
        });
    }

    @AfterEach
    void restore() throws Exception {
        logging.setLogLevel("org.notifyoncamel", null);
        logging.setLogLevel("org.springframework.web", null);
        camel.getRouteController().stopRoute(FAILING_ROUTE);
        camel.removeRoute(FAILING_ROUTE);
    }

    @Test
    void secretsInHeadersAndBodiesAreNeverLogged(CapturedOutput output) {
        String unique = UUID.randomUUID().toString();
        TemplatesTestData.Fixture fixture = new TemplatesTestData(jdbc).service();

        // an admin call with a valid JWT
        String adminToken = Http.adminToken(Http.ADMIN_SECRET, System.currentTimeMillis() / 1000);
        Http admin = Http.anonymous(port).withAuthorization("Bearer " + adminToken);
        assertThat(admin.get("/provider-details").status()).isEqualTo(200);

        // failing admin authentication: a token signed with the wrong secret, and an API key sent as a bearer token
        String wrongSecret = "wrong-internal-secret-" + unique;
        String forgedToken = Http.adminToken(wrongSecret, System.currentTimeMillis() / 1000);
        assertThat(Http.anonymous(port).withAuthorization("Bearer " + forgedToken).get("/provider-details").status()).isIn(401, 403);
        String apiKeySecret = "api-key-secret-" + unique;
        String apiKey = "my_key-" + fixture.service() + "-" + apiKeySecret;
        assertThat(Http.anonymous(port).withAuthorization("Bearer " + apiKey).get("/provider-details").status()).isIn(401, 403);
        String apiKeyToken = Http.apiToken(fixture.service(), apiKeySecret, System.currentTimeMillis() / 1000);
        assertThat(Http.anonymous(port).withAuthorization("Bearer " + apiKeyToken).get("/provider-details").status()).isIn(401, 403);

        // a callback bearer token stored (encrypted) by a successful write
        String bearerToken = "callback-bearer-token-" + unique;
        Http.Response created = admin.post("/service/" + fixture.service() + "/delivery-receipt-api",
                Map.of("url", "https://callbacks.example.gov.uk/" + unique, "bearer_token", bearerToken, "updated_by_id", fixture.user()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // personalisation-like values in bodies that fail validation
        String personalisation = "personalisation-secret-" + unique;
        Http.Response invalid = admin.post("/service/" + fixture.service() + "/inbound-api",
                Map.of("url", "not a url " + personalisation, "bearer_token", "inbound-bearer-" + unique, "updated_by_id", fixture.user()));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        Http.Response unknownField = admin.post("/service/" + fixture.service() + "/template",
                Map.of("name", "t", "template_type", "sms", "content", "Hello ((name))", "created_by", fixture.user(),
                        "personalisation", Map.of("name", personalisation)));
        assertThat(unknownField.status()).as(unknownField.body()).isEqualTo(400);
        Http.Response notJson = admin.post("/service/" + fixture.service() + "/delivery-receipt-api", "{\"bearer_token\": \"" + personalisation);
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);

        // an unexpected failure whose exception messages carry the request body
        String body = "{\"personalisation\": {\"secret\": \"" + personalisation + "-in-a-500\"}}";
        Http.Response failed = admin.post("/ops-log-secrets-test", body);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().get("message").asText()).isEqualTo("Internal server error");

        String logs = output.getAll();
        assertThat(logs).contains("Unexpected error in route " + FAILING_ROUTE)
                .contains("java.lang.IllegalStateException [message withheld]")
                .contains("java.sql.SQLException (SQL state 23505) [message withheld]");
        for (String secret : List.of(adminToken, forgedToken, wrongSecret, apiKey, apiKeySecret, apiKeyToken, bearerToken,
                personalisation, "inbound-bearer-" + unique, Http.ADMIN_SECRET)) {
            assertThat(logs).as("the logs contain a secret").doesNotContain(secret);
        }
        // and the JWTs' signatures alone neither
        for (String token : List.of(adminToken, forgedToken, apiKeyToken)) {
            assertThat(logs).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }
}
