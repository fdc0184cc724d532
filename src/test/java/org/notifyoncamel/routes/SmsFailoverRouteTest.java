package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.delivery.ProviderException;
import org.notifyoncamel.delivery.SmsSend;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.support.DeliveryTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliver SMS with failover: routes deliver-notification, deliver-sms, sms-provider-balancer and the provider
 * routes (routes/delivery-notifications.camel.yaml, routes/delivery-providers.camel.yaml; ADR 0042, 0104) on
 * their own. The provider hops (the MMG and Firetext clients) are replaced by mock endpoints; the balancer, the
 * deliver route's error policy and the notification rows are real. The balancer draws the first provider at
 * random, so a test fails "whichever provider comes first" rather than naming one.
 */
@RouteLevelTest
class SmsFailoverRouteTest extends RouteLevelTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @EndpointInject("mock:provider-mmg")
    MockEndpoint mmg;
    @EndpointInject("mock:provider-firetext")
    MockEndpoint firetext;
    @EndpointInject("mock:direct:publish-retry")
    MockEndpoint retries;

    DeliveryTestData data;
    /** The providers called for the one message of a test, in order. */
    final List<String> called = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        RouteAdvice.replaceBeanWithMock(camel, "sms-provider-mmg", "mock:provider-mmg");
        RouteAdvice.replaceBeanWithMock(camel, "sms-provider-firetext", "mock:provider-firetext");
        RouteAdvice.mockAndSkip(camel, "deliver-notification", "direct:publish-*");
        MockEndpoint.resetMocks(camel);
        data = new DeliveryTestData(jdbc, cipher);
        called.clear();
    }

    @Test
    void whenTheFirstProviderFailsTheSameAttemptGoesToTheOtherAndNothingIsRetried() throws InterruptedException {
        failingCalls(1);
        UUID id = smsNotification();
        retries.expectedMessageCount(0);

        Exchange result = producer.send("direct:deliver-notification", e -> e.getMessage().setBody(deliverTask(id)));

        assertThat(result.getException()).isNull();
        assertThat(called).as("providers called in order").hasSize(2).doesNotHaveDuplicates();
        assertThat(mmg.getReceivedCounter()).isEqualTo(1);
        assertThat(firetext.getReceivedCounter()).isEqualTo(1);
        SmsSend second = (called.get(1).equals("mmg") ? mmg : firetext).getReceivedExchanges().get(0).getMessage().getBody(SmsSend.class);
        assertThat(second.notificationId()).as("the failed-over provider gets the message itself").isEqualTo(id);
        Map<String, Object> row = data.row(id);
        assertThat(row.get("notification_status")).isEqualTo("sending");
        assertThat(row.get("sent_by")).as("recorded as sent by the provider that accepted").isEqualTo(called.get(1));
        retries.assertIsSatisfied();
    }

    @Test
    void whenEveryProviderFailsTheDeliverTaskIsRetriedOnRetryTasksAndTheClaimGivenBack() throws InterruptedException {
        failingCalls(2);
        UUID id = smsNotification();
        retries.expectedMessageCount(1);

        producer.sendBody("direct:deliver-notification", deliverTask(id));

        retries.assertIsSatisfied();
        assertThat(called).containsExactlyInAnyOrder("mmg", "firetext");
        RetryMessage retry = retries.getReceivedExchanges().get(0).getMessage().getBody(RetryMessage.class);
        assertThat(retry.message()).contains("\"task\":\"deliver_sms\"", "\"retries\":1", id.toString());
        Map<String, Object> row = data.row(id);
        assertThat(row.get("notification_status")).isEqualTo("created");
        assertThat(row.get("sent_by")).isNull();
    }

    /** The first {@code failures} provider calls answer like a provider down (5xx); later ones accept. */
    private void failingCalls(int failures) {
        for (String provider : List.of("mmg", "firetext")) {
            (provider.equals("mmg") ? mmg : firetext).whenAnyExchangeReceived(exchange -> {
                called.add(provider);
                if (called.size() <= failures) {
                    throw new ProviderException(provider, 503, "provider down");
                }
            });
        }
    }

    private UUID smsNotification() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template template = data.smsTemplate(service, "Failover ((n))");
        return data.notification(service, template, "07700900321", Map.of("n", 1), "normal");
    }

    private Object deliverTask(UUID id) {
        return tasks.read("{\"notification_id\":\"" + id + "\"}", "deliver_sms");
    }
}
