package org.notifyoncamel.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.openapi.BeanConfig;
import org.apache.camel.openapi.OpenApiHelper;
import org.apache.camel.openapi.RestOpenApiReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI 3.1 document of the public API (v2), served at {@code GET /v2/openapi.json} (route
 * {@code get-openapi-document}). camel-openapi-java's reader builds it from the REST DSL of the verbs under
 * {@code /v2/} (paths, parameters, request and response schemas from {@link V2Schemas}, examples); the internal API
 * and the simulators are left out (ADR 0160). Added here, because they hold for every v2 operation alike: the JWT
 * bearer scheme, and the error responses every handler can give (400, 401, 403, 429, 500, 503; 404 for an operation
 * with a path id, 413 for a POST)
 * with the v2 error body. Built once, on the first request, when every route is loaded.
 */
@Component("publicApiDocument")
public class PublicApiDocument {

    static final String PUBLIC_PREFIX = "/v2/";
    static final String SECURITY_SCHEME = "notifyJwt";
    static final String ERROR_SCHEMA = "Error";

    private static final Map<String, String> COMMON_ERRORS = commonErrors();

    private final CamelContext camel;
    private final String serverUrl;
    private volatile JsonNode document;

    public PublicApiDocument(CamelContext camel, @Value("${notify.openapi.server-url}") String serverUrl) {
        this.camel = camel;
        this.serverUrl = serverUrl;
    }

    /** The document as JSON (what the route answers). */
    public JsonNode json() throws Exception {
        JsonNode built = document;
        if (built == null) {
            synchronized (this) {
                if (document == null) {
                    document = Json31.mapper().readTree(Json31.mapper().writeValueAsString(build()));
                }
                built = document;
            }
        }
        return built;
    }

    OpenAPI build() throws Exception {
        List<RestDefinition> rests = camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()
                .stream().filter(this::isPublic).toList();
        BeanConfig config = new BeanConfig();
        config.setVersion("3.1.0");
        config.setDefaultConsumes("application/json");
        config.setDefaultProduces("application/json");
        config.setInfo(new Info().title("Notify on Camel public API (v2)").version("2")
                .description("GOV.UK Notify's public API: send text messages, emails and letters, read their status, "
                        + "templates and received text messages, and submit CAP broadcasts. Every call takes an HS256 JWT "
                        + "(iss = service id, iat = now) signed with the API key's secret, as a bearer token."));
        OpenAPI openApi = new RestOpenApiReader().read(camel, rests, config, camel.getName(), camel.getClassResolver());
        OpenApiHelper.clearVendorExtensions(openApi);
        openApi.setServers(serverUrl == null || serverUrl.isBlank() ? null : List.of(new Server().url(serverUrl)));
        addSecurity(openApi);
        addCommonErrors(openApi);
        return openApi;
    }

    /** A rest is public when each of its verbs is under /v2/ (a rest definition is the unit the reader takes). */
    private boolean isPublic(RestDefinition rest) {
        return !rest.getVerbs().isEmpty() && rest.getVerbs().stream().allMatch(verb -> path(rest, verb).startsWith(PUBLIC_PREFIX));
    }

    static String path(RestDefinition rest, VerbDefinition verb) {
        return OpenApiHelper.buildUrl(rest.getPath() == null ? "" : rest.getPath(), verb.getPath());
    }

    private static void addSecurity(OpenAPI openApi) {
        components(openApi).addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("HS256 JWT with iss = the service id and iat = now (valid for 30 seconds), signed with the "
                        + "API key's secret (the last 36 characters of the key)"));
        openApi.setSecurity(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));
    }

    private static void addCommonErrors(OpenAPI openApi) {
        Components components = components(openApi);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(ERROR_SCHEMA)) {
            ModelConverters.getInstance(true).readAll(V2Schemas.ErrorResponse.class).forEach(components::addSchemas);
        }
        Schema<?> error = new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA);
        COMMON_ERRORS.forEach((code, description) -> components.addResponses("Error" + code, new ApiResponse()
                .description(description).content(new Content().addMediaType("application/json", new MediaType().schema(error)))));
        for (PathItem path : openApi.getPaths().values()) {
            path.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = responses(operation);
                boolean post = method == PathItem.HttpMethod.POST;
                boolean byId = operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
                COMMON_ERRORS.keySet().forEach(code -> {
                    boolean applies = switch (code) {
                        case "404" -> byId;
                        case "413" -> post;
                        default -> true;
                    };
                    if (applies && !responses.containsKey(code)) {
                        responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/Error" + code));
                    }
                });
            });
        }
    }

    private static Map<String, String> commonErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "ValidationError (the request failed its schema: one entry per problem) or BadRequestError");
        errors.put("401", "AuthError: no Authorization header, or not a bearer token");
        errors.put("403", "AuthError: the token is invalid, expired, or its key is revoked or unknown");
        errors.put("404", "NoResultFound: no such notification or template for this service");
        errors.put("413", "The request body is larger than the API accepts");
        errors.put("429", "RateLimitError (per key type) or TooManyRequestsError (the service's daily limit)");
        errors.put("500", "Internal server error");
        errors.put("503", "ServiceUnavailableError: overloaded, retry after the Retry-After seconds");
        return errors;
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }
}
