package org.notifyoncamel.delivery;

import org.notifyoncamel.queues.InvalidTaskException;
import org.notifyoncamel.queues.Task;
import java.net.IDN;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.templates.EmailRenderer;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.SmsCharacters;
import org.notifyoncamel.templates.SmsRenderer;
import org.notifyoncamel.ops.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steps of a deliver task around the provider call (notifications-api app/celery/provider_tasks.py and app/delivery/send_to_providers.py): load the row, fail an
 * inactive service's notification once, claim the row, render what is sent; then confirm the claim
 * with the provider's answer.
 */
@Component("notificationDelivery")
public class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    public static final String SES = "ses";

    private final DeliveryStore store;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final SmsProviderSelection selection;
    private final PhoneNumbers phoneNumbers;
    private final Duration lease;
    private final String fromNumber;
    private final String emailDomain;
    private final NotifyMetrics metrics;

    public NotificationDelivery(DeliveryStore store, SecretCipher cipher, ObjectMapper mapper, NotifyMetrics metrics, SmsProviderSelection selection,
                                PhoneNumbers phoneNumbers,
                                @Value("${notify.delivery.claim-lease-seconds}") long leaseSeconds,
                                @Value("${notify.from-number}") String fromNumber,
                                @Value("${notify.notify-email-domain}") String emailDomain) {
        this.metrics = metrics;
        this.store = store;
        this.phoneNumbers = phoneNumbers;
        this.cipher = cipher;
        this.mapper = mapper;
        this.selection = selection;
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.fromNumber = fromNumber;
        this.emailDomain = emailDomain;
    }

    /**
     * What this deliver task has to do: an {@link SmsSend} or {@link EmailSend} to hand to a provider,
     * a {@link SimulatedSend} (research mode, test key), or null when there is nothing to do.
     */
    public DeliverySend prepare(@Body Task task) {
        UUID id = Uuids.parse(task.notificationId())
                .orElseThrow(() -> new InvalidTaskException("deliver task without a valid notification_id"));
        DeliveryStore.Notification n = store.find(id).orElseThrow(() -> new NotificationNotFoundException(id.toString()));
        Instant now = Timestamps.now();
        if (!n.serviceActive()) {
            if (store.technicalFailure(id, now)) {
                LOG.warn("Notification {} of inactive service {} set to technical-failure", id, n.serviceId());
            }
            return null;
        }
        Optional<Instant> claim = store.claim(id, now, now.minus(lease));
        if (claim.isEmpty()) {
            LOG.info("Notification {} not delivered again: status {} (sent_by {})", id, n.status(), n.sentBy());
            return null;
        }
        Instant claimedAt = claim.get();
        if (n.simulated()) {
            return simulated(n, claimedAt);
        }
        Personalisation values = personalisation(n);
        if ("sms".equals(n.type())) {
            String unsanitised = SmsRenderer.renderUnsanitised(n.templateContent(), values);
            String content = SmsCharacters.sanitise(SmsRenderer.withPrefix(unsanitised, n.serviceName(), n.prefixSms()));
            int fragments = SmsRenderer.fragments(unsanitised, n.serviceName(), n.prefixSms());
            String to = phoneNumbers.validate(n.to(), true);
            String sender = n.replyToText() == null || n.replyToText().isBlank() ? fromNumber : n.replyToText();
            return new SmsSend(id, n.serviceId(), to, content, sender, fragments, n.international(), claimedAt);
        }
        if ("email".equals(n.type())) {
            String fromAddress = n.emailFrom() + "@" + emailDomain;
            String subject = EmailRenderer.subject(n.templateSubject() == null ? "" : n.templateSubject(), values);
            String text = EmailRenderer.body(n.templateContent(), values);
            String html = EmailLayout.wrap(EmailRenderer.html(n.templateContent(), values), subject);
            String replyTo = n.replyToText() == null || n.replyToText().isBlank() ? null : punycode(EmailAddresses.validate(n.replyToText()));
            return new EmailSend(id, n.serviceId(), n.serviceName(), fromAddress, punycode(EmailAddresses.validate(n.to())), subject, text, html, replyTo,
                    n.oneClickUnsubscribeUrl(), claimedAt);
        }
        throw new InvalidTaskException("notification " + id + " is a " + n.type() + ", not sent by this worker");
    }

    /** Research mode and test keys: marked as sent by the provider that would have been chosen, nothing sent. */
    private SimulatedSend simulated(DeliveryStore.Notification n, Instant claimedAt) {
        Instant now = Timestamps.now();
        if ("sms".equals(n.type())) {
            String provider = selection.order(n.international()).get(0);
            store.confirm(n.id(), claimedAt, provider, n.international() ? "sent" : "sending", null, null, now);
            return new SimulatedSend(n.id(), "sms", provider, n.to(), null);
        }
        String reference = UUID.randomUUID().toString();
        store.confirm(n.id(), claimedAt, SES, "sending", null, reference, now);
        return new SimulatedSend(n.id(), "email", SES, n.to(), reference);
    }

    /** The provider accepted the SMS: sending (sent for international numbers), with its fragment count. */
    public void smsSent(@ExchangeProperty("send") SmsSend send, @ExchangeProperty(SmsProviderBalancer.PROVIDER) String provider) {
        if (!store.confirm(send.notificationId(), send.claimedAt(), provider, send.international() ? "sent" : "sending",
                send.fragments(), null, Timestamps.now())) {
            LOG.warn("Notification {} was sent by {} after its claim had been taken over", send.notificationId(), provider);
        }
        LOG.info("Notification {} sent by {}", send.notificationId(), provider);
        metrics.sent("sms", provider);
    }

    /** SES accepted the email: its MessageId is the reference that receipts carry. */
    public void emailSent(@ExchangeProperty("send") EmailSend send, @Header("CamelAwsSesMessageId") String messageId) {
        if (!store.confirm(send.notificationId(), send.claimedAt(), SES, "sending", null, messageId, Timestamps.now())) {
            LOG.warn("Notification {} was sent by ses after its claim had been taken over", send.notificationId());
        }
        LOG.info("Notification {} sent by ses", send.notificationId());
        metrics.sent("email", SES);
    }


    /** The fragment count of an SMS as it is (or would be) sent: its billable units. */
    public int smsFragments(DeliveryStore.Notification n) {
        String unsanitised = SmsRenderer.renderUnsanitised(n.templateContent(), personalisation(n));
        return SmsRenderer.fragments(unsanitised, n.serviceName(), n.prefixSms());
    }

    private Personalisation personalisation(DeliveryStore.Notification n) {
        if (n.encryptedPersonalisation() == null || n.encryptedPersonalisation().isBlank()) {
            return Personalisation.empty();
        }
        try {
            Map<String, Object> values = mapper.readValue(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, n.encryptedPersonalisation()), new TypeReference<>() { });
            return Personalisation.of(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Personalisation of notification " + n.id() + " is not a JSON object");
        }
    }

    static String punycode(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1));
    }
}
