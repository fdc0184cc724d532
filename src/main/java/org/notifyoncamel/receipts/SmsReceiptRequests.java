package org.notifyoncamel.receipts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.FormBodies;
import org.notifyoncamel.http.HttpResult;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The provider receipt endpoints (workers.md 3.3, no auth): validate, and turn the receipt into a
 * process-sms-client-response task for sms-callbacks. The phone number fields are optional and are
 * never logged or queued.
 */
@Component("smsReceiptRequests")
public class SmsReceiptRequests {

    public static final Map<String, Object> SUCCESS = Map.of("result", "success");

    private final ObjectMapper mapper;

    public SmsReceiptRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** MMG: a JSON body whatever its content type; {@code status} and {@code CID} are required. */
    public String mmg(@Body byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (java.io.IOException e) {
            json = null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            json.properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
        }
        validate("MMG", fields, "status", "CID");
        return task(fields.get("status"), fields.get("CID"), "MMG",
                fields.containsKey("substatus") && fields.get("substatus") != null ? fields.get("substatus") : "None");
    }

    /** Firetext: a form body; {@code status} and {@code reference} are required, {@code code} is the detail. */
    public String firetext(@Body Object body) {
        Map<String, String> fields = FormBodies.read(body);
        validate("Firetext", fields, "status", "reference");
        return task(fields.get("status"), fields.get("reference"), "Firetext", fields.get("code"));
    }

    public HttpResult accepted() {
        return HttpResult.ok(SUCCESS);
    }

    private String task(String status, String reference, String clientName, String detailed) {
        ObjectNode task = mapper.createObjectNode();
        task.put("status", status);
        task.put("reference", reference);
        task.put("client_name", clientName);
        task.put("detailed_status_code", detailed);
        return task.toString();
    }

    private static void validate(String client, Map<String, String> fields, String... required) {
        List<String> errors = new ArrayList<>();
        for (String field : required) {
            String value = fields.get(field);
            if (value == null || value.isEmpty()) {
                errors.add(client + " callback failed: " + field + " missing");
            }
        }
        if (!errors.isEmpty()) {
            throw AdminError.badRequest(errors);
        }
    }

    /** Python's str() of a JSON value: numbers as written, strings as they are, null as None. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.toString();
    }
}
