package org.notifyoncamel.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.objectstore.ObjectStore;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestKey;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Templated letters end to end on the whole application (API, queue, in-process rendering, embedded S3):
 * the official Java client sends, reads and downloads a letter; every address, key and trial-mode error of
 * notifications-utils notifications_utils/postal_address.py and notifications-api
 * app/v2/notifications/post_notifications.py;
 * each state of GET .../pdf (app/v2/notifications/get_notifications.py); letters that cannot be printed never stay
 * created.
 */
@IntegrationTest
class LettersTest {

    private static final float MM = 72f / 25.4f;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ObjectStore objects;
    @Autowired
    SqsClient sqs;
    @Autowired
    Queues queues;
    @Value("${notify.letters.buckets.letters-pdf}")
    String lettersBucket;

    ApiTestData data;
    TestService service;
    UUID template;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false, "letter");
        UUID contact = data.letterContact(service.id(), "The Licensing Office\n((team)) team\nNP10 8QQ");
        template = data.template(service, "letter", "licence", "Your licence, ((name))",
                "Dear ((address_line_1)),\n\n# Renewal\n\nYour licence has been renewed.\n\n* keep this letter\n* tell us of changes",
                "normal", contact);
    }

    NotificationClient client(TestKey key) {
        return new NotificationClient(key.combined(), "http://localhost:" + port);
    }

    Http api(TestKey key) {
        return Http.apiKey(port, key.serviceId().toString(), key.secret());
    }

    static Map<String, Object> address(String... lines) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Ada");
        values.put("team", "Renewals");
        for (int i = 0; i < lines.length; i++) {
            values.put(i == lines.length - 1 ? "postcode" : "address_line_" + (i + 1), lines[i]);
        }
        return values;
    }

    @Test
    void theJavaClientSendsALetterReadsItBackAndDownloadsAnA4PdfWithTheAddressInTheWindow() throws Exception {
        NotificationClient client = client(data.apiKey(service, "test"));
        String line1 = UUID.randomUUID().toString();
        String line2 = UUID.randomUUID().toString();
        LetterResponse sent = client.sendLetter(template.toString(),
                Map.of("address_line_1", line1, "address_line_2", line2, "postcode", "SW1 1AA",
                        "name", "Ada", "team", "Renewals"), "my-ref");
        assertThat(sent.getReference()).hasValue("my-ref");

        Notification read = client.getNotificationById(sent.getNotificationId().toString());
        assertThat(read.getLine1()).hasValue(line1);
        assertThat(read.getPostcode()).hasValue("SW1 1AA");
        assertThat(read.getPostage()).hasValue("second");
        assertThat(read.getStatus()).isEqualTo("received");
        assertThat(read.getEstimatedDelivery()).isPresent();
        assertThat(read.getEmailAddress()).isEmpty();

        byte[] pdf = pollPdf(client, sent.getNotificationId().toString());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth() / MM).isBetween(209.5f, 210.5f);
            assertThat(document.getPage(0).getMediaBox().getHeight() / MM).isBetween(296.5f, 297.5f);
            assertThat(LetterPdfRendererTest.textIn(document, 24.6f, 39.5f, 120f, 66.3f))
                    .isEqualTo(line1.toUpperCase() + "\n" + line2.toUpperCase() + "\nSW1 1AA");
        }
        assertThat(billableUnits(sent.getNotificationId())).as("test keys are not billed").isZero();
    }

    @Test
    void aLiveLetterIsStoredByPrintDateAndBilledBySheet() throws Exception {
        TestKey key = data.apiKey(service, "normal");
        Http.Response response = api(key).post("/v2/notifications/letter", Map.of("template_id", template.toString(),
                "personalisation", address("Ada Lovelace", "1 Example Street", "sw1a1aa")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().has("postage")).isFalse();
        UUID id = UUID.fromString(response.json().get("id").asText());
        Poll.until(Duration.ofSeconds(60), "the PDF is rendered and billed", () -> billableUnits(id) == 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT \"to\", notification_status, postage, reference, created_at, updated_at "
                + "FROM notifications WHERE id = ?", id);
        assertThat(row.get("to")).isEqualTo("Ada Lovelace\n1 Example Street\nSW1A 1AA");
        assertThat(row.get("notification_status")).isEqualTo("created");
        assertThat(row.get("postage")).isEqualTo("second");
        assertThat(row.get("updated_at")).isNotNull();
        String reference = (String) row.get("reference");
        assertThat(reference).matches("[A-Z0-9]{16}");
        Instant created = ((java.sql.Timestamp) row.get("created_at")).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        String key1 = LetterTimings.pdfFileName(reference, "second", false, created, false);
        assertThat(key1).startsWith(LetterTimings.printDate(created) + "/NOTIFY." + reference + ".D.2.C.N.");
        assertThat(objects.size(lettersBucket, key1)).isPresent();

        JsonNode read = api(key).get("/v2/notifications/" + id).json();
        assertThat(read.get("status").asText()).isEqualTo("accepted");
        assertThat(read.get("line_1").asText()).isEqualTo("Ada Lovelace");
        assertThat(read.get("estimated_delivery").asText())
                .isEqualTo(org.notifyoncamel.common.Timestamps.iso(LetterTimings.estimatedDelivery(created, "second")));
        Http.Response pdf = api(key).get("/v2/notifications/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("Content-Type").get(0)).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void everyAddressRuleKeyTypeAndTrialModeGetsTheSpecError() {
        TestKey key = data.apiKey(service, "normal");
        assertError(post(key, address("a", "SW1A 1AA")), 400, "ValidationError", "Address must be at least 3 lines");
        assertError(post(key, Map.of("address_line_1", "1", "address_line_2", "2", "address_line_3", "3", "address_line_4", "4",
                "address_line_5", "5", "address_line_6", "6", "address_line_7", "7", "postcode", "SW1A 1AA")),
                400, "BadRequestError", "Missing personalisation: name, team");
        Map<String, Object> eight = new LinkedHashMap<>(address("a", "b", "c", "d", "e", "f", "SW1A 1AA"));
        eight.put("address_line_7", "line7 more");
        eight.put("postcode", "SW1A 1AA");
        assertError(post(key, eight), 400, "ValidationError", "Must be a real UK postcode");
        assertError(post(key, address("a\nb\nc\nd\ne\nf\ng", "SW1A 1AA")), 400, "ValidationError", "Address must be no more than 7 lines");
        Map<String, Object> tooMany = new LinkedHashMap<>(address("a", "b", "c", "d", "e", "f", "x"));
        tooMany.remove("postcode");
        tooMany.put("address_line_7", "SW1A 1AA");
        tooMany.put("postcode", "ignored when line 7 is there");
        assertThat(post(key, tooMany).status()).isEqualTo(201);
        assertError(post(key, address("a", "b", "not a postcode")), 400, "ValidationError", "Must be a real UK postcode");
        assertError(post(key, address("a", "b", "France")), 400, "ValidationError", "Must be a real UK postcode");
        assertError(post(key, address("@a", "b", "SW1A 1AA")), 400, "ValidationError",
                "Address lines must not start with any of the following characters: @ ( ) = [ ] \u201d \\ / , < >");
        assertError(post(key, address("<a", "b", "SW1A 1AA")), 400, "ValidationError",
                "Address lines must not start with any of the following characters: @ ( ) = [ ] \u201d \\ / , < >");
        assertError(post(data.apiKey(service, "team"), address("a", "b", "SW1A 1AA")), 403, "BadRequestError",
                "Cannot send letters with a team api key");

        TestService trial = data.service(true, "letter");
        UUID trialTemplate = data.template(trial, "letter", "t", "Subject", "Body");
        Http.Response trialResponse = api(data.apiKey(trial, "normal")).post("/v2/notifications/letter",
                Map.of("template_id", trialTemplate.toString(), "personalisation", address("a", "b", "SW1A 1AA")));
        assertError(trialResponse, 403, "BadRequestError", "Cannot send letters when service is in trial mode");
        assertThat(api(data.apiKey(trial, "test")).post("/v2/notifications/letter",
                Map.of("template_id", trialTemplate.toString(), "personalisation", address("a", "b", "SW1A 1AA"))).status()).isEqualTo(201);

        TestService international = data.service(false, "letter", "international_letters");
        UUID internationalTemplate = data.template(international, "letter", "t", "Subject", "Body");
        TestKey internationalKey = data.apiKey(international, "normal");
        Http.Response notACountry = api(internationalKey).post("/v2/notifications/letter",
                Map.of("template_id", internationalTemplate.toString(), "personalisation", address("a", "b", "Atlantis")));
        assertError(notACountry, 400, "ValidationError", "Last line of address must be a real UK postcode or another country");
        for (Map.Entry<String, String> country : Map.of("France", "europe", "Deutschland", "europe", "Japan", "rest-of-world",
                "Jersey", "second").entrySet()) {
            String lastLine = country.getKey().equals("Jersey") ? "JE2 3AB" : country.getKey();
            Map<String, Object> values = country.getKey().equals("Jersey") ? address("a", "b", "JE2 3AB") : address("1 Rue", "Paris", lastLine);
            Http.Response ok = api(internationalKey).post("/v2/notifications/letter",
                    Map.of("template_id", internationalTemplate.toString(), "personalisation", values));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
            String id = ok.json().get("id").asText();
            assertThat(jdbc.queryForObject("SELECT postage FROM notifications WHERE id = ?::uuid", String.class, id))
                    .as(country.getKey()).isEqualTo(country.getValue());
            assertThat(api(internationalKey).get("/v2/notifications/" + id).json().get("postage").asText()).isEqualTo(country.getValue());
        }
    }

    @Test
    void thePdfEndpointAnswersEveryStateOfTheSpec() {
        TestKey key = data.apiKey(service, "normal");
        assertError(api(key).get("/v2/notifications/not-a-uuid/pdf"), 400, "ValidationError", "notification_id is not a valid UUID");
        assertError(api(key).get("/v2/notifications/" + UUID.randomUUID() + "/pdf"), 404, "NoResultFound", "No result found");
        UUID sms = insertRow("sms", "created", null);
        assertError(api(key).get("/v2/notifications/" + sms + "/pdf"), 400, "BadRequestError", "Notification is not a letter");
        UUID virus = insertRow("letter", "virus-scan-failed", "ABCDEFGHIJKLMNOP");
        assertError(api(key).get("/v2/notifications/" + virus + "/pdf"), 400, "BadRequestError", "File did not pass the virus scan");
        UUID technical = insertRow("letter", "technical-failure", "ABCDEFGHIJKLMNOQ");
        assertError(api(key).get("/v2/notifications/" + technical + "/pdf"), 400, "BadRequestError",
                "PDF not available for letters in status technical-failure");
        UUID pending = insertRow("letter", "pending-virus-check", "ABCDEFGHIJKLMNOR");
        assertError(api(key).get("/v2/notifications/" + pending + "/pdf"), 400, "PDFNotReadyError", "PDF not available yet, try again later");
        UUID notRendered = insertRow("letter", "created", "ABCDEFGHIJKLMNOS");
        assertError(api(key).get("/v2/notifications/" + notRendered + "/pdf"), 400, "PDFNotReadyError", "PDF not available yet, try again later");
        UUID invalid = insertRow("letter", "validation-failed", "ABCDEFGHIJKLMNOT");
        assertError(api(key).get("/v2/notifications/" + invalid + "/pdf"), 400, "PDFNotReadyError", "PDF not available yet, try again later");
    }

    @Test
    void aLetterWhoseRenderingCrashesEndsInTechnicalFailure() {
        UUID id = insertRow("letter", "created", "CRASHCRASHCRASH1");
        jdbc.update("UPDATE notifications SET _personalisation = 'not encrypted' WHERE id = ?", id);
        sqs.sendMessage(b -> b.queueUrl(queues.url("create-letters-pdf-tasks")).messageBody("{\"notification_id\": \"" + id + "\"}"));
        Poll.until(Duration.ofSeconds(60), "technical-failure", () -> "technical-failure".equals(status(id)));
    }

    @Test
    void aLetterOfMoreThanTenPagesIsValidationFailed() {
        UUID long11 = data.template(service, "letter", "long", "Long", "Page\n\n---\n\n".repeat(11) + "Last page");
        Http.Response response = api(data.apiKey(service, "normal")).post("/v2/notifications/letter",
                Map.of("template_id", long11.toString(), "personalisation", address("a", "b", "SW1A 1AA")));
        assertThat(response.status()).isEqualTo(201);
        UUID id = UUID.fromString(response.json().get("id").asText());
        Poll.until(Duration.ofSeconds(60), "validation-failed", () -> "validation-failed".equals(status(id)));
        Http.Response pdf = api(data.apiKey(service, "normal")).get("/v2/notifications/" + id + "/pdf");
        assertThat(pdf.status()).as("the 12-page PDF is kept in the invalid-PDF bucket").isEqualTo(200);
    }

    @Test
    void aLetterIsCancelledBeforeItsPrintRunAndOnlyLettersCanBe() {
        Http admin = Http.admin(port);
        UUID letter = insertRow("letter", "created", "CANCELCANCELCAN1");
        Http.Response cancelled = admin.post("/service/" + service.id() + "/notifications/" + letter + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(status(letter)).isEqualTo("cancelled");
        Http.Response again = admin.post("/service/" + service.id() + "/notifications/" + letter + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).startsWith("It\u2019s too late to cancel this letter. Printing started ");
        UUID sms = insertRow("sms", "created", null);
        Http.Response notALetter = admin.post("/service/" + service.id() + "/notifications/" + sms + "/cancel", Map.of());
        assertThat(notALetter.status()).isEqualTo(400);
        assertThat(notALetter.json().get("message").asText()).isEqualTo("Notification cannot be cancelled - only letters can be cancelled");
        Http.Response missing = admin.post("/service/" + service.id() + "/notifications/" + UUID.randomUUID() + "/cancel", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).isEqualTo("Notification not found");
    }

    private Http.Response post(TestKey key, Map<String, Object> personalisation) {
        return api(key).post("/v2/notifications/letter", Map.of("template_id", template.toString(), "personalisation", personalisation));
    }

    private UUID insertRow(String type, String status, String reference) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notifications (id, \"to\", service_id, template_id, template_version, key_type, notification_type, "
                + "created_at, notification_status, reference, postage, _personalisation) VALUES (?, 'a', ?, ?, 1, 'normal', "
                + "CAST(? AS notification_type), now() at time zone 'utc', ?, ?, 'second', ?)", id, service.id(), template, type, status,
                reference, cipher.encrypt(org.notifyoncamel.crypto.SecretColumn.NOTIFICATION_PERSONALISATION, "{}"));
        return id;
    }

    private int billableUnits(UUID id) {
        return jdbc.queryForObject("SELECT billable_units FROM notifications WHERE id = ?", Integer.class, id);
    }

    private String status(UUID id) {
        return jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, id);
    }

    private static byte[] pollPdf(NotificationClient client, String id) {
        java.util.concurrent.atomic.AtomicReference<byte[]> pdf = new java.util.concurrent.atomic.AtomicReference<>();
        Poll.until(Duration.ofSeconds(60), "the letter's PDF", () -> {
            try {
                pdf.set(client.getPdfForLetter(id));
                return true;
            } catch (NotificationClientException e) {
                assertThat(e.getMessage()).contains("PDFNotReadyError");
                return false;
            }
        });
        return pdf.get();
    }

    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.get("status_code").asInt()).isEqualTo(status);
        assertThat(json.get("errors")).as(response.toString()).anySatisfy(e -> {
            assertThat(e.get("error").asText()).isEqualTo(error);
            assertThat(e.get("message").asText()).isEqualTo(message);
        });
    }
}
