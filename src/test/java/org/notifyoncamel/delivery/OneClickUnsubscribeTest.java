package org.notifyoncamel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.simulators.ProviderSimulators;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.DeliveryIntegrationTest;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One-click unsubscribe end to end: POST /v2/notifications/email with {@code one_click_unsubscribe_url}, the
 * notification row, the send-email worker, the raw MIME message SES (the simulator, over HTTP) receives with
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, and GET /v2/notifications/{id}.
 */
@DeliveryIntegrationTest
class OneClickUnsubscribeTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String URL = "https://example.gov.uk/unsubscribe?list=news&token=a1b2";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ProviderSimulators providers;

    Http api;
    UUID template;

    @BeforeEach
    void setUp() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false);
        TestKey key = data.apiKey(service, "normal");
        api = Http.apiKey(port, key.serviceId().toString(), key.secret());
        template = data.template(service, "email", "email " + ApiTestData.unique(), "Hi ((name))", "Dear ((name))");
    }

    Map<String, Object> email(String unsubscribeUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email_address", "someone@example.gov.uk");
        body.put("template_id", template.toString());
        body.put("personalisation", Map.of("name", "Jo"));
        if (unsubscribeUrl != null) {
            body.put("one_click_unsubscribe_url", unsubscribeUrl);
        }
        return body;
    }

    @Test
    void theUrlIsStoredSentToSesAsBothHeadersAndReturnedOnGet() {
        Http.Response created = api.post("/v2/notifications/email", email(URL));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(jdbc.queryForObject("SELECT one_click_unsubscribe_url FROM notifications WHERE id = ?::uuid", String.class, id))
                .isEqualTo(URL);

        Poll.until(WAIT, "the email reaches SES", () -> providers.sends("ses", id) == 1);
        assertThat(providers.sesListHeaders(id)).containsExactly(
                Map.entry("List-Unsubscribe", "<" + URL + ">"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

        Http.Response got = api.get("/v2/notifications/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().get("one_click_unsubscribe_url").asText()).isEqualTo(URL);
    }

    @Test
    void anEmailWithoutAUrlHasNeitherHeaderAndGetSaysNull() {
        Http.Response created = api.post("/v2/notifications/email", email(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        Poll.until(WAIT, "the email reaches SES", () -> providers.sends("ses", id) == 1);
        assertThat(providers.sesListHeaders(id)).isEmpty();
        assertThat(api.get("/v2/notifications/" + id).json().get("one_click_unsubscribe_url").isNull()).isTrue();
    }

    @Test
    void onlyHttpsUrlsAreAccepted() {
        Http.Response http = api.post("/v2/notifications/email", email("http://example.gov.uk/unsubscribe"));
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.json().get("errors").get(0).get("message").asText())
                .isEqualTo("one_click_unsubscribe_url must be an https URL");
        Http.Response mailto = api.post("/v2/notifications/email", email("mailto:unsubscribe@example.gov.uk"));
        assertThat(mailto.status()).isEqualTo(400);
        assertThat(mailto.json().get("errors").get(0).get("message").asText())
                .isEqualTo("one_click_unsubscribe_url is not a valid URL");
    }
}
