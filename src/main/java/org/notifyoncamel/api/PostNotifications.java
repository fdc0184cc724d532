package org.notifyoncamel.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.cache.ServiceDataCache;
import org.notifyoncamel.cache.TemplateData;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.config.JsonSettings;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.http.HttpResult;
import org.notifyoncamel.letters.LetterAddresses;
import org.notifyoncamel.letters.LetterReferences;
import org.notifyoncamel.limits.DailyLimit;
import org.notifyoncamel.limits.RateLimiter;
import org.notifyoncamel.notifications.GroupCommitInserts;
import org.notifyoncamel.notifications.NewNotification;
import org.notifyoncamel.notifications.ScheduledNotifications;
import org.notifyoncamel.queues.QueueNames;
import org.notifyoncamel.recipients.EmailAddresses;
import org.notifyoncamel.recipients.PhoneNumbers;
import org.notifyoncamel.recipients.PostalAddress;
import org.notifyoncamel.recipients.SimulatedRecipients;
import org.notifyoncamel.templates.EmailRenderer;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;
import org.notifyoncamel.templates.SmsRenderer;
import org.notifyoncamel.templates.TemplateChecks;
import org.notifyoncamel.templates.TemplateException;
import org.notifyoncamel.ops.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * POST /v2/notifications/{sms,email,letter} (notifications-api app/v2/notifications/post_notifications.py). {@link #sms}/{@link #email}
 * validate, persist (or, for high-volume services, prepare the save task) and leave the queue
 * message in exchange properties; the route enqueues it and {@link #respond} answers 201.
 */
@Component("postNotifications")
public class PostNotifications {

    /** Exchange property: {@code deliver}, {@code save} or {@code none} (simulated recipients). */
    public static final String ENQUEUE = "notifyEnqueue";
    /** Exchange property: the queue name without prefix. */
    public static final String QUEUE = "notifyQueue";
    /** Exchange property: the SQS message body. */
    public static final String QUEUE_MESSAGE = "notifyQueueMessage";
    static final String ACCEPTED = "notifyAccepted";
    /** Exchange property: a precompiled letter request, which the route hands to {@link PrecompiledLetterSends}. */
    static final String PRECOMPILED = "notifyPrecompiledLetter";

    private static final Logger LOG = LoggerFactory.getLogger(PostNotifications.class);

    record Accepted(NewNotification notification, Map<String, Object> response, String deliverQueue,
                    DailyLimit.Reservation reservation) {
    }

    private final NotificationRequests requests;
    private final ServiceDataCache cache;
    private final RateLimiter rateLimiter;
    private final DailyLimit dailyLimit;
    private final PhoneNumbers phoneNumbers;
    private final DocumentDownload documents;
    private final GroupCommitInserts store;
    private final ScheduledNotifications scheduled;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final ObjectMapper mapper;
    private final String emailDomain;
    private final Set<String> highVolumeServices;
    private final NotifyMetrics metrics;

    public PostNotifications(NotificationRequests requests, ServiceDataCache cache, RateLimiter rateLimiter, DailyLimit dailyLimit,
                             PhoneNumbers phoneNumbers, DocumentDownload documents, GroupCommitInserts store,
                             ScheduledNotifications scheduled, SecretCipher cipher,
                             PublicUrls urls, ObjectMapper mapper, NotifyMetrics metrics,
                             @Value("${notify.notify-email-domain}") String emailDomain,
                             @Value("${notify.high-volume-services}") String highVolumeServices) {
        this.metrics = metrics;
        this.requests = requests;
        this.cache = cache;
        this.rateLimiter = rateLimiter;
        this.dailyLimit = dailyLimit;
        this.phoneNumbers = phoneNumbers;
        this.documents = documents;
        this.store = store;
        this.scheduled = scheduled;
        this.cipher = cipher;
        this.urls = urls;
        this.mapper = mapper;
        this.emailDomain = emailDomain;
        this.highVolumeServices = Set.copyOf(JsonSettings.stringList("HIGH_VOLUME_SERVICE", highVolumeServices).stream()
                .map(String::toLowerCase).toList());
    }

    public void sms(Exchange exchange) {
        Authenticated caller = caller(exchange);
        NotificationRequests.Send request = requests.sms(V2Requests.parse(exchange.getMessage().getBody(byte[].class), false));
        ServiceData service = caller.service();
        if (!service.hasPermission("sms")) {
            throw ApiError.badRequest("Service is not allowed to send text messages");
        }
        rateLimiter.check(service.id(), caller.keyType(), service.rateLimit());
        TemplateData template = template(service, request.templateId(), "sms");
        Personalisation values = ApiSupport.personalisation(request.personalisation());
        check(() -> TemplateChecks.checkPersonalisation(values, template.content()));
        check(() -> TemplateChecks.checkSmsNotEmpty(SmsRenderer.renderUnsanitised(template.content(), values)));

        String replyTo;
        if (request.senderId() != null) {
            replyTo = service.smsSender(request.senderId()).map(s -> PhoneNumbers.senderOrUkFormat(s.smsSender()))
                    .orElseThrow(() -> ApiError.badRequest("sms_sender_id " + request.senderIdAsSent()
                            + " does not exist in database for service id " + service.id()));
        } else {
            replyTo = service.defaultSmsSender().map(PhoneNumbers::senderOrUkFormat).orElse(null);
        }

        checkRecipientAllowed(caller, service.allowedRecipients().allowsPhone(request.recipient()));
        PhoneNumbers.InternationalInfo info = phoneNumbers.internationalInfo(request.recipient());
        if (info.international() && !info.crownDependency() && !service.hasPermission("international_sms")) {
            throw ApiError.badRequest("Cannot send to international mobile numbers");
        }
        String normalised = phoneNumbers.validate(request.recipient(), info.international());
        boolean simulated = SimulatedRecipients.isSimulatedNumber(normalised);

        DocumentDownload.Result uploads = documents.upload(service.id(), service.contactLink(), request.personalisation(), simulated);
        Personalisation finalValues = ApiSupport.personalisation(uploads.personalisation());
        String unsanitised = SmsRenderer.renderUnsanitised(template.content(), finalValues);
        check(() -> TemplateChecks.checkSmsLength(unsanitised));

        UUID id = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("body", SmsRenderer.render(template.content(), finalValues));
        content.put("from_number", replyTo);
        Map<String, Object> response = response(id, request.reference(), content, service, template);
        response.put("scheduled_for", request.scheduledForAsSent());

        NewNotification notification = new NewNotification(id, request.recipient(), normalised, service.id(), template.id(),
                template.version(), caller.key().id(), caller.keyType(), "sms", Timestamps.now(), "created", request.reference(),
                encrypt(uploads.personalisation()), info.international(), info.prefix(), BigDecimal.valueOf(info.rateMultiplier()),
                replyTo, uploads.documentDownloadCount(), null);
        accept(exchange, caller, template, notification, response, simulated, request.scheduledFor(), QueueNames.SEND_SMS,
                QueueNames.SAVE_API_SMS);
    }

    public void email(Exchange exchange) {
        Authenticated caller = caller(exchange);
        NotificationRequests.Send request = requests.email(V2Requests.parse(exchange.getMessage().getBody(byte[].class), false));
        ServiceData service = caller.service();
        if (!service.hasPermission("email")) {
            throw ApiError.badRequest("Service is not allowed to send emails");
        }
        rateLimiter.check(service.id(), caller.keyType(), service.rateLimit());
        TemplateData template = template(service, request.templateId(), "email");
        Personalisation values = ApiSupport.personalisation(request.personalisation());
        check(() -> TemplateChecks.checkPersonalisation(values, template.subject(), template.content()));
        check(() -> TemplateChecks.checkBodyNotEmpty(template.content(), EmailRenderer.body(template.content(), values)));

        String replyTo;
        if (request.senderId() != null) {
            replyTo = service.replyTo(request.senderId()).map(ServiceData.ReplyTo::emailAddress)
                    .orElseThrow(() -> ApiError.badRequest("email_reply_to_id " + request.senderIdAsSent()
                            + " does not exist in database for service id " + service.id()));
        } else {
            replyTo = service.defaultReplyTo().orElse(null);
        }

        checkRecipientAllowed(caller, service.allowedRecipients().allowsEmail(request.recipient()));
        String normalised = EmailAddresses.normalise(request.recipient());
        boolean simulated = SimulatedRecipients.isSimulatedEmail(request.recipient());

        DocumentDownload.Result uploads = documents.upload(service.id(), service.contactLink(), request.personalisation(), simulated);
        Personalisation finalValues = ApiSupport.personalisation(uploads.personalisation());
        String body = EmailRenderer.body(template.content(), finalValues);
        check(() -> TemplateChecks.checkEmailSize(body));

        UUID id = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("body", body);
        content.put("subject", EmailRenderer.subject(template.subject(), finalValues));
        content.put("from_email", service.emailFrom() + "@" + emailDomain);
        Map<String, Object> response = response(id, request.reference(), content, service, template);
        if (request.oneClickUnsubscribeUrl() != null) {
            response.put("one_click_unsubscribe_url", request.oneClickUnsubscribeUrl());
        }
        response.put("scheduled_for", request.scheduledForAsSent());

        NewNotification notification = new NewNotification(id, request.recipient(), normalised, service.id(), template.id(),
                template.version(), caller.key().id(), caller.keyType(), "email", Timestamps.now(), "created", request.reference(),
                encrypt(uploads.personalisation()), false, null, null, replyTo, uploads.documentDownloadCount(), null)
                .withOneClickUnsubscribeUrl(request.oneClickUnsubscribeUrl());
        accept(exchange, caller, template, notification, response, simulated, request.scheduledFor(), QueueNames.SEND_EMAIL,
                QueueNames.SAVE_API_EMAIL);
    }

    /**
     * Templated letters (notifications-api app/v2/notifications/post_notifications.py): permission, rate limit,
     * template checks (the contact block's placeholders
     * count), team key and trial mode (403), the address (4.5); stored {@code created} ({@code delivered} for test
     * keys) with its postage (the template's, or the address's international zone) and a PDF task queued on
     * {@code create-letters-pdf-tasks} (notifications-api app/celery/letters_pdf_tasks.py). A precompiled letter is
     * left to {@link PrecompiledLetterSends}.
     */
    public void letter(Exchange exchange) {
        Authenticated caller = caller(exchange);
        NotificationRequests.Letter request = requests.letter(V2Requests.parse(exchange.getMessage().getBody(byte[].class), false));
        ServiceData service = caller.service();
        if (!service.hasPermission("letter")) {
            throw ApiError.badRequest("Service is not allowed to send letters");
        }
        rateLimiter.check(service.id(), caller.keyType(), service.rateLimit());
        if (request.precompiled()) {
            exchange.setProperty(PRECOMPILED, request);
            return;
        }
        TemplateData template = template(service, request.templateId(), "letter");
        String contactBlock = service.letterContact(template.letterContactId()).map(ServiceData.LetterContact::contactBlock).orElse(null);
        Personalisation values = ApiSupport.personalisation(request.personalisation());
        check(() -> TemplateChecks.checkPersonalisation(values, template.subject(), template.content(), contactBlock));
        if ("team".equals(caller.keyType())) {
            throw new ApiError(403, "BadRequestError", "Cannot send letters with a team api key");
        }
        if (!service.researchMode() && service.restricted() && !"test".equals(caller.keyType())) {
            throw new ApiError(403, "BadRequestError", "Cannot send letters when service is in trial mode");
        }
        PostalAddress address = LetterAddresses.of(request.personalisation(), service.hasPermission("international_letters"));
        if (!address.hasEnoughLines()) {
            throw ApiError.validation("Address must be at least " + PostalAddress.MIN_LINES + " lines");
        }
        if (address.hasTooManyLines()) {
            throw ApiError.validation("Address must be no more than " + PostalAddress.MAX_LINES + " lines");
        }
        if (!address.hasValidLastLine()) {
            throw ApiError.validation(service.hasPermission("international_letters")
                    ? "Last line of address must be a real UK postcode or another country" : "Must be a real UK postcode");
        }
        if (address.hasInvalidCharacters()) {
            throw ApiError.validation("Address lines must not start with any of the following characters: @ ( ) = [ ] \u201d \\ / , < >");
        }
        String postage = address.internationalPostage().orElse(template.postage() == null ? "second" : template.postage());

        UUID id = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("body", LetterRenderer.body(template.content(), values));
        content.put("subject", LetterRenderer.subject(template.subject(), values));
        Map<String, Object> response = response(id, request.reference(), content, service, template);

        boolean test = "test".equals(caller.keyType());
        java.time.Instant now = Timestamps.now();
        String to = address.normalised();
        NewNotification notification = new NewNotification(id, to, to.replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT),
                service.id(), template.id(), template.version(), caller.key().id(), caller.keyType(), "letter", now,
                test ? "delivered" : "created", request.reference(), encrypt(request.personalisation()), address.international(),
                null, null, contactBlock, null, postage, LetterReferences.random(), test ? now : null);
        DailyLimit.Reservation reservation = dailyLimit.reserve(service.id(), caller.keyType(), service.messageLimit());
        Accepted accepted = new Accepted(notification, response, QueueNames.CREATE_LETTERS_PDF, reservation);
        exchange.setProperty(ACCEPTED, accepted);
        persist(accepted);
        setDeliver(exchange, QueueNames.CREATE_LETTERS_PDF, id);
    }

    /**
     * Any other {@code /v2/notifications/{type}}: authenticated, body parsed, then the routing 404 (notifications-api
     * app/v2/notifications/post_notifications.py).
     */
    public void unknownType(Exchange exchange) {
        V2Requests.parse(exchange.getMessage().getBody(byte[].class), false);
        throw org.notifyoncamel.http.AdminError.notFound(
                "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");
    }

    /** After a failed deliver-task enqueue: the row stays {@code created}; the replay task sends it later. */
    public void deliverEnqueueFailed(Exchange exchange) {
        Accepted accepted = exchange.getProperty(ACCEPTED, Accepted.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("notification_id={} service_id={} stored but not queued ({}); it stays created for the replay task",
                accepted.notification().id(), accepted.notification().serviceId(),
                failure == null ? "unknown" : failure.getClass().getSimpleName());
    }

    /** The save queue refused the message (e.g. too large): persist here and queue the deliver task instead. */
    public void saveEnqueueFailed(Exchange exchange) {
        Accepted accepted = exchange.getProperty(ACCEPTED, Accepted.class);
        LOG.info("notification_id={} save task not queued; persisting synchronously", accepted.notification().id());
        persist(accepted);
        setDeliver(exchange, accepted.deliverQueue(), accepted.notification().id());
    }

    public HttpResult respond(Exchange exchange) {
        Accepted accepted = exchange.getProperty(ACCEPTED, Accepted.class);
        metrics.accepted(accepted.notification().notificationType(), accepted.notification().keyType());
        return HttpResult.created(accepted.response());
    }


    private void accept(Exchange exchange, Authenticated caller, TemplateData template, NewNotification notification,
                        Map<String, Object> response, boolean simulated, Instant scheduledFor, String sendQueue, String saveQueue) {
        ServiceData service = caller.service();
        if (simulated) {
            exchange.setProperty(ACCEPTED, new Accepted(notification, response, null, () -> { }));
            exchange.setProperty(ENQUEUE, "none");
            return;
        }
        DailyLimit.Reservation reservation = dailyLimit.reserve(service.id(), caller.keyType(), service.messageLimit());
        boolean research = service.researchMode() || "test".equals(caller.keyType());
        String deliverQueue = research ? QueueNames.RESEARCH_MODE : template.isPriority() ? QueueNames.PRIORITY : sendQueue;
        Accepted accepted = new Accepted(notification, response, deliverQueue, reservation);
        exchange.setProperty(ACCEPTED, accepted);
        if (scheduledFor != null) {
            // stored with its schedule and queued by the scheduler at that time (docs/adr/0151), never on the save path
            persistScheduled(accepted, scheduledFor);
            exchange.setProperty(ENQUEUE, "none");
            return;
        }
        if ("normal".equals(caller.keyType()) && highVolumeServices.contains(service.id().toString())) {
            // notifications-api app/celery/tasks.py (save_api_sms, save_api_email): template priority is not applied on this path
            accepted = new Accepted(notification, response, service.researchMode() ? QueueNames.RESEARCH_MODE : sendQueue, reservation);
            exchange.setProperty(ACCEPTED, accepted);
            exchange.setProperty(ENQUEUE, "save");
            exchange.setProperty(QUEUE, saveQueue);
            exchange.setProperty(QUEUE_MESSAGE, json(Map.of("notification", notification.columns())));
            return;
        }
        persist(accepted);
        setDeliver(exchange, deliverQueue, notification.id());
    }

    private void persist(Accepted accepted) {
        try {
            store.insert(accepted.notification());
        } catch (RuntimeException e) {
            accepted.reservation().release();
            throw e;
        }
    }

    private void persistScheduled(Accepted accepted, Instant scheduledFor) {
        try {
            scheduled.insert(accepted.notification(), scheduledFor, accepted.deliverQueue());
        } catch (RuntimeException e) {
            accepted.reservation().release();
            throw e;
        }
    }

    private void setDeliver(Exchange exchange, String queue, UUID notificationId) {
        exchange.setProperty(ENQUEUE, "deliver");
        exchange.setProperty(QUEUE, queue);
        exchange.setProperty(QUEUE_MESSAGE, json(Map.of("notification_id", notificationId.toString())));
    }

    private Map<String, Object> response(UUID id, String reference, Map<String, Object> content, ServiceData service,
                                         TemplateData template) {
        String root = urls.root();
        Map<String, Object> templateJson = new LinkedHashMap<>();
        templateJson.put("id", template.id().toString());
        templateJson.put("version", template.version());
        templateJson.put("uri", root + "/services/" + service.id() + "/templates/" + template.id());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id.toString());
        response.put("reference", reference);
        response.put("content", content);
        response.put("uri", root + "/v2/notifications/" + id);
        response.put("template", templateJson);
        response.put("scheduled_for", null);
        return response;
    }

    private TemplateData template(ServiceData service, UUID templateId, String notificationType) {
        TemplateData template = cache.template(service.id(), templateId).filter(t -> !t.hidden())
                .orElseThrow(() -> ApiError.badRequest("Template not found"));
        if (!template.templateType().equals(notificationType)) {
            throw ApiError.badRequest(template.templateType() + " template is not suitable for " + notificationType + " notification");
        }
        if (template.archived()) {
            throw ApiError.badRequest("Template has been deleted");
        }
        return template;
    }

    private static void checkRecipientAllowed(Authenticated caller, boolean onTeamOrGuestList) {
        String keyType = caller.keyType();
        if ("test".equals(keyType) || ("normal".equals(keyType) && !caller.service().restricted()) || onTeamOrGuestList) {
            return;
        }
        if ("team".equals(keyType)) {
            throw ApiError.badRequest("Can\u2019t send to this recipient using a team-only API key");
        }
        throw ApiError.badRequest("Can\u2019t send to this recipient when service is in trial mode \u2013 see "
                + "https://www.notifications.service.gov.uk/trial-mode");
    }

    private static void check(Runnable templateCheck) {
        try {
            templateCheck.run();
        } catch (TemplateException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private String encrypt(ObjectNode personalisation) {
        return cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, json(personalisation == null ? mapper.createObjectNode() : personalisation));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }

    private static Authenticated caller(Exchange exchange) {
        return exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
    }
}
