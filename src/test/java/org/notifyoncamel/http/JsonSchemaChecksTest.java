package org.notifyoncamel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class JsonSchemaChecksTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text);
    }

    final JsonSchemaChecks schema = JsonSchemaChecks.object()
            .property("name", JsonSchemaChecks.string().maxLength(3))
            .property("kind", JsonSchemaChecks.oneOf("a", "b"))
            .property("id", JsonSchemaChecks.uuid())
            .property("flag", JsonSchemaChecks.bool())
            .property("token", JsonSchemaChecks.string().minLength(4).nullable())
            .property("url", JsonSchemaChecks.httpsUrl())
            .property("email", JsonSchemaChecks.email())
            .required("name", "kind")
            .noAdditionalProperties();

    @Test
    void messagesFollowJsonschemaWithQuotesRemoved() throws Exception {
        assertThat(schema.problems(json("""
                {"name": "abcd", "kind": "c", "id": 5, "flag": null, "token": "ab", "url": "http://x", "email": "nope", "extra": 1}
                """))).containsExactly(
                "name abcd is too long",
                "kind c is not one of [a, b]",
                "id is not a valid UUID",
                "flag None is not of type boolean",
                "token ab is too short",
                "url is not a valid https url",
                "email Not a valid email address",
                "Additional properties are not allowed (extra was unexpected)");
    }

    @Test
    void requiredComeAfterPropertyErrors() throws Exception {
        assertThat(schema.problems(json("{\"flag\": \"yes\"}"))).containsExactly(
                "flag yes is not of type boolean", "name is a required property", "kind is a required property");
        assertThat(schema.problems(json("{\"name\": 1, \"kind\": \"a\", \"token\": 7}")))
                .containsExactly("name 1 is not of type string", "token 7 is not of type string, null");
    }

    @Test
    void validBodiesPass() throws Exception {
        ObjectNode ok = json("""
                {"name": "ab", "kind": "a", "id": "5b4c3e5a-0000-4000-8000-000000000000", "flag": true, "token": null,
                 "url": "https://example.gov.uk/a?b=c", "email": "a@example.gov.uk"}
                """);
        assertThat(schema.validate(ok)).isSameAs(ok);
    }

    @Test
    void validateThrowsA400WithEveryProblem() throws Exception {
        assertThatThrownBy(() -> schema.validate(json("{}")))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(ApiError.Entry::error).containsOnly("ValidationError");
                    assertThat(e.errors()).hasSize(2);
                });
    }

    @Test
    void severalUnexpectedPropertiesUseWere() throws Exception {
        assertThat(JsonSchemaChecks.object().noAdditionalProperties().problems(json("{\"a\": 1, \"b\": 2}")))
                .containsExactly("Additional properties are not allowed (a, b were unexpected)");
    }
}
