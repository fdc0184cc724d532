package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiIntegrationTest;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.InboundTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The admin's inbox: /service/{id}/inbound-sms, /most-recent (paged), /summary, /{id} (inbound-sms.md 5.2). */
@ApiIntegrationTest
class InboundSmsAdminTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;

    Http admin;
    InboundTestData inbound;
    TestService service;
    String base;
    Instant now;

    @BeforeEach
    void setUp() {
        admin = Http.admin(port);
        inbound = new InboundTestData(jdbc, cipher);
        service = new ApiTestData(jdbc, cipher, events).service(false, "sms", "inbound_sms");
        base = "/service/" + service.id() + "/inbound-sms";
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    UUID text(String from, String content, Instant createdAt) {
        return inbound.text(service.id(), "07900900123", from, content, createdAt);
    }

    /** Older than any retention window: London midnight, N days before today (UTC). */
    static Instant before(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).atStartOfDay(ZoneId.of("Europe/London")).toInstant().minusSeconds(60);
    }

    @Test
    void searchListsTheRetentionWindowNewestFirstAndFiltersByNormalisedNumber() {
        UUID old = text("447700900111", "too old", before(7));
        UUID first = text("447700900111", "first", now.minusSeconds(30));
        UUID second = text("447700900222", "second", now.minusSeconds(20));
        UUID third = text("447700900111", "third", now.minusSeconds(10));

        Http.Response all = admin.post(base, Map.of());
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(ids(all.json().get("data"))).containsExactly(third.toString(), second.toString(), first.toString()).doesNotContain(old.toString());
        JsonNode item = all.json().get("data").get(0);
        assertThat(item.get("content").asText()).isEqualTo("third");
        assertThat(item.get("user_number").asText()).isEqualTo("447700900111");
        assertThat(item.get("notify_number").asText()).isEqualTo("07900900123");
        assertThat(item.get("service_id").asText()).isEqualTo(service.id().toString());
        assertThat(item.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        Http.Response filtered = admin.post(base, Map.of("phone_number", "07700 900111"));
        assertThat(ids(filtered.json().get("data"))).containsExactly(third.toString(), first.toString());
    }

    @Test
    void theServicesSmsRetentionWidensTheWindow() {
        UUID eightDaysOld = text("447700900111", "eight days", before(8).plus(2, ChronoUnit.HOURS).plusSeconds(60));
        assertThat(ids(admin.post(base, Map.of()).json().get("data"))).doesNotContain(eightDaysOld.toString());
        jdbc.update("INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at) "
                + "VALUES (?, ?, 'sms', 10, now())", UUID.randomUUID(), service.id());
        assertThat(ids(admin.post(base, Map.of()).json().get("data"))).contains(eightDaysOld.toString());
    }

    @Test
    void searchWithoutAJsonObjectIsAV2ValidationError() {
        Http.Response none = admin.send("POST", base, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("status_code").asInt()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("error").asText()).isEqualTo("ValidationError");
        assertThat(none.json().get("errors").get(0).get("message").asText()).isEqualTo("None is not of type object");
        Http.Response wrongType = admin.post(base, Map.of("phone_number", 7700900111L));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("message").asText()).isEqualTo("phone_number 7700900111 is not of type string");
    }

    @Test
    void mostRecentKeepsTheNewestTextOfEachSenderAndPagesBy50() {
        List<UUID> newest = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String from = "4477009" + String.format("%05d", i);
            text(from, "older " + i, now.minusSeconds(1000 + i));
            newest.add(text(from, "newest " + i, now.minusSeconds(100 + i)));
        }
        Http.Response page1 = admin.get(base + "/most-recent");
        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        assertThat(page1.json().get("has_next").asBoolean()).isTrue();
        assertThat(ids(page1.json().get("data"))).hasSize(50).containsExactlyElementsOf(newest.subList(0, 50).stream().map(UUID::toString).toList());
        Http.Response page2 = admin.get(base + "/most-recent?page=2");
        assertThat(page2.json().get("has_next").asBoolean()).isFalse();
        assertThat(ids(page2.json().get("data"))).containsExactly(newest.get(50).toString());

        Http.Response past = admin.get(base + "/most-recent?page=3");
        assertThat(past.status()).isEqualTo(404);
        assertThat(past.json().get("message").asText()).startsWith("The requested URL was not found on the server.");
        assertThat(admin.get(base + "/most-recent?page=x").status()).isEqualTo(400);
    }

    @Test
    void mostRecentOfAnEmptyInboxIsAnEmptyFirstPage() {
        Http.Response empty = admin.get(base + "/most-recent?page=1");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("data")).isEmpty();
        assertThat(empty.json().get("has_next").asBoolean()).isFalse();
    }

    @Test
    void summaryCountsSevenDaysAndGivesTheNewestAsANaiveIsoString() {
        Http.Response empty = admin.get(base + "/summary");
        assertThat(empty.json().get("count").asInt()).isZero();
        assertThat(empty.json().get("most_recent").isNull()).isTrue();

        text("447700900111", "old", before(7));
        text("447700900111", "a", now.minusSeconds(60));
        Instant newest = now.truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000);
        text("447700900222", "b", newest);
        JsonNode summary = admin.get(base + "/summary").json();
        assertThat(summary.get("count").asInt()).isEqualTo(2);
        assertThat(summary.get("most_recent").asText()).isEqualTo(newest.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
    }

    @Test
    void oneTextByIdIsBareAndOtherServicesTextsAreNotFound() {
        UUID id = text("447700900111", "hello", before(30));
        Http.Response one = admin.get(base + "/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(one.json().get("content").asText()).isEqualTo("hello");

        TestService other = new ApiTestData(jdbc, cipher, events).service(false);
        Http.Response elsewhere = admin.get("/service/" + other.id() + "/inbound-sms/" + id);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("message").asText()).isEqualTo("No result found");
    }

    @Test
    void theViewsNeedAnAdminToken() {
        assertThat(Http.anonymous(port).get(base + "/summary").status()).isEqualTo(401);
    }

    static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
