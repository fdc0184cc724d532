package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
class TemplatesAdminTest {

    static final List<String> TEMPLATE_KEYS = List.of("archived", "broadcast_data", "content", "created_at", "created_by", "folder",
            "hidden", "id", "name", "postage", "process_type", "redact_personalisation", "reply_to", "reply_to_text", "service",
            "service_letter_contact", "subject", "template_redacted", "template_type", "updated_at", "version");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordedServiceDataChanges changes;

    Fixture fx;
    Http admin;

    @BeforeEach
    void setUp() {
        fx = new TemplatesTestData(jdbc).service();
        admin = Http.admin(port);
    }

    Map<String, Object> body(String type, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "my " + type);
        body.put("template_type", type);
        body.put("content", content);
        body.put("service", fx.service());
        body.put("created_by", fx.user());
        if (!type.equals("sms")) {
            body.put("subject", "Subject ((name))");
        }
        return body;
    }

    JsonNode create(Map<String, Object> body) {
        Http.Response response = admin.post("/service/" + fx.service() + "/template", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("data");
    }

    int historyRows(String templateId) {
        return jdbc.queryForObject("SELECT count(*) FROM templates_history WHERE id = ?::uuid", Integer.class, templateId);
    }

    static List<String> messages(Http.Response response) {
        return response.json().get("errors").findValues("message").stream().map(JsonNode::asText).toList();
    }

    @Test
    void createsVersionOneWithHistoryAndRedactionRow() {
        JsonNode template = create(body("sms", "Hello ((name))"));

        assertThat(template.fieldNames()).toIterable().containsExactlyElementsOf(TEMPLATE_KEYS);
        assertThat(template.get("version").asInt()).isEqualTo(1);
        assertThat(template.get("archived").asBoolean()).isFalse();
        assertThat(template.get("service").asText()).isEqualTo(fx.service());
        assertThat(template.get("created_by").asText()).isEqualTo(fx.user());
        assertThat(template.get("process_type").asText()).isEqualTo("normal");
        assertThat(template.get("redact_personalisation").asBoolean()).isFalse();
        assertThat(template.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(template.get("updated_at").isNull()).isTrue();
        String id = template.get("id").asText();
        assertThat(historyRows(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT redact_personalisation FROM template_redacted WHERE template_id = ?::uuid", Boolean.class, id))
                .isFalse();
        assertThat(changes.forService(fx.serviceId())).contains(ServiceDataChanged.template(fx.serviceId(), UUID.fromString(id)));

        JsonNode fetched = admin.get("/service/" + fx.service() + "/template/" + id).json().get("data");
        assertThat(fetched.get("content").asText()).isEqualTo("Hello ((name))");
    }

    @Test
    void lettersDefaultToSecondClassAndEmailsNeedASubject() {
        JsonNode letter = create(body("letter", "Dear ((name))"));
        assertThat(letter.get("postage").asText()).isEqualTo("second");

        Map<String, Object> email = body("email", "Hi");
        email.remove("subject");
        Http.Response response = admin.post("/service/" + fx.service() + "/template", email);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("status_code").asInt()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("error").asText()).isEqualTo("ValidationError");
        assertThat(messages(response)).containsExactly("subject is a required property");
    }

    @Test
    void schemaErrorsAre400sInTheV2Shape() {
        Map<String, Object> bad = body("sms", "Hi");
        bad.put("template_type", "orange");
        bad.put("created_by", "not-a-uuid");
        bad.remove("name");
        Http.Response response = admin.post("/service/" + fx.service() + "/template", bad);
        assertThat(response.status()).isEqualTo(400);
        assertThat(messages(response)).containsExactlyInAnyOrder("template_type orange is not one of [sms, email, letter, broadcast]",
                "created_by is not a valid UUID", "name is a required property");

        Map<String, Object> tooLong = body("sms", "Hi");
        tooLong.put("name", "n".repeat(256));
        assertThat(admin.post("/service/" + fx.service() + "/template", tooLong).status()).isEqualTo(400);

        Map<String, Object> badPostage = body("letter", "Hi");
        badPostage.put("postage", "third");
        assertThat(messages(admin.post("/service/" + fx.service() + "/template", badPostage)))
                .containsExactly("postage invalid. It must be first, second, europe or rest-of-world.");

        Map<String, Object> unknownUser = body("sms", "Hi");
        unknownUser.put("created_by", UUID.randomUUID().toString());
        Http.Response unknown = admin.post("/service/" + fx.service() + "/template", unknownUser);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(messages(unknown).get(0)).endsWith("is not a known user");

        assertThat(admin.post("/service/" + fx.service() + "/template", "{nope").status()).isEqualTo(400);
        assertThat(admin.post("/service/" + fx.service() + "/template", Map.of("content", 5)).status()).isEqualTo(400);
    }

    @Test
    void permissionAndLengthRules() {
        Fixture smsOnly = new TemplatesTestData(jdbc).service(List.of("sms"));
        Map<String, Object> email = body("email", "Hi");
        email.put("service", smsOnly.service());
        email.put("created_by", smsOnly.user());
        Http.Response forbidden = admin.post("/service/" + smsOnly.service() + "/template", email);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("result").asText()).isEqualTo("error");
        assertThat(forbidden.json().get("message").get("template_type").get(0).asText()).isEqualTo("Creating email templates is not allowed");

        Fixture emailOnly = new TemplatesTestData(jdbc).service(List.of("email"));
        Map<String, Object> sms = body("sms", "Hi");
        Http.Response smsForbidden = admin.post("/service/" + emailOnly.service() + "/template", sms);
        assertThat(smsForbidden.json().get("message").get("template_type").get(0).asText())
                .isEqualTo("Creating text message templates is not allowed");

        Http.Response tooLong = admin.post("/service/" + fx.service() + "/template", body("sms", "a".repeat(919)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").get("content").get(0).asText())
                .isEqualTo("Content has a character count greater than the limit of 918");
        assertThat(admin.post("/service/" + fx.service() + "/template", body("sms", "a".repeat(918))).status()).isEqualTo(201);
    }

    @Test
    void parentFolderMustBelongToTheService() {
        TemplatesTestData data = new TemplatesTestData(jdbc);
        UUID ownFolder = data.folder(fx.serviceId());
        UUID otherFolder = data.folder(data.service().serviceId());

        Map<String, Object> inOther = body("sms", "Hi");
        inOther.put("parent_folder_id", otherFolder.toString());
        Http.Response response = admin.post("/service/" + fx.service() + "/template", inOther);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("parent_folder_id not found");

        Map<String, Object> inOwn = body("sms", "Hi");
        inOwn.put("parent_folder_id", ownFolder.toString());
        JsonNode template = create(inOwn);
        assertThat(template.get("folder").asText()).isEqualTo(ownFolder.toString());

        // archiving takes the template out of its folder
        Http.Response archived = admin.post("/service/" + fx.service() + "/template/" + template.get("id").asText(), Map.of("archived", true));
        assertThat(archived.json().get("data").get("folder").isNull()).isTrue();
    }

    @Test
    void updateMakesANewVersionOnlyWhenSomethingChanged() {
        JsonNode template = create(body("email", "First"));
        String id = template.get("id").asText();
        String path = "/service/" + fx.service() + "/template/" + id;

        Http.Response same = admin.post(path, Map.of("content", "First", "name", "my email"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("data").get("version").asInt()).isEqualTo(1);
        assertThat(historyRows(id)).isEqualTo(1);

        Http.Response changed = admin.post(path, Map.of("content", "Second", "created_by", fx.user()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("data").get("version").asInt()).isEqualTo(2);
        assertThat(changed.json().get("data").get("content").asText()).isEqualTo("Second");
        assertThat(changed.json().get("data").get("updated_at").isNull()).isFalse();
        assertThat(historyRows(id)).isEqualTo(2);

        Http.Response priority = admin.post(path, Map.of("process_type", "priority"));
        assertThat(priority.json().get("data").get("version").asInt()).isEqualTo(3);

        JsonNode versions = admin.get(path + "/versions").json().get("data");
        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(3, 2, 1);
        assertThat(versions.get(0).get("created_by").get("id").asText()).isEqualTo(fx.user());
        assertThat(versions.get(0).get("created_by").has("email_address")).isTrue();
        assertThat(versions.get(0).get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        JsonNode v1 = admin.get(path + "/version/1").json().get("data");
        assertThat(v1.get("content").asText()).isEqualTo("First");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(admin.get(path + "/version/0").status()).isEqualTo(404);
        assertThat(admin.get(path + "/version/99").json().get("message").asText()).isEqualTo("No result found");
        assertThat(admin.get(path + "/version/abc").status()).isEqualTo(404);
    }

    @Test
    void archiveIsAnUpdateThatHidesTheTemplateFromTheList() {
        JsonNode kept = create(body("sms", "Kept"));
        JsonNode gone = create(body("sms", "Gone"));
        String path = "/service/" + fx.service() + "/template/" + gone.get("id").asText();

        Http.Response archived = admin.post(path, Map.of("archived", true));
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(archived.json().get("data").get("version").asInt()).isEqualTo(2);
        assertThat(historyRows(gone.get("id").asText())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT archived FROM templates_history WHERE id = ?::uuid AND version = 2", Boolean.class,
                gone.get("id").asText())).isTrue();

        JsonNode list = admin.get("/service/" + fx.service() + "/template").json().get("data");
        assertThat(list).extracting(t -> t.get("id").asText()).containsExactly(kept.get("id").asText());
        assertThat(list.get(0).fieldNames()).toIterable().containsExactlyElementsOf(TEMPLATE_KEYS);
        // an archived template can still be read by id
        assertThat(admin.get(path).json().get("data").get("archived").asBoolean()).isTrue();
    }

    @Test
    void slimListHasOnlyFiveKeys() {
        create(body("sms", "Hello"));
        JsonNode slim = admin.get("/service/" + fx.service() + "/template?detailed=False").json().get("data").get(0);
        assertThat(slim.fieldNames()).toIterable().containsExactly("id", "name", "template_type", "folder", "content");
        assertThat(slim.get("content").isNull()).isTrue();
    }

    @Test
    void redactMarksTheTemplateWithoutANewVersion() {
        JsonNode template = create(body("sms", "Code ((code))"));
        String path = "/service/" + fx.service() + "/template/" + template.get("id").asText();

        Http.Response missing = admin.post(path, Map.of("redact_personalisation", true));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").get("created_by").get(0).asText()).isEqualTo("Field is required");

        Http.Response redacted = admin.post(path, Map.of("redact_personalisation", true, "created_by", fx.user()));
        assertThat(redacted.status()).isEqualTo(200);
        assertThat(redacted.body()).isEqualTo("null");
        JsonNode after = admin.get(path).json().get("data");
        assertThat(after.get("redact_personalisation").asBoolean()).isTrue();
        assertThat(after.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void replyToSetsTheLetterContactAsANewVersion() {
        JsonNode letter = create(body("letter", "Dear ((name))"));
        String path = "/service/" + fx.service() + "/template/" + letter.get("id").asText();
        String contactId = admin.post("/service/" + fx.service() + "/letter-contact", Map.of("contact_block", "1 High St", "is_default", false))
                .json().get("data").get("id").asText();

        Http.Response updated = admin.post(path, Map.of("reply_to", contactId));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode data = updated.json().get("data");
        assertThat(data.get("reply_to").asText()).isEqualTo(contactId);
        assertThat(data.get("service_letter_contact").asText()).isEqualTo(contactId);
        assertThat(data.get("reply_to_text").asText()).isEqualTo("1 High St");
        assertThat(data.get("version").asInt()).isEqualTo(2);
        assertThat(historyRows(letter.get("id").asText())).isEqualTo(2);

        Fixture other = new TemplatesTestData(jdbc).service();
        String foreign = admin.post("/service/" + other.service() + "/letter-contact", Map.of("contact_block", "Elsewhere", "is_default", true))
                .json().get("data").get("id").asText();
        Http.Response refused = admin.post(path, Map.of("reply_to", foreign));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(messages(refused).get(0)).isEqualTo("letter_contact_id " + foreign + " does not exist in database for service id " + fx.service());

        Http.Response badId = admin.post(path, Map.of("reply_to", "nope"));
        assertThat(messages(badId)).containsExactly("reply_to is not a valid UUID");
    }

    @Test
    void replyToTextOfEmailAndSmsIsTheServiceDefault() {
        admin.post("/service/" + fx.service() + "/email-reply-to", Map.of("email_address", "reply@example.gov.uk", "is_default", true));
        admin.post("/service/" + fx.service() + "/sms-sender", Map.of("sms_sender", "GOVUK", "is_default", true));
        assertThat(create(body("email", "Hi")).get("reply_to_text").asText()).isEqualTo("reply@example.gov.uk");
        assertThat(create(body("sms", "Hi")).get("reply_to_text").asText()).isEqualTo("GOVUK");
    }

    @Test
    void updateErrors() {
        JsonNode template = create(body("sms", "Hi"));
        String path = "/service/" + fx.service() + "/template/" + template.get("id").asText();

        Http.Response badTypes = admin.post(path, Map.of("archived", "yes", "content", 7));
        assertThat(badTypes.status()).isEqualTo(400);
        assertThat(messages(badTypes)).containsExactlyInAnyOrder("archived yes is not of type boolean", "content 7 is not of type string");

        Http.Response tooLong = admin.post(path, Map.of("content", "b".repeat(919)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").get("content").get(0).asText()).startsWith("Content has a character count");

        jdbc.update("DELETE FROM service_permissions WHERE service_id = ? AND permission = 'sms'", fx.serviceId());
        Http.Response forbidden = admin.post(path, Map.of("content", "Changed"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("message").get("template_type").get(0).asText()).isEqualTo("Updating text message templates is not allowed");
    }

    @Test
    void unknownOrForeignIdsAre404s() {
        JsonNode template = create(body("sms", "Hi"));
        Fixture other = new TemplatesTestData(jdbc).service();
        String id = template.get("id").asText();
        assertThat(admin.get("/service/" + other.service() + "/template/" + id).json().get("message").asText()).isEqualTo("No result found");
        assertThat(admin.post("/service/" + other.service() + "/template/" + id, Map.of("content", "x")).status()).isEqualTo(404);
        assertThat(admin.get("/service/" + fx.service() + "/template/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/service/" + fx.service() + "/template/not-a-uuid").status()).isEqualTo(404);
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/template").status()).isEqualTo(404);
        assertThat(admin.post("/service/" + UUID.randomUUID() + "/template", body("sms", "x")).status()).isEqualTo(404);
        assertThat(admin.get("/service/" + fx.service() + "/template/" + UUID.randomUUID() + "/versions").status()).isEqualTo(404);
    }

    @Test
    void requiresAdminAuth() {
        assertThat(Http.anonymous(port).get("/service/" + fx.service() + "/template").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).post("/service/" + fx.service() + "/template", body("sms", "x")).status()).isEqualTo(401);
    }
}
