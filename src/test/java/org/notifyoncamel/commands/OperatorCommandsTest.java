package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.ops.RouteCatalogue;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.notifyoncamel.support.TemplatesTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;

/** purge-functional-test-data, populate-annual-billing, create-provider-rates and list-routes against the real database. */
@IntegrationTest
class OperatorCommandsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FunctionalTestDataStore purgeStore;

    @Autowired
    BillingSetupStore billingStore;

    @Autowired
    RouteCatalogue catalogue;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    List<NotifyCommand> commands;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- purge-functional-test-data

    UUID user(String email) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO users (id, name, email_address, created_at, _password, mobile_number, password_changed_at, state, auth_type, "
                + "email_access_validated_at) VALUES (?, 'Functional test', ?, ?, 'x', '07700900000', ?, 'active', 'sms_auth', ?)", id, email, now(), now(), now());
        return id;
    }

    UUID service(UUID createdBy, String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO services (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, "
                + "prefix_sms, rate_limit, count_as_live, version, organisation_type) VALUES (?, ?, ?, true, 1000, true, false, ?, ?, true, 3000, true, 1, 'central')",
                id, name, now(), name, createdBy);
        jdbc.update("INSERT INTO services_history (id, name, created_at, active, message_limit, restricted, research_mode, email_from, created_by_id, "
                + "prefix_sms, rate_limit, count_as_live, version) SELECT id, name, created_at, active, message_limit, restricted, research_mode, "
                + "email_from, created_by_id, prefix_sms, rate_limit, count_as_live, version FROM services WHERE id = ?", id);
        jdbc.update("INSERT INTO service_permissions (service_id, permission, created_at) VALUES (?, 'sms', ?), (?, 'email', ?), (?, 'letter', ?)",
                id, now(), id, now(), id, now());
        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", createdBy, id);
        return id;
    }

    /** A service with a row in every table that hangs off services, some made through the internal API. */
    void populate(UUID service, UUID user, UUID otherMember) {
        Http admin = Http.admin(port);
        String base = "/service/" + service;
        JsonNode template = admin.post(base + "/template", Map.of("name", "t", "template_type", "sms", "content", "Hi ((name))",
                "service", service.toString(), "created_by", user.toString())).json().get("data");
        UUID templateId = UUID.fromString(template.get("id").asText());
        assertThat(admin.post(base + "/delivery-receipt-api", Map.of("url", "https://example.gov.uk/cb", "bearer_token", "0123456789abc",
                "updated_by_id", user.toString())).status()).isEqualTo(201);
        assertThat(admin.post(base + "/inbound-api", Map.of("url", "https://example.gov.uk/in", "bearer_token", "0123456789abc",
                "updated_by_id", user.toString())).status()).isEqualTo(201);
        assertThat(admin.post(base + "/email-reply-to", Map.of("email_address", "a@example.gov.uk", "is_default", true)).status()).isEqualTo(201);
        UUID letterContact = UUID.fromString(admin.post(base + "/letter-contact", Map.of("contact_block", "1 High St", "is_default", true))
                .json().get("data").get("id").asText());
        jdbc.update("UPDATE templates SET service_letter_contact_id = ? WHERE id = ?", letterContact, templateId);
        jdbc.update("UPDATE templates_history SET service_letter_contact_id = ? WHERE id = ?", letterContact, templateId);
        UUID number = new TemplatesTestData(jdbc).inboundNumber();
        String numberText = jdbc.queryForObject("SELECT number FROM inbound_numbers WHERE id = ?", String.class, number);
        assertThat(admin.post(base + "/sms-sender", Map.of("sms_sender", numberText, "is_default", true, "inbound_number_id", number.toString()))
                .status()).isEqualTo(201);
        jdbc.update("UPDATE inbound_numbers SET service_id = ? WHERE id = ?", service, number);

        jdbc.update("INSERT INTO user_to_service (user_id, service_id) VALUES (?, ?)", otherMember, service);
        UUID folder = new TemplatesTestData(jdbc).folder(service);
        jdbc.update("INSERT INTO template_folder_map (template_id, template_folder_id) VALUES (?, ?)", templateId, folder);
        jdbc.update("INSERT INTO user_folder_permissions (user_id, template_folder_id, service_id) VALUES (?, ?, ?)", user, folder, service);
        jdbc.update("INSERT INTO permissions (id, service_id, user_id, permission, created_at) VALUES (?, ?, ?, 'send_texts', ?)",
                UUID.randomUUID(), service, otherMember, now());
        jdbc.update("INSERT INTO invited_users (id, email_address, user_id, service_id, created_at, permissions) VALUES (?, 'x@example.gov.uk', ?, ?, ?, 'send_texts')",
                UUID.randomUUID(), user, service, now());
        jdbc.update("INSERT INTO verify_codes (id, user_id, _code, code_type, expiry_datetime, created_at) VALUES (?, ?, 'hash', 'sms', ?, ?)",
                UUID.randomUUID(), user, now(), now());
        UUID key = UUID.randomUUID();
        jdbc.update("INSERT INTO api_keys (id, name, secret, service_id, key_type, created_at, created_by_id) VALUES (?, 'key', ?, ?, 'normal', ?, ?)",
                key, "secret-" + key, service, now(), user);
        jdbc.update("INSERT INTO api_keys_history (id, name, secret, service_id, key_type, created_at, created_by_id, version) "
                + "SELECT id, name, secret, service_id, key_type, created_at, created_by_id, version FROM api_keys WHERE id = ?", key);
        UUID job = UUID.randomUUID();
        jdbc.update("INSERT INTO jobs (id, original_file_name, service_id, template_id, template_version, created_at, notification_count, created_by_id) "
                + "VALUES (?, 'file.csv', ?, ?, 1, ?, 1, ?)", job, service, templateId, now(), user);
        UUID notification = UUID.randomUUID();
        for (String table : List.of("notifications", "notification_history")) {
            jdbc.update("INSERT INTO " + table + " (id, job_id, service_id, template_id, template_version, api_key_id, key_type, notification_type, "
                    + "created_at, notification_status" + (table.equals("notifications") ? ", \"to\"" : "") + ") VALUES (?, ?, ?, ?, 1, ?, 'normal', 'sms', ?, 'created'"
                    + (table.equals("notifications") ? ", '07700900001'" : "") + ")", notification, job, service, templateId, key, now());
        }
        jdbc.update("INSERT INTO complaints (id, notification_id, service_id, created_at) VALUES (?, ?, ?, ?)", UUID.randomUUID(), notification, service, now());
        jdbc.update("INSERT INTO inbound_sms (id, created_at, service_id, notify_number, user_number, provider, content) VALUES (?, ?, ?, ?, '447700900002', 'mmg', 'x')",
                UUID.randomUUID(), now(), service, numberText);
        jdbc.update("INSERT INTO annual_billing (id, service_id, financial_year_start, free_sms_fragment_limit, created_at) VALUES (?, ?, 2020, 1000, ?)",
                UUID.randomUUID(), service, now());
        jdbc.update("INSERT INTO service_data_retention (id, service_id, notification_type, days_of_retention, created_at) VALUES (?, ?, 'sms', 3, ?)",
                UUID.randomUUID(), service, now());
        jdbc.update("INSERT INTO service_whitelist (id, service_id, recipient_type, recipient, created_at) VALUES (?, ?, 'email', 'g@example.gov.uk', ?)",
                UUID.randomUUID(), service, now());
        UUID broadcast = UUID.randomUUID();
        jdbc.update("INSERT INTO broadcast_message (id, service_id, template_id, template_version, created_at, created_by_id, api_key_id) "
                + "VALUES (?, ?, ?, 1, ?, ?, ?)", broadcast, service, templateId, now(), user, key);
        jdbc.update("INSERT INTO broadcast_event (id, service_id, broadcast_message_id, sent_at, message_type, transmitted_sender) VALUES (?, ?, ?, ?, 'alert', 'notify')",
                UUID.randomUUID(), service, broadcast, now());
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void purgeDeletesTheTestUsersTheirServicesAndEveryDependentRow() {
        String prefix = "ops-purge-" + UUID.randomUUID().toString().substring(0, 8);
        UUID testUser = user(prefix + "+" + UUID.randomUUID() + "@digital.cabinet-office.gov.uk");
        UUID noUuid = user(prefix + "+not-a-uuid@digital.cabinet-office.gov.uk");
        UUID otherPrefix = user("ops-keep-" + UUID.randomUUID() + "+" + UUID.randomUUID() + "@example.gov.uk");
        UUID doomed = service(testUser, prefix + "-service");
        populate(doomed, testUser, noUuid);
        UUID kept = service(otherPrefix, prefix + "-kept-service");
        jdbc.update("UPDATE services SET go_live_user_id = ? WHERE id = ?", testUser, kept);
        UUID number = jdbc.queryForObject("SELECT id FROM inbound_numbers WHERE service_id = ?", UUID.class, doomed);

        PurgeFunctionalTestDataCommand command = new PurgeFunctionalTestDataCommand(purgeStore, transactions, out(), err());
        assertThat(command.run(new String[] {"-u", prefix})).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Skipping " + prefix + "+not-a-uuid@").contains("Purged 1 users and 1 services");
        assertThat(count("SELECT count(*) FROM users WHERE id = ?", testUser)).isZero();
        assertThat(count("SELECT count(*) FROM users WHERE id IN (?, ?)", noUuid, otherPrefix)).isEqualTo(2);
        for (String table : FunctionalTestDataStore.SERVICE_TABLES) {
            if (table.startsWith("broadcast_provider_message") || table.equals("template_folder_map") || table.equals("template_redacted")) {
                continue; // no service_id column: emptied through their parents, checked below
            }
            String column = table.equals("services") || table.equals("services_history") ? "id" : "service_id";
            assertThat(count("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", doomed)).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM verify_codes WHERE user_id = ?", testUser)).isZero();
        assertThat(count("SELECT count(*) FROM user_to_service WHERE user_id = ?", noUuid)).isZero();
        // the inbound number goes back to the pool
        assertThat(count("SELECT count(*) FROM inbound_numbers WHERE id = ? AND service_id IS NULL AND active", number)).isEqualTo(1);
        // the other service stays, without its go-live user
        assertThat(count("SELECT count(*) FROM services WHERE id = ? AND go_live_user_id IS NULL", kept)).isEqualTo(1);
        // a second run finds nothing more to do
        assertThat(command.run(new String[] {"--user_email_prefix", prefix})).isZero();
        assertThat(out.toString()).contains("Purged 0 users and 0 services");
    }

    @Test
    void purgeKeepsAUserThatOtherServicesStillNeed() {
        String prefix = "ops-purge-" + UUID.randomUUID().toString().substring(0, 8);
        UUID testUser = user(prefix + "+" + UUID.randomUUID() + "@example.gov.uk");
        TemplatesTestData.Fixture other = new TemplatesTestData(jdbc).service();
        Http.Response template = Http.admin(port).post("/service/" + other.service() + "/template",
                Map.of("name", "t", "template_type", "sms", "content", "Hi", "service", other.service(), "created_by", testUser.toString()));
        assertThat(template.status()).as(template.body()).isEqualTo(201);

        PurgeFunctionalTestDataCommand command = new PurgeFunctionalTestDataCommand(purgeStore, transactions, out(), err());
        assertThat(command.run(new String[] {"-u", prefix})).isEqualTo(1);
        assertThat(err.toString()).contains("Kept " + prefix);
        assertThat(count("SELECT count(*) FROM users WHERE id = ?", testUser)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM templates WHERE service_id = ?", other.serviceId())).isEqualTo(1);
    }

    @Test
    void purgeTablesCoverEveryForeignKeyToServicesAndUsers() {
        List<Map<String, Object>> references = jdbc.queryForList("""
                SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
                  FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid::regclass::text IN ('services', 'users')""");
        assertThat(references).isNotEmpty();
        Set<String> covered = new HashSet<>(FunctionalTestDataStore.SERVICE_TABLES);
        covered.addAll(FunctionalTestDataStore.USER_TABLES);
        for (Map<String, Object> reference : references) {
            String child = (String) reference.get("child");
            if (child.equals("services") || child.equals("users")) {
                continue;
            }
            assertThat(covered).as(child + " references " + reference.get("parent") + " but the purge does not handle it").contains(child);
        }
        // and every table the purge names exists
        for (String table : covered) {
            assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table)).as(table).isEqualTo(1);
        }
    }

    @Test
    void purgeNeedsAPrefix() {
        PurgeFunctionalTestDataCommand command = new PurgeFunctionalTestDataCommand(purgeStore, transactions, out(), err());
        assertThat(command.run(new String[0])).isEqualTo(2);
        assertThat(err.toString()).contains("Missing option -u");
        assertThat(command.run(new String[] {"-x", "y"})).isEqualTo(2);
        assertThat(PurgeFunctionalTestDataCommand.uuidTag("a+" + UUID.randomUUID() + "@b.c")).isPresent();
        assertThat(PurgeFunctionalTestDataCommand.uuidTag("a+" + UUID.randomUUID().toString().replace("-", "") + "+x@b.c")).isPresent();
        assertThat(PurgeFunctionalTestDataCommand.uuidTag("a@b.c")).isEmpty();
        assertThat(PurgeFunctionalTestDataCommand.uuidTag("a+b@" + UUID.randomUUID())).isEmpty();
    }

    // ---------------------------------------------------------------- populate-annual-billing

    @Test
    void populateAnnualBillingCopiesTheLatestAllowanceOnce() {
        TemplatesTestData data = new TemplatesTestData(jdbc);
        UUID withHistory = data.service().serviceId();
        jdbc.update("INSERT INTO annual_billing (id, service_id, financial_year_start, free_sms_fragment_limit, created_at) VALUES (?, ?, 2019, 111, ?), (?, ?, 2020, 222, ?)",
                UUID.randomUUID(), withHistory, now(), UUID.randomUUID(), withHistory, now());
        UUID local = data.service().serviceId();
        jdbc.update("UPDATE services SET organisation_type = 'local' WHERE id = ?", local);
        UUID bare = data.service().serviceId();
        UUID inactive = data.service().serviceId();
        jdbc.update("UPDATE services SET active = false WHERE id = ?", inactive);
        UUID done = data.service().serviceId();
        jdbc.update("INSERT INTO annual_billing (id, service_id, financial_year_start, free_sms_fragment_limit, created_at) VALUES (?, ?, 2031, 5, ?)",
                UUID.randomUUID(), done, now());

        PopulateAnnualBillingCommand command = new PopulateAnnualBillingCommand(billingStore, out(), err());
        assertThat(command.run(new String[] {"-y", "2031"})).as(err.toString()).isZero();

        assertThat(limit(withHistory, 2031)).isEqualTo(List.of(222));
        assertThat(limit(local, 2031)).isEqualTo(List.of(25000));
        assertThat(limit(bare, 2031)).isEqualTo(List.of(250000));
        assertThat(limit(inactive, 2031)).isEmpty();
        assertThat(limit(done, 2031)).isEqualTo(List.of(5));
        assertThat(out.toString()).contains("create free limit of 222 for service: " + withHistory);

        assertThat(command.run(new String[] {"--year=2031"})).isZero();
        assertThat(out.toString()).contains("Created 0 annual billing rows for 2031");
        assertThat(limit(withHistory, 2031)).hasSize(1);

        assertThat(command.run(new String[] {"-y", "31"})).isEqualTo(2);
        assertThat(command.run(new String[0])).isEqualTo(2);
    }

    List<Integer> limit(UUID service, int year) {
        return jdbc.queryForList("SELECT free_sms_fragment_limit FROM annual_billing WHERE service_id = ? AND financial_year_start = ?",
                Integer.class, service, year);
    }

    // ---------------------------------------------------------------- create-provider-rates

    @Test
    void createProviderRatesInsertsARate() {
        CreateProviderRatesCommand command = new CreateProviderRatesCommand(billingStore, out(), err());
        int before = count("SELECT count(*) FROM provider_rates");
        assertThat(command.run(new String[] {"-p", "mmg", "-c", "1.5", "-d", "2021-04-01T00:00:00"})).as(err.toString()).isZero();
        String id = out.toString().replaceAll("(?s).*Created provider rate ([0-9a-f-]{36}).*", "$1");
        Map<String, Object> row = jdbc.queryForMap("SELECT r.rate, r.valid_from, p.identifier FROM provider_rates r "
                + "JOIN provider_details p ON p.id = r.provider_id WHERE r.id = ?::uuid", id);
        assertThat((BigDecimal) row.get("rate")).isEqualByComparingTo("1.5");
        assertThat(row.get("valid_from")).isEqualTo(Timestamp.valueOf("2021-04-01 00:00:00"));
        assertThat(row.get("identifier")).isEqualTo("mmg");

        assertThat(command.run(new String[] {"--provider_name=ses", "--cost", "0.09", "--valid_from", "2022-01-31"})).isZero();
        assertThat(count("SELECT count(*) FROM provider_rates")).isEqualTo(before + 2);

        assertThat(command.run(new String[] {"-p", "dvla", "-c", "1", "-d", "2021-04-01T00:00:00"})).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid provider name, must be one of [mmg, firetext, ses]");
        assertThat(command.run(new String[] {"-p", "mmg", "-c", "cheap", "-d", "2021-04-01T00:00:00"})).isEqualTo(2);
        assertThat(command.run(new String[] {"-p", "mmg", "-c", "1", "-d", "2021-02-30T00:00:00"})).isEqualTo(2);
        assertThat(command.run(new String[] {"-p", "mmg", "-c", "1"})).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM provider_rates")).isEqualTo(before + 2);
    }

    // ---------------------------------------------------------------- list-routes

    @Test
    void listRoutesPrintsEveryRestRouteAndTheConsumers() {
        ListRoutesCommand command = new ListRoutesCommand(catalogue, out(), err());
        assertThat(command.run(new String[0])).as(err.toString()).isZero();
        String listing = out.toString();
        assertThat(listing).containsPattern("GET +/_status +http-get-status -> status")
                .containsPattern("POST +/provider-details/\\{id\\} +http-post-provider-detail -> admin-update-provider-details")
                .containsPattern("POST +/service/\\{serviceId\\}/delivery-receipt-api +http-post-delivery-receipt-api -> admin-create-delivery-receipt-api")
                .containsPattern("delete-notifications-older-than-retention +quartz:notify/delete-notifications-older-than-retention");
        assertThat(listing).doesNotContain("-> ?");

        out.reset();
        assertThat(command.run(new String[] {"-r", "delivery-scheduler"})).isZero();
        assertThat(out.toString()).contains("delete-notifications-older-than-retention").doesNotContain("/provider-details");
        assertThat(command.run(new String[] {"--role", "no-such-role"})).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelpAndAUniqueName() {
        Set<String> names = new HashSet<>();
        for (NotifyCommand command : commands) {
            assertThat(names.add(command.name())).as(command.name()).isTrue();
            assertThat(command.help()).startsWith("Usage: command " + command.name()).contains("--help");
        }
        assertThat(names).contains("purge-functional-test-data", "populate-annual-billing", "create-provider-rates", "list-routes",
                "insert-inbound-numbers");
    }
}
