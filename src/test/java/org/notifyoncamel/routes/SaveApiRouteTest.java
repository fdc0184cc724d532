package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.notifications.NewNotification;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.SentToQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Route save-api-notification (routes/delivery-save-api.camel.yaml) and its save-errors policy on their own. */
@RouteLevelTest
class SaveApiRouteTest extends RouteLevelTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    Queues queues;
    @Autowired
    ObjectMapper mapper;
    @EndpointInject("mock:direct:publish-retry")
    MockEndpoint retries;

    DeliveryTestData data;
    SentToQueues sent;

    @BeforeEach
    void setUp() throws Exception {
        RouteAdvice.mockAndSkip(camel, "save-api-notification", "direct:publish-*");
        MockEndpoint.resetMocks(camel);
        data = new DeliveryTestData(jdbc, cipher);
        sent = SentToQueues.on(camel, queues.prefix());
    }

    @Test
    void aSavedNotificationIsPersistedThenItsDeliverTaskQueued() throws InterruptedException {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Hello");
        UUID id = UUID.randomUUID();
        ObjectNode notification = mapper.createObjectNode().put("id", id.toString()).put("to", "07700900123")
                .put("service_id", service.id().toString()).put("template_id", template.id().toString())
                .put("template_version", template.version()).put("notification_type", "sms");
        retries.expectedMessageCount(0);

        producer.sendBody("direct:save-api-notification",
                tasks.read(mapper.createObjectNode().set("notification", notification).toString(), "save-api-sms"));

        assertThat(data.status(id)).isEqualTo("created");
        SentToQueues.Sent deliver = sent.await(s -> s.body() != null && s.body().contains(id.toString()), Duration.ofSeconds(5));
        assertThat(deliver).isNotNull();
        assertThat(deliver.queue()).isEqualTo("send-sms-tasks");
        assertThat(deliver.body()).isEqualTo("{\"notification_id\":\"" + id + "\"}");
        retries.assertIsSatisfied();
    }

    @Test
    void theOneClickUnsubscribeUrlTravelsInTheSaveTaskToTheRow() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.emailTemplate(service, "Hi", "Hello");
        UUID id = UUID.randomUUID();
        NewNotification accepted = new NewNotification(id, "jo@example.gov.uk", "jo@example.gov.uk", service.id(), template.id(),
                template.version(), null, "normal", "email", Instant.now(), "created", null, null, false, null, null, null, null, null)
                .withOneClickUnsubscribeUrl("https://example.gov.uk/unsubscribe?token=a1b2");

        producer.sendBody("direct:save-api-notification",
                tasks.read(mapper.createObjectNode().set("notification", mapper.valueToTree(accepted.columns())).toString(),
                        "save-api-email"));

        assertThat(data.row(id).get("one_click_unsubscribe_url")).isEqualTo("https://example.gov.uk/unsubscribe?token=a1b2");
    }

    @Test
    void anUnreadableSaveTaskIsDroppedNotRetried() throws InterruptedException {
        retries.expectedMessageCount(0);
        var exchange = producer.send("direct:save-api-notification",
                e -> e.getMessage().setBody(tasks.read("{\"notification\": \"not an object\"}", "save-api-email")));
        assertThat(exchange.getException()).isNull();
        retries.assertIsSatisfied();
    }
}
