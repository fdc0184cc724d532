package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notifyoncamel.callbacks.DeliveryStatusCallbacks;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.queues.Queues;
import org.notifyoncamel.scheduling.BillingFacts;
import org.notifyoncamel.scheduling.NotificationStatusFacts;
import org.notifyoncamel.support.CallbackServer;
import org.notifyoncamel.support.DeliveryTestData;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** replay-service-callbacks, rebuild-ft-billing-for-day and migrate-data-to-ft-notification-status against the running pipeline. */
@IntegrationTest
class ReportingCommandsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    CallbackReplayStore replayStore;
    @Autowired
    DeliveryStatusCallbacks callbacks;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    Queues queues;
    @Autowired
    BillingFacts billing;
    @Autowired
    NotificationStatusFacts statusFacts;
    @Autowired
    List<NotifyCommand> commands;

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    DeliveryTestData data;

    @BeforeEach
    void setUp() {
        data = new DeliveryTestData(jdbc, cipher);
    }

    PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    ReplayServiceCallbacksCommand replay() {
        return new ReplayServiceCallbacksCommand(replayStore, callbacks, producer, queues, out(), err());
    }

    Path file(String... lines) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".txt");
        Files.write(file, List.of(lines));
        return file;
    }

    UUID notification(DeliveryTestData.Service service, DeliveryTestData.Template template, String reference, String status) {
        UUID id = data.notification(service, template, "+447700900123", null, "normal", Instant.now(), status);
        jdbc.update("UPDATE notifications SET client_reference = ?, updated_at = now() WHERE id = ?", reference, id);
        return id;
    }

    @Test
    void everyCommandIsRegisteredWithHelp() {
        assertThat(commands).extracting(NotifyCommand::name)
                .contains("replay-service-callbacks", "rebuild-ft-billing-for-day", "migrate-data-to-ft-notification-status");
        assertThat(commands).filteredOn(c -> c.name().startsWith("re") || c.name().startsWith("migrate-data"))
                .allSatisfy(c -> assertThat(c.help()).startsWith("Usage: command " + c.name()));
    }

    @Test
    void replaysTheCurrentStatusOfTheServicesNotificationsWithTheListedReferences() throws IOException {
        try (CallbackServer server = new CallbackServer()) {
            DeliveryTestData.Service service = data.service();
            DeliveryTestData.Template sms = data.smsTemplate(service, "hi");
            data.callbackApi(service, "delivery_status", server.url("/replay"), "replay-token-1234567890");
            String ref = "replay-" + UUID.randomUUID();
            UUID first = notification(service, sms, ref + "-a", "delivered");
            UUID second = notification(service, sms, ref + "-b", "permanent-failure");
            UUID notListed = notification(service, sms, ref + "-c", "delivered");
            DeliveryTestData.Service other = data.service();
            data.callbackApi(other, "delivery_status", server.url("/other"), "other-token-1234567890");
            UUID otherService = notification(other, data.smsTemplate(other, "hi"), ref + "-a", "delivered");

            // an unknown reference: nothing is sent
            assertThat(replay().run(new String[] {"-f", file(ref + "-c", "nope-" + ref).toString(), "-s", service.id().toString()})).isOne();
            assertThat(err.toString()).contains("Reference: nope-" + ref + " was not found in notifications.");

            int status = replay().run(new String[] {"--file_name", file(ref + "-a", "", ref + "-b").toString(), "--service_id", service.id().toString()});
            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Replay service status for service: " + service.id() + ". Sent 2 notification status updates to the queue");

            Poll.until(Duration.ofSeconds(30), "replayed callbacks", () -> !server.requestsFor(first.toString()).isEmpty()
                    && !server.requestsFor(second.toString()).isEmpty());
            CallbackServer.Request request = server.requestsFor(second.toString()).get(0);
            assertThat(request.path()).isEqualTo("/replay");
            assertThat(request.authorization()).isEqualTo("Bearer replay-token-1234567890");
            assertThat(request.body().get("status").asText()).isEqualTo("permanent-failure");
            assertThat(request.body().get("reference").asText()).isEqualTo(ref + "-b");
            assertThat(server.requestsFor(first.toString()).get(0).body().get("status").asText()).isEqualTo("delivered");
            assertThat(server.requestsFor(notListed.toString())).isEmpty();
            assertThat(server.requestsFor(otherService.toString())).isEmpty();
        }
    }

    @Test
    void replayNeedsADeliveryStatusCallbackAndValidOptions() throws IOException {
        DeliveryTestData.Service service = data.service();
        assertThat(replay().run(new String[] {"-f", file("x").toString(), "-s", service.id().toString()})).isOne();
        assertThat(err.toString()).contains("Callback api was not found for service: " + service.id());
        assertThat(replay().run(new String[] {"-f", file("x").toString(), "-s", "not-a-uuid"})).isEqualTo(2);
        assertThat(err.toString()).contains("'not-a-uuid' is not a valid service id");
        assertThat(replay().run(new String[] {"-s", service.id().toString()})).isEqualTo(2);
        assertThat(err.toString()).contains("Missing option -f / --file_name");
        assertThat(replay().run(new String[] {"-f", dir.resolve("missing.txt").toString(), "-s", service.id().toString()})).isOne();
    }

    @Test
    void rebuildFtBillingForDayRecomputesOneServicesDay() {
        jdbc.update("INSERT INTO rates (id, valid_from, rate, notification_type) VALUES "
                + "('0a0a0a0a-0000-4000-8000-000000201006', '2010-06-14 23:00:00', 0.02, 'sms') ON CONFLICT (id) DO NOTHING");
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template sms = data.smsTemplate(service, "hi");
        UUID id = data.notification(service, sms, "+447700900123", null, "normal", Instant.parse("2010-06-15T09:00:00Z"), "delivered");
        jdbc.update("UPDATE notifications SET billable_units = 2, sent_by = 'mmg' WHERE id = ?", id);
        RebuildFtBillingForDayCommand command = new RebuildFtBillingForDayCommand(billing, out(), err());

        assertThat(command.run(new String[] {"-d", "2010-06-15", "-s", service.id().toString()})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ft_billing for 2010-06-15 and service " + service.id() + ": deleted 0 rows, inserted 1 rows");
        assertThat(jdbc.queryForObject("SELECT billable_units FROM ft_billing WHERE service_id = ? AND bst_date = ?", Integer.class,
                service.id(), Date.valueOf(LocalDate.of(2010, 6, 15)))).isEqualTo(2);
        assertThat(command.run(new String[] {"--day", "2010-06-15", "--service-id", service.id().toString()})).isZero();
        assertThat(out.toString()).contains("deleted 1 rows, inserted 1 rows");

        assertThat(command.run(new String[] {"-d", "15/06/2010"})).isEqualTo(2);
        assertThat(err.toString()).contains("Option -d: '15/06/2010' is not a date in the format YYYY-MM-DD");
        assertThat(command.run(new String[] {"-d", "1990-01-01"})).isOne();
        assertThat(err.toString()).contains("No SMS rate is valid on 1990-01-01");
    }

    @Test
    void migrateDataToFtNotificationStatusRebuildsEachDayOfTheRange() {
        DeliveryTestData.Service service = data.service();
        DeliveryTestData.Template sms = data.smsTemplate(service, "hi");
        DeliveryTestData.Template email = data.emailTemplate(service, "s", "hi");
        data.notification(service, sms, "+447700900123", null, "normal", Instant.parse("2021-06-14T09:00:00Z"), "delivered");
        data.notification(service, sms, "+447700900123", null, "normal", Instant.parse("2021-06-16T09:00:00Z"), "sending");
        data.notification(service, email, "a@example.gov.uk", null, "normal", Instant.parse("2021-06-15T09:00:00Z"), "delivered");
        MigrateDataToFtNotificationStatusCommand command = new MigrateDataToFtNotificationStatusCommand(statusFacts, out(), err());

        assertThat(command.run(new String[] {"-s", "2021-06-14", "-e", "2021-06-16", "-t", "sms"})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2021-06-14 sms: ", "2021-06-15 sms: ", "2021-06-16 sms: ").doesNotContain("email");
        assertThat(jdbc.queryForList("SELECT bst_date::text || ' ' || notification_status FROM ft_notification_status WHERE service_id = ? ORDER BY 1",
                String.class, service.id())).containsExactly("2021-06-14 delivered", "2021-06-16 sending");

        assertThat(command.run(new String[] {"--start_date", "2021-06-15", "--end_date", "2021-06-15"})).isZero();
        assertThat(out.toString()).contains("2021-06-15 email: ", "2021-06-15 letter: ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ft_notification_status WHERE service_id = ? AND notification_type = 'email'",
                Integer.class, service.id())).isOne();

        assertThat(command.run(new String[] {"-s", "2021-06-16", "-e", "2021-06-15"})).isEqualTo(2);
        assertThat(err.toString()).contains("The end date 2021-06-15 is before the start date 2021-06-16");
        assertThat(command.run(new String[] {"-s", "2021-06-15", "-e", "2021-06-15", "-t", "fax"})).isEqualTo(2);
        assertThat(err.toString()).contains("Option -t: 'fax' is not one of sms, email, letter");
    }
}
