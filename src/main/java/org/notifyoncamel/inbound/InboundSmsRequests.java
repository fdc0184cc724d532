package org.notifyoncamel.inbound;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.notifyoncamel.http.AdminError;
import org.notifyoncamel.http.FormBodies;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the providers' inbound-text requests (inbound-sms.md 3.1 to 3.4) into {@link ReceivedText}s.
 * MMG posts JSON ({@code MSISDN}, {@code Number}, {@code Message}, {@code ID}, {@code DateRecieved}
 * (sic)) whose text fields are URL-encoded ({@link MmgText}); Firetext posts a form ({@code source},
 * {@code destination}, {@code message}, {@code time}). A body that cannot be read or lacks a required
 * field is a 400 naming the fields (the original answered MMG with a 500; docs/adr/0130).
 */
@Component("inboundSmsRequests")
public class InboundSmsRequests {

    private final ObjectMapper mapper;
    private final PhoneNumbers phones;
    private final Clock clock;

    @Autowired
    public InboundSmsRequests(ObjectMapper mapper, PhoneNumbers phones) {
        this(mapper, phones, Clock.systemUTC());
    }

    InboundSmsRequests(ObjectMapper mapper, PhoneNumbers phones, Clock clock) {
        this.mapper = mapper;
        this.phones = phones;
        this.clock = clock;
    }

    public ReceivedText mmg(@Body byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw AdminError.badRequest("MMG inbound SMS: the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw AdminError.badRequest("MMG inbound SMS: the body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        json.properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
        required("MMG", fields, "Number", "MSISDN", "Message", "ID");
        try {
            String date = fields.get("DateRecieved");
            return new ReceivedText(ReceivedText.MMG, InboundNumbers.notifyNumber(fields.get("Number")),
                    InboundNumbers.userNumber(phones, fields.get("MSISDN")), MmgText.decode(fields.get("Message")), fields.get("ID"),
                    InboundNumbers.providerDate(date == null ? null : MmgText.decode(date), clock));
        } catch (MmgText.MalformedText e) {
            throw AdminError.badRequest("MMG inbound SMS: Message or DateRecieved has a broken escape (" + e.getMessage() + ")");
        }
    }

    public ReceivedText firetext(@Body Object body) {
        Map<String, String> fields = FormBodies.read(body);
        required("Firetext", fields, "source", "destination", "message");
        return new ReceivedText(ReceivedText.FIRETEXT, InboundNumbers.notifyNumber(fields.get("destination")),
                InboundNumbers.userNumber(phones, fields.get("source")), fields.get("message"), null,
                InboundNumbers.providerDate(fields.get("time"), clock));
    }

    private static void required(String provider, Map<String, String> fields, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (fields.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw AdminError.badRequest(provider + " inbound SMS: missing " + String.join(", ", missing));
        }
    }

    /** A JSON value as text: strings as they are, numbers as written (MMG may send numbers), null and containers as absent. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
