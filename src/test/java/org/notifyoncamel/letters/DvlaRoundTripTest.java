package org.notifyoncamel.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.support.ApiTestData;
import org.notifyoncamel.support.ApiTestData.TestService;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DVLA round trip (notifications-api app/celery/letters_pdf_tasks.py): a letter is rendered, the print run zips it
 * and uploads the zip over SFTP
 * (camel-ftp) to the embedded DVLA server, the letter is sending; the simulator's response file comes back over
 * SFTP and the letter is delivered.
 */
@IntegrationTest
class DvlaRoundTripTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    DvlaResponses responses;
    @Value("${notify.dvla.simulator.directory}")
    String dvlaDirectory;

    @Test
    void aLetterGoesToDvlaAndComesBackDelivered() throws Exception {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false, "letter");
        UUID template = data.template(service, "letter", "t", "Subject", "Hello ((address_line_1))");
        ApiTestData.TestKey key = data.apiKey(service, "normal");
        Http.Response sent = Http.apiKey(port, service.id().toString(), key.secret()).post("/v2/notifications/letter",
                Map.of("template_id", template.toString(), "personalisation",
                        Map.of("address_line_1", "Ada", "address_line_2", "1 Street", "postcode", "SW1A 1AA")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        UUID id = UUID.fromString(sent.json().get("id").asText());
        Poll.until(Duration.ofSeconds(60), "the letter is rendered", () -> billableUnits(id) == 1);
        String reference = jdbc.queryForObject("SELECT reference FROM notifications WHERE id = ?", String.class, id);

        camel.sendBodyAndHeaders("direct:collate-letter-pdfs", null,
                Map.of("notifyServiceId", service.id(), "notifyPrintDeadline", Instant.now().plusSeconds(60)));

        assertThat(status(id)).isEqualTo("sending");
        assertThat(jdbc.queryForObject("SELECT sent_by FROM notifications WHERE id = ?", String.class, id)).isEqualTo("dvla");
        Poll.until(Duration.ofSeconds(60), "the DVLA response marks the letter delivered", () -> "delivered".equals(status(id)));
        try (Stream<Path> files = Stream.concat(Files.list(Path.of(dvlaDirectory, "notify")), Files.list(Path.of(dvlaDirectory, "printed")))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.matches("NOTIFY\\.\\d{4}-\\d{2}-\\d{2}\\.2\\.001\\.[A-Za-z0-9_-]{20}\\." + service.id() + "\\.ZIP"));
        }
        assertThat(Http.apiKey(port, service.id().toString(), key.secret()).get("/v2/notifications/" + id).json()
                .get("status").asText()).isEqualTo("received");
        assertThat(reference).matches("[A-Z0-9]{16}");
    }

    @Test
    void aResponseOtherThanSentIsATemporaryFailureAndAMalformedFileIsRefused() {
        ApiTestData data = new ApiTestData(jdbc, cipher, events);
        TestService service = data.service(false, "letter");
        UUID template = data.template(service, "letter", "t", "Subject", "Body");
        UUID id = UUID.randomUUID();
        String reference = "FAILED" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        jdbc.update("INSERT INTO notifications (id, \"to\", service_id, template_id, template_version, key_type, notification_type, "
                + "created_at, notification_status, reference, postage) VALUES (?, 'a', ?, ?, 1, 'normal', 'letter', now(), 'sending', ?, 'second')",
                id, service.id(), template, reference);
        assertThatThrownBy(() -> responses.apply(reference + "|Sent|1\n", "NOTIFY-20210226120000-RSP.TXT"))
                .hasMessage("DVLA response file: NOTIFY-20210226120000-RSP.TXT has an invalid format");
        assertThat(status(id)).isEqualTo("sending");
        assertThat(responses.apply(reference + "|Failed|1|Unsorted\n", "NOTIFY-20210226120001-RSP.TXT"))
                .isEqualTo(new DvlaResponses.Applied(0, 1));
        assertThat(status(id)).isEqualTo("temporary-failure");
    }

    private int billableUnits(UUID id) {
        return jdbc.queryForObject("SELECT billable_units FROM notifications WHERE id = ?", Integer.class, id);
    }

    private String status(UUID id) {
        return jdbc.queryForObject("SELECT notification_status FROM notifications WHERE id = ?", String.class, id);
    }
}
