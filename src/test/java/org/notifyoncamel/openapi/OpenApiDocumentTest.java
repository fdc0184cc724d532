package org.notifyoncamel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.HeadlessChromium;
import org.notifyoncamel.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * GET /v2/openapi.json: an OpenAPI 3.1 document of the public API alone, served without a JWT, in which every v2 verb
 * of the REST DSL has an operation with a documented success body (ADR 0160). A new /v2 endpoint without its
 * {@code responseMessage} fails here, naming itself.
 */
@ApiIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    JsonNode document() {
        Http.Response response = Http.anonymous(port).get("/v2/openapi.json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.headers().get("Content-Type").get(0)).startsWith("application/json");
        return response.json();
    }

    @Test
    void isAnOpenApi31DocumentThatSwaggerParserReadsWithoutComplaint() throws java.io.IOException {
        JsonNode document = document();
        // kept for reading and for client generators: target/openapi.json is the document this build checked
        Files.writeString(Path.of("target", "openapi.json"), document.toPrettyString());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/title").asText()).contains("public API");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void describesTheJwtBearerSchemeForEveryOperation() {
        JsonNode document = document();
        JsonNode scheme = document.at("/components/securitySchemes/notifyJwt");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.at("/security/0").has("notifyJwt")).isTrue();
    }

    @Test
    void everyPublicVerbOfTheRestDslIsAnOperationWithItsSuccessBodyAndTheErrorBody() {
        JsonNode paths = document().get("paths");
        List<String> missing = new ArrayList<>();
        for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = PublicApiDocument.path(rest, verb);
                if (!path.startsWith("/v2/") || "false".equals(verb.getApiDocs())) {
                    continue;
                }
                String method = verb.asVerb().toLowerCase(Locale.ROOT);
                JsonNode operation = paths.path(path).path(method);
                String name = method.toUpperCase(Locale.ROOT) + " " + path + " (route " + verb.getRouteId() + ")";
                if (operation.isMissingNode()) {
                    missing.add(name + ": no operation");
                    continue;
                }
                if (!operation.path("operationId").isTextual()) {
                    missing.add(name + ": no id");
                }
                boolean documentedSuccess = false;
                for (String code : List.of("200", "201")) {
                    JsonNode content = operation.path("responses").path(code).path("content");
                    documentedSuccess |= content.elements().hasNext() && content.elements().next().has("schema");
                }
                if (!documentedSuccess) {
                    missing.add(name + ": no responseMessage with a responseModel for its 200/201");
                }
                if (!operation.path("responses").path("400").path("$ref").asText().endsWith("/Error400")) {
                    missing.add(name + ": no v2 error response");
                }
            }
        }
        assertThat(missing).as("REST DSL verbs the OpenAPI document does not describe").isEmpty();
    }

    @Test
    void leavesOutTheInternalApiTheSimulatorsAndTheDocumentItself() {
        List<String> paths = new ArrayList<>();
        document().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith("/v2/"), "a /v2 path")
                .doesNotContain("/v2/openapi.json", "/v2/notifications/{notification_type}");
        assertThat(paths).contains("/v2/notifications/sms", "/v2/notifications/email", "/v2/notifications/letter",
                "/v2/notifications", "/v2/notifications/{notification_id}", "/v2/notifications/{notification_id}/pdf",
                "/v2/template/{template_id}", "/v2/template/{template_id}/version/{version}", "/v2/templates",
                "/v2/template/{template_id}/preview", "/v2/received-text-messages", "/v2/broadcast");
    }

    @Test
    void swaggerUiShowsEveryOperationInAHeadlessBrowser() throws Exception {
        int operations = document().get("paths").findValues("operationId").size();
        try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1000)) {
            chromium.navigate("http://127.0.0.1:" + port + "/api-docs/index.html");
            chromium.waitFor("document.querySelector('.info .title') ? document.querySelector('.info .title').textContent : ''",
                    v -> v.asText().contains("public API"), Duration.ofSeconds(60), "the document's title");
            JsonNode paths = chromium.waitFor("Array.from(document.querySelectorAll('.opblock-summary-path')).map(p => p.textContent)",
                    v -> v.size() >= operations, Duration.ofSeconds(30), "every operation");
            List<String> shown = new ArrayList<>();
            paths.forEach(p -> shown.add(p.asText().replace("\u200b", "")));
            assertThat(shown).contains("/v2/notifications/sms", "/v2/notifications/{notification_id}", "/v2/broadcast");
            Files.write(Path.of("target", "swagger-ui.png"), chromium.screenshot());
        }
    }

    @Test
    void requestBodiesAreClosedAndCarryTheirRules() {
        JsonNode schemas = document().at("/components/schemas");
        JsonNode email = schemas.get("EmailNotificationRequest");
        assertThat(email.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(email.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("email_address", "template_id");
        assertThat(email.at("/properties/one_click_unsubscribe_url/format").asText()).isEqualTo("uri");
        assertThat(schemas.at("/LetterNotificationRequest/oneOf")).hasSize(2);
        assertThat(schemas.at("/Error/required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("status_code", "errors");
        assertThat(schemas.at("/SmsNotificationRequest/properties/phone_number/example").asText()).isEqualTo("07700900123");
    }
}
