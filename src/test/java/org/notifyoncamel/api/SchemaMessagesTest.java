package org.notifyoncamel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.http.SchemaErrors;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.recipients.InternationalBillingRates;
import org.notifyoncamel.recipients.PhoneNumbers;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON-schema message construction (notifications-api app/schema_validation/__init__.py) and the notification request schemas. */
class SchemaMessagesTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    NotificationRequests requests = new NotificationRequests(new PhoneNumbers(InternationalBillingRates.loadDefault()),
            Clock.fixed(Instant.parse("2021-02-05T12:00:00Z"), ZoneOffset.UTC));

    static List<String> messages(Runnable call) {
        try {
            call.run();
        } catch (ApiError e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).allSatisfy(entry -> assertThat(entry.error()).isEqualTo("ValidationError"));
            return e.errors().stream().map(ApiError.Entry::message).toList();
        }
        throw new AssertionError("no validation error");
    }

    List<String> sms(String json) {
        return messages(() -> requests.sms(V2Requests.parse(json.getBytes(), false)));
    }

    @Test
    void messagesStripQuotesAndUsePythonReprs() throws Exception {
        SchemaErrors errors = new SchemaErrors()
                .type("reference", MAPPER.readTree("1"), "string")
                .type("personalisation", MAPPER.readTree("\"foo\""), "object")
                .type("scheduled_for", MAPPER.readTree("true"), "string", "null")
                .type(null, MAPPER.readTree("[1, \"a\"]"), "object")
                .notOneOf("template_type", MAPPER.readTree("\"orange\""), List.of("sms", "email", "letter"))
                .type("reference", MAPPER.readTree("\"it's\""), "integer")
                .required("phone_number")
                .additionalProperties(List.of("a", "b"))
                .notAUuid("template_id")
                .type("reference", MAPPER.readTree("1"), "string");
        assertThat(errors.messages()).containsExactly(
                "reference 1 is not of type string",
                "personalisation foo is not of type object",
                "scheduled_for True is not of type string, null",
                "[1, a] is not of type object",
                "template_type orange is not one of [sms, email, letter]",
                "reference \"its\" is not of type integer",
                "phone_number is a required property",
                "Additional properties are not allowed (a, b were unexpected)",
                "template_id is not a valid UUID");
    }

    @Test
    void smsSchemaCollectsEveryViolationInSchemaOrder() {
        assertThat(sms("{\"reference\": null, \"phone_number\": \"12\", \"template_id\": 5, \"personalisation\": [], \"x\": 1}"))
                .containsExactly("reference None is not of type string", "phone_number Not enough digits",
                        "template_id is not a valid UUID", "personalisation [] is not of type object",
                        "Additional properties are not allowed (x was unexpected)");
        assertThat(sms("{}")).containsExactly("phone_number is a required property", "template_id is a required property");
        assertThat(sms("false")).containsExactly("phone_number is a required property", "template_id is a required property");
        assertThat(sms("\"text\"")).containsExactly("text is not of type object");
        assertThat(sms("{\"phone_number\": \"07700900123\", \"template_id\": \"" + TEMPLATE + "\", \"scheduled_for\": \"2021-02-07T10:00\"}"))
                .containsExactly("scheduled_for datetime can only be 24 hours in the future");
    }

    @Test
    void validRequestsAndLenientUuids() {
        var send = requests.sms(V2Requests.parse(("{\"phone_number\": \"+44 7700 900123\", \"template_id\": \"urn:uuid:"
                + TEMPLATE + "\", \"scheduled_for\": \"2021-02-05T18:00:00+05:00\", \"sms_sender_id\": \"{" + TEMPLATE.replace("-", "")
                + "}\"}").getBytes(), false));
        assertThat(send.templateId().toString()).isEqualTo(TEMPLATE);
        assertThat(send.senderId().toString()).isEqualTo(TEMPLATE);
        assertThat(send.senderIdAsSent()).startsWith("{");
        var email = requests.email(V2Requests.parse(("{\"email_address\": \"a@b.gov.uk\", \"template_id\": \"" + TEMPLATE
                + "\", \"one_click_unsubscribe_url\": \"https://example.gov.uk/u\"}").getBytes(), false));
        assertThat(email.oneClickUnsubscribeUrl()).isEqualTo("https://example.gov.uk/u");
        assertThat(messages(() -> requests.email(V2Requests.parse(("{\"email_address\": \"a@b.gov.uk\", \"template_id\": \"" + TEMPLATE
                + "\", \"one_click_unsubscribe_url\": \"mailto:x\"}").getBytes(), false))))
                .containsExactly("one_click_unsubscribe_url is not a valid URL");
        assertThat(messages(() -> requests.email(V2Requests.parse(("{\"email_address\": \"a@b.gov.uk\", \"template_id\": \"" + TEMPLATE
                + "\", \"one_click_unsubscribe_url\": \"http://example.gov.uk/u\"}").getBytes(), false))))
                .containsExactly("one_click_unsubscribe_url must be an https URL");
    }

    @Test
    void unparseableBodiesAreBadRequests() {
        for (String body : List.of("", "{", "{} extra")) {
            assertThatThrownBy(() -> V2Requests.parse(body.getBytes(), false)).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.errors().get(0).error()).isEqualTo("BadRequestError");
                assertThat(e.errors().get(0).message()).isEqualTo("Invalid JSON supplied in POST data");
            });
        }
        assertThat(V2Requests.parse(new byte[0], true).isObject()).isTrue();
    }
}
