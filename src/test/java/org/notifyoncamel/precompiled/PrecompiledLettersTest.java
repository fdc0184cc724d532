package org.notifyoncamel.precompiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.antivirus.ClamdSimulator;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.objectstore.ObjectStore;
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

import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Precompiled letters end to end on the whole application: the official Java client uploads, the upload is stored in
 * the embedded S3, route process-precompiled-letter scans it with the clamd simulator over TCP and checks it with
 * PDFBox, and the letter reads back settled; viruses, invalid letters, a failing scanner, every request error and
 * each state of GET .../pdf (notifications-api app/v2/notifications/post_notifications.py,
 * app/v2/notifications/get_notifications.py; notifications-template-preview app/precompiled.py, notifications-antivirus
 * app/celery/tasks.py).
 */
@IntegrationTest
class PrecompiledLettersTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);

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
    ClamdSimulator clamd;
    @Autowired
    CamelContext camel;
    @Value("${notify.letters.buckets.scan}")
    String scanBucket;
    @Value("${notify.letters.buckets.invalid-pdf}")
    String invalidBucket;

    ApiTestData data;
    TestService service;

    @BeforeEach
    void setUp() {
        data = new ApiTestData(jdbc, cipher, events);
        service = data.service(false, "letter");
    }

    NotificationClient client(TestKey key) {
        return new NotificationClient(key.combined(), "http://localhost:" + port);
    }

    Http api(TestKey key) {
        return Http.apiKey(port, key.serviceId().toString(), key.secret());
    }

    String status(UUID id) {
        return jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, id);
    }

    void awaitStatus(UUID id, String expected) {
        Poll.untilEquals(SETTLED, "notification " + id + " settles", expected, () -> status(id));
    }

    String scanKey(UUID id) {
        return jdbc.queryForObject("SELECT 'NOTIFY.' || reference FROM notifications WHERE id = ?", String.class, id);
    }

    boolean inScanBucket(String keyPrefix) {
        return objects.list(scanBucket, "").stream().anyMatch(e -> e.key().startsWith(keyPrefix));
    }

    @Test
    void theJavaClientSendsAPrecompiledLetterThatIsScannedCheckedAndReadBackWithTheAddressFromTheWindow() throws Exception {
        NotificationClient client = client(data.apiKey(service, "normal"));
        byte[] letter = CraftedLetters.letter(2).pdf();

        LetterResponse sent = client.sendPrecompiledLetterWithInputStream("my-precompiled-ref", new ByteArrayInputStream(letter));
        assertThat(sent.getReference()).hasValue("my-precompiled-ref");
        assertThat(sent.getPostage()).hasValue("second");
        UUID id = sent.getNotificationId();

        awaitStatus(id, "created");
        Notification read = client.getNotificationById(id.toString());
        assertThat(read.getStatus()).isEqualTo("accepted");
        assertThat(read.getLine1()).hasValue("Provided as PDF");
        assertThat(read.getPostage()).hasValue("second");
        assertThat(read.getReference()).hasValue("my-precompiled-ref");
        Map<String, Object> row = jdbc.queryForMap("SELECT \"to\", billable_units, postage, international FROM notifications WHERE id = ?", id);
        assertThat(row).containsEntry("to", "Ada Lovelace\n12 Example Street\nLondon\nSW1A 1AA").containsEntry("billable_units", 1)
                .containsEntry("international", false);
        assertThat(clamd.scans()).isPositive();

        byte[] pdf = client.getPdfForLetter(id.toString());
        try (PDDocument sanitised = Loader.loadPDF(pdf)) {
            assertThat(sanitised.getNumberOfPages()).isEqualTo(2);
            assertThat(AreaText.lines(sanitised.getPage(0), LetterGeometry.ADDRESS_READ_AREA))
                    .containsExactly("Ada Lovelace", "12 Example Street", "London", "SW1A 1AA");
        }
        // the upload has left the scan bucket
        Poll.until(Duration.ofSeconds(10), "the upload leaves the scan bucket", () -> !inScanBucket(scanKey(id)));
    }

    @Test
    void aTestKeyLetterIsDeliveredAtOnceAndAnInternationalAddressSetsThePostage() throws Exception {
        TestService international = data.service(false, "letter", "international_letters");
        NotificationClient client = client(data.apiKey(international, "test"));
        byte[] letter = CraftedLetters.letter(1).address("Marie Curie", "11 Rue Pierre", "75005 Paris", "France").pdf();

        LetterResponse sent = client.sendPrecompiledLetterWithInputStream("intl", new ByteArrayInputStream(letter), "first");
        assertThat(sent.getPostage()).hasValue("first");
        awaitStatus(sent.getNotificationId(), "delivered");
        Notification read = client.getNotificationById(sent.getNotificationId().toString());
        assertThat(read.getStatus()).isEqualTo("received");
        assertThat(read.getPostage()).hasValue("europe");
        assertThat(client.getPdfForLetter(sent.getNotificationId().toString())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anInfectedUploadIsVirusScanFailedAndKeptInQuarantine() throws Exception {
        TestKey key = data.apiKey(service, "normal");
        byte[] infected = concat(CraftedLetters.letter(1).pdf(), ("%" + ClamdSimulator.EICAR + "\n").getBytes(StandardCharsets.US_ASCII));

        UUID id = client(key).sendPrecompiledLetterWithInputStream("virus", new ByteArrayInputStream(infected)).getNotificationId();

        awaitStatus(id, "virus-scan-failed");
        assertThat(client(key).getNotificationById(id.toString()).getStatus()).isEqualTo("virus-scan-failed");
        assertPdfError(key, id, 400, "BadRequestError", "File did not pass the virus scan");
        assertThat(objects.list(scanBucket, "FAILURE/").stream().anyMatch(e -> e.key().startsWith("FAILURE/" + scanKey(id)))).isTrue();
        assertThat(jdbc.queryForObject("SELECT billable_units FROM notifications WHERE id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aLetterThatFailsItsChecksIsValidationFailedAndItsOriginalCanBeDownloaded() throws Exception {
        TestKey key = data.apiKey(service, "normal");
        byte[] outside = CraftedLetters.letter(2).mark(2, 3, 100, 4).pdf();

        UUID id = client(key).sendPrecompiledLetterWithInputStream("margins", new ByteArrayInputStream(outside)).getNotificationId();

        awaitStatus(id, "validation-failed");
        assertThat(client(key).getNotificationById(id.toString()).getStatus()).isEqualTo("validation-failed");
        assertThat(client(key).getPdfForLetter(id.toString())).isEqualTo(outside);
        assertThat(jdbc.queryForObject("SELECT \"to\" FROM notifications WHERE id = ?", String.class, id)).isEqualTo("Provided as PDF");
    }

    @Test
    void somethingThatIsNotAPdfEndsValidationFailedNeverStuck() {
        TestKey key = data.apiKey(service, "normal");
        Http.Response response = api(key).post("/v2/notifications/letter", Map.of("reference", "junk",
                "content", Base64.getEncoder().encodeToString("%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        awaitStatus(UUID.fromString(response.json().path("id").asText()), "validation-failed");
    }

    @Test
    void aScannerThatKeepsFailingEndsTheLetterInTechnicalFailure() throws Exception {
        TestKey key = data.apiKey(service, "normal");
        clamd.setFailing(true);
        UUID id;
        try {
            id = client(key).sendPrecompiledLetterWithInputStream("broken-scanner",
                    new ByteArrayInputStream(CraftedLetters.letter(1).pdf())).getNotificationId();
            awaitStatus(id, "technical-failure");
        } finally {
            clamd.setFailing(false);
        }
        assertPdfError(key, id, 400, "BadRequestError", "PDF not available for letters in status technical-failure");
    }

    @Test
    void aLetterWaitingForItsScanHasNoPdfYet() throws Exception {
        TestKey key = data.apiKey(service, "normal");
        camel.getRouteController().stopRoute("consume-letter-tasks");
        UUID id;
        try {
            id = client(key).sendPrecompiledLetterWithInputStream("waiting", new ByteArrayInputStream(CraftedLetters.letter(1).pdf()))
                    .getNotificationId();
            assertThat(status(id)).isEqualTo("pending-virus-check");
            assertThat(client(key).getNotificationById(id.toString()).getStatus()).isEqualTo("pending-virus-check");
            assertPdfError(key, id, 400, "PDFNotReadyError", "PDF not available yet, try again later");
            assertThat(inScanBucket(scanKey(id))).isTrue();
        } finally {
            camel.getRouteController().startRoute("consume-letter-tasks");
        }
        awaitStatus(id, "created");
    }

    @Test
    void requestErrors() {
        TestKey key = data.apiKey(service, "normal");
        String pdf = Base64.getEncoder().encodeToString(CraftedLetters.letter(1).pdf());

        assertError(api(key).post("/v2/notifications/letter", Map.of("reference", "x", "content", "YQ")),
                400, "BadRequestError", "Cannot decode letter content (invalid base64 encoding)");
        assertError(api(key).post("/v2/notifications/letter", Map.of("content", pdf)),
                400, "ValidationError", "reference is a required property");
        assertError(api(key).post("/v2/notifications/letter", Map.of("reference", "x", "content", pdf, "postage", "third")),
                400, "ValidationError", "postage invalid. It must be first, second, europe or rest-of-world.");
        assertError(api(data.apiKey(service, "team")).post("/v2/notifications/letter", Map.of("reference", "x", "content", pdf)),
                403, "BadRequestError", "Cannot send letters with a team api key");
        TestService trial = data.service(true, "letter");
        assertError(api(data.apiKey(trial, "normal")).post("/v2/notifications/letter", Map.of("reference", "x", "content", pdf)),
                403, "BadRequestError", "Cannot send letters when service is in trial mode");
        TestService noLetters = data.service(false, "sms");
        assertError(api(data.apiKey(noLetters, "normal")).post("/v2/notifications/letter", Map.of("reference", "x", "content", pdf)),
                400, "BadRequestError", "Service is not allowed to send letters");
        // a current client's economy postage is accepted
        Http.Response economy = api(key).post("/v2/notifications/letter", Map.of("reference", "x", "content", pdf, "postage", "economy"));
        assertThat(economy.status()).as(economy.toString()).isEqualTo(201);
        assertThat(economy.json().path("postage").asText()).isEqualTo("economy");
        assertThat(economy.json().properties()).hasSize(3);
    }

    @Test
    void anOversizedUploadIs413AndNothingIsStored() {
        TestKey key = data.apiKey(service, "normal");
        byte[] big = concat(CraftedLetters.letter(1).pdf(), new byte[5 * 1024 * 1024]);
        Integer before = jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ?", Integer.class, service.id());
        Http.Response response = api(key).post("/v2/notifications/letter",
                Map.of("reference", "big", "content", Base64.getEncoder().encodeToString(big)));
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().path("status_code").asInt()).isEqualTo(413);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications WHERE service_id = ?", Integer.class, service.id()))
                .isEqualTo(before);
    }

    @Test
    void theHiddenTemplateIsCreatedOncePerService() throws Exception {
        TestKey key = data.apiKey(service, "test");
        for (int i = 0; i < 2; i++) {
            client(key).sendPrecompiledLetterWithInputStream("t" + i, new ByteArrayInputStream(CraftedLetters.letter(1).pdf()));
        }
        List<Map<String, Object>> templates = jdbc.queryForList(
                "SELECT name, subject, hidden, postage FROM templates WHERE service_id = ? AND template_type = 'letter'", service.id());
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0)).containsEntry("name", "Pre-compiled PDF").containsEntry("hidden", true)
                .containsEntry("postage", "second");
    }

    void assertPdfError(TestKey key, UUID id, int status, String error, String message) {
        assertError(api(key).get("/v2/notifications/" + id + "/pdf"), status, error, message);
        assertThatThrownBy(() -> client(key).getPdfForLetter(id.toString())).isInstanceOf(NotificationClientException.class)
                .hasMessageContaining(message);
    }

    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode first = response.json().path("errors").path(0);
        assertThat(first.path("error").asText()).as(response.toString()).isEqualTo(error);
        assertThat(first.path("message").asText()).as(response.toString()).isEqualTo(message);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
