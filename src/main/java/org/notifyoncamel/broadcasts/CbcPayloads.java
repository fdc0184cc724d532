package org.notifyoncamel.broadcasts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.notifyoncamel.broadcasts.BroadcastStore.BroadcastEvent;
import org.notifyoncamel.broadcasts.BroadcastStore.ProviderMessage;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.templates.SmsCharacters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON documents the CBC proxies expect (notifications-api app/clients/cbc_proxy.py): alert, cancel and link test. */
public final class CbcPayloads {

    public static final String HEADLINE = "GOV.UK Notify Broadcast";
    /** CAP time: UTC with a literal {@code -00:00} offset (a proxy contract, kept). */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;

    public CbcPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static String capTime(Instant instant) {
        return instant == null ? null : CAP_TIME.format(instant);
    }

    /** Vodafone's message number: the sequence value as 8 lower-case hex digits (123 -> 0000007b). */
    public static String messageNumber(int number) {
        return String.format(Locale.ROOT, "%08x", number);
    }

    /** True when the text has a Welsh accented letter that GSM cannot carry (then the Welsh language code is sent). */
    public static boolean isWelsh(String text) {
        return text != null && text.codePoints().anyMatch(SmsCharacters::isWelshNonGsm);
    }

    public ObjectNode alert(BroadcastEvent event, ProviderMessage message, CbcNetwork network, String channel) {
        String description = event.transmittedContent() == null ? "" : event.transmittedContent().path("body").asText("");
        ObjectNode payload = mapper.createObjectNode();
        payload.put("message_type", "alert");
        payload.put("identifier", message.id().toString());
        payload.put("message_format", network.messageFormat());
        payload.put("headline", HEADLINE);
        payload.put("description", description);
        payload.set("areas", areas(event.transmittedAreas()));
        payload.put("sent", capTime(event.sentAt()));
        payload.put("expires", capTime(event.transmittedFinishesAt()));
        payload.put("language", network.language(isWelsh(description)));
        payload.put("channel", channel);
        if (network.needsMessageNumber()) {
            payload.put("message_number", messageNumber(message.messageNumber()));
        }
        return payload;
    }

    /** @param earlier this network's provider messages of the message's earlier events, oldest first */
    public ObjectNode cancel(BroadcastEvent event, ProviderMessage message, CbcNetwork network, List<ProviderMessage> earlier) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("message_type", "cancel");
        payload.put("identifier", message.id().toString());
        payload.put("message_format", network.messageFormat());
        if (network.needsMessageNumber()) {
            payload.put("message_number", messageNumber(message.messageNumber()));
        }
        ArrayNode references = payload.putArray("references");
        for (ProviderMessage previous : earlier) {
            ObjectNode reference = references.addObject();
            reference.put("message_id", previous.id().toString());
            if (network.needsMessageNumber()) {
                reference.put("message_number", messageNumber(previous.messageNumber()));
            }
            // the referenced message's creation time in DATETIME_FORMAT, not CAP time (proxy contract)
            reference.put("sent", Timestamps.iso(previous.createdAt()));
        }
        payload.put("sent", capTime(event.sentAt()));
        return payload;
    }

    public ObjectNode linkTest(String identifier, CbcNetwork network, Integer number) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("message_type", "test");
        payload.put("identifier", identifier);
        payload.put("message_format", network.messageFormat());
        if (network.needsMessageNumber() && number != null) {
            payload.put("message_number", messageNumber(number));
        }
        return payload;
    }

    private ArrayNode areas(JsonNode transmittedAreas) {
        ArrayNode areas = mapper.createArrayNode();
        JsonNode polygons = transmittedAreas == null ? null : transmittedAreas.get("simple_polygons");
        if (polygons != null) {
            polygons.forEach(polygon -> areas.addObject().set("polygon", polygon));
        }
        return areas;
    }
}
