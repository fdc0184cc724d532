package org.notifyoncamel.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;

/** A stored inbound text with its content decrypted. {@code toString} leaves out the content and the sender. */
public record InboundSms(UUID id, Instant createdAt, UUID serviceId, String notifyNumber, String userNumber, String content,
                         String provider, Instant providerDate) {

    /** The original's {@code InboundSms.serialize()}: what every read endpoint answers (inbound-sms.md 1.1). */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id.toString());
        out.put("created_at", Timestamps.iso(createdAt));
        out.put("service_id", serviceId.toString());
        out.put("notify_number", notifyNumber);
        out.put("user_number", userNumber);
        out.put("content", content);
        return out;
    }

    @Override
    public String toString() {
        return "InboundSms[id=" + id + ", serviceId=" + serviceId + ", provider=" + provider + "]";
    }
}
