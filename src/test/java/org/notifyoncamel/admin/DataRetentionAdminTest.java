package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.Http;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

@IntegrationTest
class DataRetentionAdminTest {

    @LocalServerPort
    int port;

    Http admin() {
        return Http.admin(port);
    }

    @Test
    void createsReadsAndUpdatesRetention() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        JsonNode service = AdminFixtures.createService(admin(), userId);
        String base = "/service/" + service.get("id").asText() + "/data-retention";

        Http.Response created = admin().post(base, Map.of("notification_type", "sms", "days_of_retention", 3));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode retention = created.json().get("result");
        assertThat(retention.get("service_name").asText()).isEqualTo(service.get("name").asText());
        assertThat(retention.get("days_of_retention").asInt()).isEqualTo(3);
        String id = retention.get("id").asText();

        Http.Response duplicate = admin().post(base, Map.of("notification_type", "sms", "days_of_retention", 5));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText()).isEqualTo("Service already has data retention for sms notification type");

        assertThat(admin().get(base).json()).hasSize(1);
        assertThat(admin().get(base + "/" + id).json().get("notification_type").asText()).isEqualTo("sms");
        assertThat(admin().get(base + "/" + UUID.randomUUID()).json().size()).isZero();
        assertThat(admin().get(base + "/notification-type/sms").json().get("id").asText()).isEqualTo(id);
        assertThat(admin().get(base + "/notification-type/email").json().size()).isZero();
        assertThat(admin().get(base + "/notification-type/pigeon").status()).isEqualTo(400);

        assertThat(admin().post(base + "/" + id, Map.of("days_of_retention", 10)).status()).isEqualTo(204);
        assertThat(admin().get(base + "/" + id).json().get("days_of_retention").asInt()).isEqualTo(10);
        assertThat(admin().post(base + "/" + UUID.randomUUID(), Map.of("days_of_retention", 10)).status()).isEqualTo(404);
    }

    @Test
    void badBodiesAreValidationErrors() {
        String userId = AdminFixtures.createUser(admin()).get("id").asText();
        String base = "/service/" + AdminFixtures.createService(admin(), userId).get("id").asText() + "/data-retention";
        Http.Response badType = admin().post(base, Map.of("notification_type", "fax", "days_of_retention", 3));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("message").asText()).isEqualTo("notification_type fax is not one of [sms, letter, email]");
        Http.Response badDays = admin().post(base, Map.of("notification_type", "email", "days_of_retention", "three"));
        assertThat(badDays.json().get("errors").get(0).get("message").asText()).isEqualTo("days_of_retention three is not of type integer");
        Http.Response missing = admin().post(base, Map.of());
        assertThat(missing.json().get("errors")).hasSize(2);
        assertThat(admin().post(base, Map.of("notification_type", "email", "days_of_retention", 3, "extra", true)).status()).isEqualTo(400);
        assertThat(admin().post(base, Map.of("notification_type", "email", "days_of_retention", 99999999999L)).status()).isEqualTo(400);
    }
}
