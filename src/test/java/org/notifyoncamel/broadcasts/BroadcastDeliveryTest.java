package org.notifyoncamel.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyoncamel.support.BroadcastScenario.waitFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.broadcasts.CbcSimulator.Behaviour;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.BroadcastFlow;
import org.notifyoncamel.support.BroadcastIntegrationTest;
import org.notifyoncamel.support.BroadcastQueueWatch;
import org.notifyoncamel.support.BroadcastScenario;
import org.notifyoncamel.support.BroadcastTestData;
import org.notifyoncamel.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Sending broadcasts with ADR 0001's fix switched on (compressed time: see BroadcastIntegrationTest). */
@BroadcastIntegrationTest
class BroadcastDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    CbcSimulator simulator;

    @Autowired
    SqsClient sqs;

    @Autowired
    Queues queues;

    BroadcastQueueWatch watch;
    BroadcastTestData data;

    @BeforeEach
    void setUp() {
        simulator.reset();
        watch = BroadcastQueueWatch.attach(camel);
        data = new BroadcastTestData(jdbc);
    }

    @AfterEach
    void tearDown() throws Exception {
        watch.detach(camel);
        simulator.reset();
        camel.getRouteController().startRoute("broadcast-send-provider-message");
        camel.getRouteController().startRoute("consume-broadcast-tasks");
    }

    @Test
    void theRunningConsumerPollsOneMessageAtATimeAndExtendsVisibility() {
        Sqs2Endpoint endpoint = (Sqs2Endpoint) camel.getRoute("consume-broadcast-tasks").getEndpoint();
        assertThat(endpoint.getMaxMessagesPerPoll()).isEqualTo(1);
        assertThat(endpoint.getConfiguration().getVisibilityTimeout()).isEqualTo(3);
        assertThat(endpoint.getConfiguration().isExtendMessageVisibility()).isTrue();
        assertThat(endpoint.getConfiguration().getConcurrentConsumers()).isGreaterThanOrEqualTo(CbcNetwork.values().length);
        assertThat(endpoint.getConfiguration().getQueueName()).isEqualTo(queues.name(QueueNames.BROADCASTS));
        String queueTimeout = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(queues.url(QueueNames.BROADCASTS))
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT).build()).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
        assertThat(queueTimeout).isEqualTo("3");
        String otherTimeout = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(queues.url(QueueNames.SEND_SMS))
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT).build()).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
        assertThat(otherTimeout).isEqualTo("310");
    }

    @Test
    void eachProviderMessageIsAcknowledgedOnceAndDeliveredOnceWhileProxiesFail() {
        BroadcastScenario.Outcome outcome = BroadcastScenario.run(port, jdbc, simulator, watch, 6, Duration.ofSeconds(5), Duration.ofSeconds(40));

        assertThat(outcome.providerMessageIds()).hasSize(24);
        assertThat(outcome.statuses()).containsOnly("returned-ack");
        assertThat(outcome.acksPerIdentifier().keySet()).containsExactlyInAnyOrderElementsOf(outcome.providerMessageIds());
        assertThat(outcome.acksPerIdentifier().values()).containsOnly(1L);
        // 6 send-broadcast-event tasks and 24 provider-message tasks, each received from SQS exactly once
        assertThat(outcome.receivesPerMessage()).hasSize(30);
        assertThat(outcome.receivesPerMessage().values()).containsOnly(1L);
        // the outage really made Three's messages wait longer than the visibility timeout
        assertThat(simulator.requests()).filteredOn(r -> r.proxy().equals("three-2-proxy") && "failed".equals(r.outcome())).hasSizeGreaterThan(4);
        assertThat(simulator.requests()).filteredOn(r -> r.proxy().equals("o2-1-proxy")).extracting(CbcSimulator.Request::outcome)
                .containsOnly("timed-out");
    }

    @Test
    void aPrimaryDownMeansEveryAlertGoesThroughTheFailover() {
        simulator.behave("ee-1-proxy", Behaviour.HEALTHY.withDown(true));
        BroadcastFlow flow = new BroadcastFlow(Http.admin(port), data, false);
        data.restrictTo(flow.service, "ee");
        data.channel(flow.service, "severe");
        flow.broadcast("Leave now");
        flow.broadcast("Rhybudd llifogydd: ewch i dir uwch ŵ");
        List<String> ids = waitForAcknowledged(flow.service, 2);

        assertThat(simulator.requests()).filteredOn(CbcSimulator.Request::acknowledged).allMatch(r -> r.proxy().equals("ee-2-proxy"))
                .extracting(CbcSimulator.Request::identifier).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(simulator.requests()).filteredOn(r -> r.proxy().equals("ee-1-proxy")).hasSize(2)
                .extracting(CbcSimulator.Request::outcome).containsOnly("failed");
        JsonNode welsh = simulator.requests().stream().filter(CbcSimulator.Request::acknowledged)
                .filter(r -> r.payload().get("description").asText().startsWith("Rhybudd")).findFirst().orElseThrow().payload();
        assertThat(welsh.get("language").asText()).isEqualTo("cy-GB");
        assertThat(welsh.get("channel").asText()).isEqualTo("severe");
        assertThat(welsh.get("message_format").asText()).isEqualTo("cap");
        assertThat(welsh.get("headline").asText()).isEqualTo("GOV.UK Notify Broadcast");
        assertThat(welsh.get("sent").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
        assertThat(welsh.get("expires").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
        assertThat(welsh.get("areas").get(0).get("polygon").get(0).get(0).asDouble()).isEqualTo(53.10);
        assertThat(welsh.has("message_number")).isFalse();
    }

    @Test
    void aCancelFollowsItsAlertWithReferencesAndVodafoneNumbers() {
        BroadcastFlow flow = new BroadcastFlow(Http.admin(port), data, false);
        data.restrictTo(flow.service, "vodafone");
        String message = flow.broadcast("Leave now");
        waitForAcknowledged(flow.service, 1);
        assertThat(flow.status(message, "cancelled", flow.creator).status()).isEqualTo(200);
        waitForAcknowledged(flow.service, 2);

        List<JsonNode> sent = simulator.requests().stream().filter(CbcSimulator.Request::acknowledged).map(CbcSimulator.Request::payload).toList();
        assertThat(sent).extracting(p -> p.get("message_type").asText()).containsExactly("alert", "cancel");
        JsonNode alert = sent.get(0);
        JsonNode cancel = sent.get(1);
        assertThat(alert.get("message_format").asText()).isEqualTo("ibag");
        assertThat(alert.get("language").asText()).isEqualTo("English");
        assertThat(alert.get("message_number").asText()).matches("[0-9a-f]{8}");
        assertThat(cancel.get("references")).hasSize(1);
        assertThat(cancel.get("references").get(0).get("message_id").asText()).isEqualTo(alert.get("identifier").asText());
        assertThat(cancel.get("references").get(0).get("message_number").asText()).isEqualTo(alert.get("message_number").asText());
        assertThat(cancel.get("references").get(0).get("sent").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(cancel.get("message_number").asText()).isNotEqualTo(alert.get("message_number").asText());
    }

    @Test
    void anExpiredBroadcastIsGivenUpAsTechnicalFailure() {
        simulator.behave("o2-1-proxy", Behaviour.HEALTHY.withDown(true));
        simulator.behave("o2-2-proxy", Behaviour.HEALTHY.withDown(true));
        BroadcastFlow flow = new BroadcastFlow(Http.admin(port), data, false);
        data.restrictTo(flow.service, "o2");
        String message = flow.createDraft("Short lived").get("id").asText();
        Http.admin(port).post(flow.base() + "/" + message, Map.of("finishes_at", java.time.Instant.now().plusSeconds(2).toString()));
        assertThat(flow.status(message, "broadcasting", flow.approver).status()).isEqualTo(200);
        waitFor(() -> "technical-failure".equals(providerStatus(flow.service)), Duration.ofSeconds(15));
        assertThat(simulator.requests()).noneMatch(CbcSimulator.Request::acknowledged);
    }

    @Test
    void aWorkerStoppedWhileWaitingToRetryLeavesTheTaskOnTheQueueAndItIsSentOnce() throws Exception {
        simulator.behave("three-1-proxy", Behaviour.HEALTHY.withDown(true));
        simulator.behave("three-2-proxy", Behaviour.HEALTHY.withDown(true));
        BroadcastFlow flow = new BroadcastFlow(Http.admin(port), data, false);
        data.restrictTo(flow.service, "three");
        flow.broadcast("Leave now");
        waitFor(() -> simulator.requests().stream().filter(r -> r.proxy().equals("three-2-proxy")).count() >= 3, Duration.ofSeconds(15));

        // the worker stops while the task waits for its next retry
        camel.getRouteController().stopRoute("consume-broadcast-tasks", 1, TimeUnit.SECONDS);
        camel.getRouteController().stopRoute("broadcast-send-provider-message", 1, TimeUnit.SECONDS);
        assertThat(providerStatus(flow.service)).isEqualTo("sending");
        simulator.behave("three-1-proxy", Behaviour.HEALTHY);
        simulator.behave("three-2-proxy", Behaviour.HEALTHY);

        camel.getRouteController().startRoute("broadcast-send-provider-message");
        camel.getRouteController().startRoute("consume-broadcast-tasks");
        waitFor(() -> "returned-ack".equals(providerStatus(flow.service)), Duration.ofSeconds(20));

        String id = jdbc.queryForObject("""
                SELECT p.id::text FROM broadcast_provider_message p JOIN broadcast_event e ON e.id = p.broadcast_event_id
                WHERE e.service_id = ?""", String.class, flow.service);
        assertThat(simulator.requests()).filteredOn(CbcSimulator.Request::acknowledged).extracting(CbcSimulator.Request::identifier)
                .containsExactly(id);
        // the provider-message task came back from SQS after the stop
        String event = jdbc.queryForObject("SELECT id::text FROM broadcast_event WHERE service_id = ?", String.class, flow.service);
        assertThat(watch.receives()).filteredOn(r -> r.body().contains("send-broadcast-provider-message") && r.body().contains(event))
                .extracting(BroadcastQueueWatch.Receive::receiveCount).contains(1, 2);
    }

    private String providerStatus(UUID service) {
        List<String> statuses = jdbc.queryForList("""
                SELECT p.status FROM broadcast_provider_message p JOIN broadcast_event e ON e.id = p.broadcast_event_id
                WHERE e.service_id = ?""", String.class, service);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private List<String> waitForAcknowledged(UUID service, int count) {
        String sql = """
                SELECT p.id::text FROM broadcast_provider_message p JOIN broadcast_event e ON e.id = p.broadcast_event_id
                WHERE e.service_id = ? AND p.status = 'returned-ack'""";
        waitFor(() -> jdbc.queryForList(sql, String.class, service).size() >= count, Duration.ofSeconds(20));
        return jdbc.queryForList(sql, String.class, service);
    }
}
