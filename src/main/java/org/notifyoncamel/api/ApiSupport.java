package org.notifyoncamel.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.templates.Personalisation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Beans of the public API that are plain classes elsewhere. */
@Configuration(proxyBeanMethods = false)
public class ApiSupport {

    @Bean
    NotificationRequests notificationRequests(PhoneNumbers phoneNumbers) {
        return new NotificationRequests(phoneNumbers, Clock.systemUTC());
    }

    /** Personalisation from a JSON object: JSON null values count as missing. */
    public static Personalisation personalisation(ObjectNode node) {
        return Personalisation.of(values(node));
    }

    static Map<String, Object> values(ObjectNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                values.put(e.getKey(), value == null || value.isNull() ? null : value);
            });
        }
        return values;
    }
}
