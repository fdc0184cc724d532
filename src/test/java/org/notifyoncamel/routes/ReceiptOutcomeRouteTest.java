package org.notifyoncamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.queues.RetryMessage;
import org.notifyoncamel.receipts.ReceiptResult;

/** Routes receipt-outcome and process-sms-receipt (routes/receipts-processing.camel.yaml) on their own. */
@RouteLevelTest
class ReceiptOutcomeRouteTest extends RouteLevelTestSupport {

    @EndpointInject("mock:direct:publish-retry")
    MockEndpoint retries;
    @EndpointInject("mock:direct:publish-service-callback")
    MockEndpoint callbacks;

    @BeforeEach
    void advise() throws Exception {
        RouteAdvice.mockAndSkip(camel, "receipt-outcome", "direct:publish-*");
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aRetryIsPublishedOnRetryTasksAndNoCallback() throws InterruptedException {
        RetryMessage retry = new RetryMessage("{\"task\":\"process-ses-result\",\"retries\":1}", 7);
        retries.expectedBodiesReceived(retry);
        callbacks.expectedMessageCount(0);
        producer.sendBody("direct:receipt-outcome", ReceiptResult.retryLater(retry));
        MockEndpoint.assertIsSatisfied(retries, callbacks);
    }

    @Test
    void everyCallbackIsPublishedOnItsOwnAndNothingIsRetried() throws InterruptedException {
        callbacks.expectedBodiesReceived("{\"callback\":1}", "{\"callback\":2}");
        retries.expectedMessageCount(0);
        producer.sendBody("direct:receipt-outcome", ReceiptResult.withCallbacks(List.of("{\"callback\":1}", "{\"callback\":2}")));
        MockEndpoint.assertIsSatisfied(retries, callbacks);
    }

    @Test
    void aFinalReceiptWithoutCallbacksPublishesNothing() throws InterruptedException {
        retries.expectedMessageCount(0);
        callbacks.expectedMessageCount(0);
        producer.sendBody("direct:receipt-outcome", ReceiptResult.done());
        MockEndpoint.assertIsSatisfied(retries, callbacks);
    }

    /** A receipt for a notification not (yet) visible is retried later on retry-tasks, one retry further on. */
    @Test
    void anSmsReceiptForAnUnknownNotificationIsRetriedNotDropped() throws InterruptedException {
        retries.expectedMessageCount(1);
        callbacks.expectedMessageCount(0);
        String reference = UUID.randomUUID().toString();
        producer.sendBody("direct:process-sms-receipt", tasks.read(
                "{\"status\":\"3\",\"reference\":\"" + reference + "\",\"client_name\":\"MMG\",\"detailed_status_code\":\"2\"}",
                "process-sms-client-response"));
        MockEndpoint.assertIsSatisfied(retries, callbacks);
        RetryMessage retry = retries.getReceivedExchanges().get(0).getMessage().getBody(RetryMessage.class);
        assertThat(retry.message()).contains("\"task\":\"process-sms-client-response\"", "\"retries\":1", reference);
    }
}
