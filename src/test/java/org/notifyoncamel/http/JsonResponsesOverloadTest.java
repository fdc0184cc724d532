package org.notifyoncamel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.Overloaded;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Running out of capacity is a 503 with Retry-After, never a 500 (ADR 0073). */
class JsonResponsesOverloadTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private Exchange failed(String path, Throwable failure) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        new JsonResponses(mapper).error(exchange);
        return exchange;
    }

    @Test
    void noDatabaseConnectionInTimeIsA503InTheV2Shape() throws Exception {
        Exchange exchange = failed("/v2/notifications/sms", new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(exchange.getMessage().getHeader("Retry-After")).isEqualTo("1");
        JsonNode body = mapper.readTree(exchange.getMessage().getBody(byte[].class));
        assertThat(body.path("status_code").asInt()).isEqualTo(503);
        assertThat(body.path("errors").get(0).path("error").asText()).isEqualTo("ServiceUnavailableError");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo(JsonResponses.OVERLOADED);
    }

    @Test
    void overloadedIsA503InTheLegacyShapeOnTheInternalApi() throws Exception {
        Exchange exchange = failed("/service", new org.apache.camel.RuntimeCamelException(new Overloaded("queue full")));
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        JsonNode body = mapper.readTree(exchange.getMessage().getBody(byte[].class));
        assertThat(body.path("result").asText()).isEqualTo("error");
        assertThat(body.path("message").asText()).isEqualTo(JsonResponses.OVERLOADED);
    }

    @Test
    void otherFailuresStay500AndClientErrorsStayTheirOwn() throws Exception {
        assertThat(failed("/v2/notifications/sms", new IllegalStateException("bug")).getMessage()
                .getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(failed("/v2/notifications/sms", ApiError.badRequest("bad")).getMessage()
                .getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(JsonResponses.overloaded(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    }
}
