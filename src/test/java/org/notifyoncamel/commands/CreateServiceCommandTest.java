package org.notifyoncamel.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CreateServiceCommandTest {

    @Autowired
    CreateServiceCommand command;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecretCipher cipher;

    @Test
    void createsUserServiceTemplatesAndALiveKey() {
        String name = "Command service " + UUID.randomUUID();
        String email = "command-" + UUID.randomUUID() + "@example.gov.uk";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status = command.run(new String[] {"--name", name, "--email", email});
        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);

        Map<String, Object> service = jdbc.queryForMap("SELECT id, restricted, active, created_by_id FROM services WHERE name = ?", name);
        UUID serviceId = (UUID) service.get("id");
        assertThat(service.get("restricted")).isEqualTo(false);
        assertThat(service.get("active")).isEqualTo(true);
        Map<String, Object> user = jdbc.queryForMap("SELECT id, state FROM users WHERE email_address = ?", email);
        assertThat(user.get("state")).isEqualTo("active");
        assertThat(service.get("created_by_id")).isEqualTo(user.get("id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_to_service WHERE service_id = ?", Integer.class, serviceId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM services_history WHERE id = ?", Integer.class, serviceId)).isEqualTo(1);

        for (String type : new String[] {"sms", "email"}) {
            Map<String, Object> template = jdbc.queryForMap(
                    "SELECT id, content, subject, version FROM templates WHERE service_id = ? AND template_type = ?::template_type", serviceId, type);
            assertThat((String) template.get("content")).contains("((name))");
            assertThat(template.get("version")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM templates_history WHERE id = ? AND version = 1", Integer.class, template.get("id")))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT redact_personalisation FROM template_redacted WHERE template_id = ?", Boolean.class,
                    template.get("id"))).isFalse();
            assertThat(printed).contains(template.get("id").toString());
        }

        Map<String, Object> key = jdbc.queryForMap("SELECT id, name, key_type, secret, expiry_date FROM api_keys WHERE service_id = ?", serviceId);
        assertThat(key.get("key_type")).isEqualTo("normal");
        assertThat(key.get("expiry_date")).isNull();
        String secret = cipher.decrypt(SecretColumn.API_KEY_SECRET, (String) key.get("secret"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys_history WHERE id = ?", Integer.class, key.get("id"))).isEqualTo(1);
        assertThat(printed).contains("api key:           live_key-" + serviceId + "-" + secret);
        assertThat(printed).contains("service id:        " + serviceId);
    }

    @Test
    void reusesAnExistingUserAndCanMakeATrialService() {
        String email = "reuse-" + UUID.randomUUID() + "@example.gov.uk";
        CreateServiceCommand.Result first = command.create(new String[] {"--email", email});
        CreateServiceCommand.Result second = command.create(new String[] {"--email", email, "--trial"});
        assertThat(second.userId()).isEqualTo(first.userId());
        assertThat(second.serviceId()).isNotEqualTo(first.serviceId());
        assertThat(jdbc.queryForObject("SELECT restricted FROM services WHERE id = ?", Boolean.class, second.serviceId())).isTrue();
        assertThat(second.apiKey()).isEqualTo("live_key-" + second.serviceId() + "-" + second.secret());
    }

    @Test
    void badOptionsExitWith2AndHelpNamesTheOptions() {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(command.run(new String[] {"--email", "not-an-email"})).isEqualTo(2);
            assertThat(command.run(new String[] {"--colour"})).isEqualTo(2);
            assertThat(command.run(new String[] {"--name"})).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(command.name()).isEqualTo("create-service");
        assertThat(command.help()).contains("--name", "--email", "--trial");
    }
}
