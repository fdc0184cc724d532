package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.common.ServiceDataChanged;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.RecordedServiceDataChanges;
import org.notifyoncamel.support.TemplatesTestData;
import org.notifyoncamel.support.TemplatesTestData.Fixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class SendersAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordedServiceDataChanges changes;

    Fixture fx;
    Http admin;
    String base;

    @BeforeEach
    void setUp() {
        fx = new TemplatesTestData(jdbc).service();
        admin = Http.admin(port);
        base = "/service/" + fx.service();
    }

    static List<String> messages(Http.Response response) {
        return response.json().get("errors").findValues("message").stream().map(JsonNode::asText).toList();
    }

    JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    // ---------------------------------------------------------------- SMS senders

    @Test
    void smsSendersKeepExactlyOneDefault() {
        JsonNode first = created(admin.post(base + "/sms-sender", Map.of("sms_sender", "FIRST", "is_default", true)));
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "sms_sender", "service_id", "is_default", "archived",
                "inbound_number_id", "created_at", "updated_at");
        JsonNode second = created(admin.post(base + "/sms-sender", Map.of("sms_sender", "SECOND", "is_default", true)));

        JsonNode list = admin.get(base + "/sms-sender").json();
        assertThat(list).extracting(s -> s.get("sms_sender").asText()).containsExactly("SECOND", "FIRST");
        assertThat(list).extracting(s -> s.get("is_default").asBoolean()).containsExactly(true, false);
        assertThat(changes.forService(fx.serviceId())).contains(ServiceDataChanged.of(fx.serviceId(), ServiceDataChanged.Part.SENDERS));

        Http.Response undefault = admin.post(base + "/sms-sender/" + second.get("id").asText(), Map.of("sms_sender", "SECOND", "is_default", false));
        assertThat(undefault.status()).isEqualTo(400);
        assertThat(undefault.json().get("message").asText()).isEqualTo("You must have at least one SMS sender as the default");

        Http.Response back = admin.post(base + "/sms-sender/" + first.get("id").asText(), Map.of("sms_sender", "RENAMED", "is_default", true));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("sms_sender").asText()).isEqualTo("RENAMED");
        assertThat(admin.get(base + "/sms-sender/" + second.get("id").asText()).json().get("is_default").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_sms_senders WHERE service_id = ? AND is_default", Integer.class,
                fx.serviceId())).isEqualTo(1);
    }

    @Test
    void aNonDefaultSenderNeedsAnExistingDefault() {
        Http.Response response = admin.post(base + "/sms-sender", Map.of("sms_sender", "LONELY", "is_default", false));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("You must have at least one SMS sender as the default");
        assertThat(admin.get(base + "/sms-sender").json()).isEmpty();
    }

    @Test
    void archiveRulesForSmsSenders() {
        JsonNode main = created(admin.post(base + "/sms-sender", Map.of("sms_sender", "MAIN", "is_default", true)));
        JsonNode spare = created(admin.post(base + "/sms-sender", Map.of("sms_sender", "SPARE", "is_default", false)));

        Http.Response defaultArchive = admin.post(base + "/sms-sender/" + main.get("id").asText() + "/archive", null);
        assertThat(defaultArchive.status()).isEqualTo(400);
        assertThat(defaultArchive.json().get("message").asText()).isEqualTo("You cannot delete a default sms sender");

        Http.Response archived = admin.post(base + "/sms-sender/" + spare.get("id").asText() + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(admin.get(base + "/sms-sender/" + spare.get("id").asText()).status()).isEqualTo(404);
        assertThat(admin.get(base + "/sms-sender").json()).hasSize(1);
    }

    @Test
    void inboundNumberReplacesTheOnlySenderAndCannotChange() {
        TemplatesTestData data = new TemplatesTestData(jdbc);
        JsonNode only = created(admin.post(base + "/sms-sender", Map.of("sms_sender", "GOVUK", "is_default", true)));
        UUID numberId = data.inboundNumber();
        String number = jdbc.queryForObject("SELECT number FROM inbound_numbers WHERE id = ?", String.class, numberId);

        JsonNode replaced = created(admin.post(base + "/sms-sender",
                Map.of("sms_sender", number, "is_default", false, "inbound_number_id", numberId.toString())));
        assertThat(replaced.get("id").asText()).isEqualTo(only.get("id").asText());
        assertThat(replaced.get("sms_sender").asText()).isEqualTo(number);
        assertThat(replaced.get("inbound_number_id").asText()).isEqualTo(numberId.toString());
        assertThat(replaced.get("is_default").asBoolean()).isTrue();
        assertThat(admin.get(base + "/sms-sender").json()).hasSize(1);

        JsonNode allocated = admin.get("/inbound-number/service/" + fx.service()).json().get("data");
        assertThat(allocated.get("id").asText()).isEqualTo(numberId.toString());
        assertThat(allocated.get("service").get("id").asText()).isEqualTo(fx.service());

        Http.Response change = admin.post(base + "/sms-sender/" + only.get("id").asText(), Map.of("sms_sender", "OTHER", "is_default", true));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.json().get("message").asText()).isEqualTo("You can not change the inbound number for service " + fx.service());

        Http.Response archive = admin.post(base + "/sms-sender/" + only.get("id").asText() + "/archive", null);
        assertThat(archive.json().get("message").asText()).isEqualTo("You cannot delete an inbound number");

        // the number is taken now
        Fixture other = data.service();
        Http.Response taken = admin.post("/service/" + other.service() + "/sms-sender",
                Map.of("sms_sender", number, "is_default", true, "inbound_number_id", numberId.toString()));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("message").asText()).isEqualTo("Inbound number: " + numberId + " is not available");
    }

    @Test
    void inboundNumberIsAddedAsANewSenderWhenTheServiceHasSeveral() {
        created(admin.post(base + "/sms-sender", Map.of("sms_sender", "ONE", "is_default", true)));
        created(admin.post(base + "/sms-sender", Map.of("sms_sender", "TWO", "is_default", false)));
        UUID numberId = new TemplatesTestData(jdbc).inboundNumber();
        // as the admin's "set inbound number" page does: the number's id as sms_sender, replaced by the number
        JsonNode added = created(admin.post(base + "/sms-sender",
                Map.of("sms_sender", numberId.toString(), "is_default", false, "inbound_number_id", numberId.toString())));
        assertThat(added.get("inbound_number_id").asText()).isEqualTo(numberId.toString());
        assertThat(added.get("sms_sender").asText())
                .isEqualTo(jdbc.queryForObject("SELECT number FROM inbound_numbers WHERE id = ?", String.class, numberId));
        assertThat(admin.get(base + "/sms-sender").json()).hasSize(3);
    }

    @Test
    void smsSenderBadInputIs400() {
        Http.Response tooLong = admin.post(base + "/sms-sender", Map.of("sms_sender", "ABCDEFGHIJKL", "is_default", true));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(messages(tooLong)).containsExactly("sms_sender ABCDEFGHIJKL is too long");

        Http.Response badTypes = admin.post(base + "/sms-sender", Map.of("sms_sender", 5, "is_default", "yes", "inbound_number_id", "x"));
        assertThat(messages(badTypes)).containsExactlyInAnyOrder("sms_sender 5 is not of type string", "is_default yes is not of type boolean",
                "inbound_number_id is not a valid UUID");

        Http.Response missing = admin.post(base + "/sms-sender", Map.of());
        assertThat(messages(missing)).containsExactly("sms_sender is a required property", "is_default is a required property");

        Http.Response unknownNumber = admin.post(base + "/sms-sender",
                Map.of("sms_sender", "X", "is_default", true, "inbound_number_id", UUID.randomUUID().toString()));
        assertThat(unknownNumber.status()).isEqualTo(400);

        assertThat(admin.post(base + "/sms-sender", "[1]").status()).isEqualTo(400);
        assertThat(admin.post("/service/" + UUID.randomUUID() + "/sms-sender", Map.of("sms_sender", "X", "is_default", true)).status())
                .isEqualTo(404);
        assertThat(admin.get(base + "/sms-sender/" + UUID.randomUUID()).json().get("message").asText()).isEqualTo("No result found");
        assertThat(admin.post(base + "/sms-sender/" + UUID.randomUUID(), Map.of("sms_sender", "X", "is_default", true)).status()).isEqualTo(404);
        assertThat(admin.post(base + "/sms-sender/nope/archive", null).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- email reply-to

    @Test
    void replyToDefaultsAndDuplicates() {
        Http.Response noDefault = admin.post(base + "/email-reply-to", Map.of("email_address", "a@example.gov.uk", "is_default", false));
        assertThat(noDefault.status()).isEqualTo(400);
        assertThat(noDefault.json().get("message").asText()).isEqualTo("You must have at least one reply to email address as the default.");

        JsonNode first = created(admin.post(base + "/email-reply-to", Map.of("email_address", "a@example.gov.uk", "is_default", true))).get("data");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "service_id", "email_address", "is_default", "archived",
                "created_at", "updated_at");
        JsonNode second = created(admin.post(base + "/email-reply-to", Map.of("email_address", "b@example.gov.uk", "is_default", true))).get("data");

        Http.Response duplicate = admin.post(base + "/email-reply-to", Map.of("email_address", "a@example.gov.uk", "is_default", false));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asText()).isEqualTo("Your service already uses \u2018a@example.gov.uk\u2019 as an email reply-to address.");

        JsonNode list = admin.get(base + "/email-reply-to").json();
        assertThat(list).extracting(r -> r.get("email_address").asText()).containsExactly("b@example.gov.uk", "a@example.gov.uk");
        assertThat(list.get(1).get("is_default").asBoolean()).isFalse();

        Http.Response undefault = admin.post(base + "/email-reply-to/" + second.get("id").asText(),
                Map.of("email_address", "b@example.gov.uk", "is_default", false));
        assertThat(undefault.status()).isEqualTo(400);

        Http.Response updated = admin.post(base + "/email-reply-to/" + first.get("id").asText(),
                Map.of("email_address", "c@example.gov.uk", "is_default", true));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("data").get("email_address").asText()).isEqualTo("c@example.gov.uk");
        assertThat(admin.get(base + "/email-reply-to/" + second.get("id").asText()).json().get("is_default").asBoolean()).isFalse();

        Http.Response archiveDefault = admin.post(base + "/email-reply-to/" + first.get("id").asText() + "/archive", null);
        assertThat(archiveDefault.status()).isEqualTo(400);
        assertThat(archiveDefault.json().get("message").asText()).isEqualTo("You cannot delete a default email reply to address");

        Http.Response archived = admin.post(base + "/email-reply-to/" + second.get("id").asText() + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(admin.get(base + "/email-reply-to/" + second.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void replyToBadInputIs400() {
        Http.Response badEmail = admin.post(base + "/email-reply-to", Map.of("email_address", "not an email", "is_default", true));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(messages(badEmail)).containsExactly("email_address Not a valid email address");
        assertThat(messages(admin.post(base + "/email-reply-to", Map.of("is_default", 1))))
                .containsExactly("is_default 1 is not of type boolean", "email_address is a required property");
        assertThat(admin.get(base + "/email-reply-to/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/email-reply-to").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- letter contacts

    @Test
    void letterContactsMayHaveNoDefaultAndArchiveUnlinksTemplates() {
        JsonNode first = created(admin.post(base + "/letter-contact", Map.of("contact_block", "1 High St", "is_default", false))).get("data");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "service_id", "contact_block", "is_default", "archived",
                "created_at", "updated_at");
        JsonNode second = created(admin.post(base + "/letter-contact", Map.of("contact_block", "2 High St", "is_default", true))).get("data");
        created(admin.post(base + "/letter-contact", Map.of("contact_block", "3 High St", "is_default", true)));
        assertThat(admin.get(base + "/letter-contact/" + second.get("id").asText()).json().get("is_default").asBoolean()).isFalse();
        assertThat(admin.get(base + "/letter-contact").json()).extracting(c -> c.get("contact_block").asText())
                .containsExactly("3 High St", "2 High St", "1 High St");

        Http.Response updated = admin.post(base + "/letter-contact/" + first.get("id").asText(), Map.of("contact_block", "1 Low St", "is_default", false));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("data").get("contact_block").asText()).isEqualTo("1 Low St");

        Map<String, Object> template = Map.of("name", "letter", "template_type", "letter", "content", "Dear", "subject", "S",
                "service", fx.service(), "created_by", fx.user());
        String templateId = admin.post(base + "/template", template).json().get("data").get("id").asText();
        admin.post(base + "/template/" + templateId, Map.of("reply_to", first.get("id").asText()));

        Http.Response archived = admin.post(base + "/letter-contact/" + first.get("id").asText() + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(admin.get(base + "/template/" + templateId).json().get("data").get("service_letter_contact").isNull()).isTrue();
        assertThat(admin.get(base + "/letter-contact/" + first.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void letterContactBadInputIs400() {
        assertThat(messages(admin.post(base + "/letter-contact", Map.of("contact_block", List.of("a"), "is_default", true))))
                .containsExactly("contact_block [a] is not of type string");
        assertThat(admin.post(base + "/letter-contact/" + UUID.randomUUID(), Map.of("contact_block", "x", "is_default", true)).status())
                .isEqualTo(404);
        assertThat(admin.post(base + "/letter-contact/" + UUID.randomUUID() + "/archive", null).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- inbound numbers

    @Test
    void inboundNumberRoutes() {
        TemplatesTestData data = new TemplatesTestData(jdbc);
        UUID free = data.inboundNumber();
        assertThat(admin.get("/inbound-number/available").json().get("data")).extracting(n -> n.get("id").asText()).contains(free.toString());
        JsonNode all = admin.get("/inbound-number").json().get("data");
        JsonNode listed = null;
        for (JsonNode n : all) {
            if (n.get("id").asText().equals(free.toString())) {
                listed = n;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.fieldNames()).toIterable().containsExactly("id", "number", "provider", "service", "active", "created_at", "updated_at");
        assertThat(listed.get("provider").asText()).isEqualTo("mmg");
        assertThat(listed.get("service").isNull()).isTrue();

        assertThat(admin.get("/inbound-number/service/" + fx.service()).json().get("data").isEmpty()).isTrue();
        assertThat(admin.post("/inbound-number/service/" + fx.service() + "/off", null).status()).isEqualTo(404);

        created(admin.post(base + "/sms-sender", Map.of("sms_sender", "07700900222", "is_default", true, "inbound_number_id", free.toString())));
        assertThat(admin.get("/inbound-number/available").json().get("data")).extracting(n -> n.get("id").asText())
                .doesNotContain(free.toString());
        Http.Response off = admin.post("/inbound-number/service/" + fx.service() + "/off", null);
        assertThat(off.status()).isEqualTo(204);
        assertThat(admin.get("/inbound-number/service/" + fx.service()).json().get("data").get("active").asBoolean()).isFalse();
        assertThat(admin.get("/inbound-number/service/not-a-uuid").status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/inbound-number").status()).isEqualTo(401);
    }
}
