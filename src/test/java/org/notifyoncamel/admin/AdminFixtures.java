package org.notifyoncamel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.support.Http;

import com.fasterxml.jackson.databind.JsonNode;

/** Users and services made through the internal API, with unique names so tests never clash. */
final class AdminFixtures {

    private AdminFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static Map<String, Object> userBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test User");
        body.put("email_address", unique("user") + "@example.gov.uk");
        body.put("password", "correct horse battery staple");
        body.put("mobile_number", "+447700900986");
        body.put("state", "active");
        return body;
    }

    static JsonNode createUser(Http admin) {
        Http.Response response = admin.post("/user", userBody());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("data");
    }

    static Map<String, Object> serviceBody(String userId) {
        String name = unique("Service");
        Map<String, Object> body = new HashMap<>();
        body.put("user_id", userId);
        body.put("created_by", userId);
        body.put("name", name);
        body.put("email_from", name.toLowerCase());
        body.put("message_limit", 1000);
        body.put("restricted", true);
        return body;
    }

    static JsonNode createService(Http admin, String userId) {
        Http.Response response = admin.post("/service", serviceBody(userId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("data");
    }
}
