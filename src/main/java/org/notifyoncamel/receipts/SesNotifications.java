package org.notifyoncamel.receipts;

import java.time.Instant;
import java.util.UUID;

import org.notifyoncamel.common.Timestamps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SES event notifications in AWS's format, wrapped in their SNS envelope (the {@code Message} field
 * is the SES JSON as a string): what production receives on ses-callbacks, and what research mode
 * and the SES simulator produce.
 */
public final class SesNotifications {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SesNotifications() {
    }

    public static String delivery(String messageId, String recipient) {
        ObjectNode message = base("Delivery", messageId, recipient);
        ObjectNode delivery = message.putObject("delivery");
        delivery.put("timestamp", Timestamps.iso(Timestamps.now()));
        delivery.putArray("recipients").add(recipient);
        delivery.put("processingTimeMillis", 546);
        delivery.put("smtpResponse", "250 ok");
        return envelope(message);
    }

    public static String bounce(String messageId, String recipient, boolean permanent) {
        ObjectNode message = base("Bounce", messageId, recipient);
        ObjectNode bounce = message.putObject("bounce");
        bounce.put("bounceType", permanent ? "Permanent" : "Transient");
        bounce.put("bounceSubType", permanent ? "General" : "MailboxFull");
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient)
                .put("status", permanent ? "5.1.1" : "4.2.2").put("action", "failed");
        bounce.put("timestamp", Timestamps.iso(Timestamps.now()));
        bounce.put("feedbackId", UUID.randomUUID().toString());
        return envelope(message);
    }

    public static String complaint(String messageId, String recipient) {
        ObjectNode message = base("Complaint", messageId, recipient);
        ObjectNode complaint = message.putObject("complaint");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
        complaint.put("timestamp", Timestamps.iso(Timestamps.now()));
        complaint.put("feedbackId", UUID.randomUUID().toString());
        complaint.put("complaintFeedbackType", "abuse");
        return envelope(message);
    }

    private static ObjectNode base(String type, String messageId, String recipient) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("notificationType", type);
        ObjectNode mail = message.putObject("mail");
        mail.put("timestamp", Timestamps.iso(Instant.now()));
        mail.put("source", "notify@simulator.notify");
        mail.put("messageId", messageId);
        mail.putArray("destination").add(recipient);
        return message;
    }

    private static String envelope(ObjectNode message) {
        ObjectNode sns = MAPPER.createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", UUID.randomUUID().toString());
        sns.put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:ses-notifications");
        sns.put("Message", message.toString());
        sns.put("Timestamp", Timestamps.iso(Timestamps.now()));
        sns.put("SignatureVersion", "1");
        return sns.toString();
    }
}
