package org.notifyoncamel.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.cache.ServiceData;
import org.notifyoncamel.common.PythonBase64;
import org.notifyoncamel.common.Timestamps;
import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.letters.LetterReferences;
import org.notifyoncamel.letters.LetterTimings;
import org.notifyoncamel.limits.DailyLimit;
import org.notifyoncamel.notifications.GroupCommitInserts;
import org.notifyoncamel.notifications.NewNotification;
import org.notifyoncamel.precompiled.PrecompiledLetterStore;
import org.notifyoncamel.precompiled.PrecompiledLetters;
import org.notifyoncamel.precompiled.PrecompiledTemplateStore;
import org.notifyoncamel.precompiled.PrecompiledTemplateStore.PrecompiledTemplate;
import org.notifyoncamel.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * POST /v2/notifications/letter with {@code content} (notifications-api app/v2/notifications/post_notifications.py),
 * after {@link PostNotifications#letter} has
 * checked the schema, the letter permission and the rate limit: the service's hidden precompiled template, team key
 * and trial mode (403), the content decoded as the original decodes base64, its size (413), then the notification
 * prepared as {@code pending-virus-check}. The route stores the upload in the scan bucket, then {@link #persist}
 * saves the row and names the {@code letter-tasks} task; the route queues it and answers 201
 * {@code {"id", "reference", "postage"}}.
 */
@Component("precompiledLetterSends")
public class PrecompiledLetterSends {

    /** Exchange property: the {@link Upload} the route stores in the scan bucket. */
    public static final String UPLOAD = "notifyPrecompiledUpload";
    static final String PROVIDED_AS_PDF = "Provided as PDF";

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledLetterSends.class);

    /** The decoded PDF and its key in the scan bucket (notifications-api app/letters/utils.py, no date folder). */
    public record Upload(String key, byte[] pdf) {
    }

    private final PrecompiledTemplateStore templates;
    private final PrecompiledLetterStore letters;
    private final DailyLimit dailyLimit;
    private final GroupCommitInserts store;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final long maxBytes;

    public PrecompiledLetterSends(PrecompiledTemplateStore templates, PrecompiledLetterStore letters, DailyLimit dailyLimit,
                                  GroupCommitInserts store, SecretCipher cipher, ObjectMapper mapper,
                                  @Value("${notify.letters.precompiled.max-bytes}") long maxBytes) {
        this.templates = templates;
        this.letters = letters;
        this.dailyLimit = dailyLimit;
        this.store = store;
        this.cipher = cipher;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public void accept(Exchange exchange) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        NotificationRequests.Letter request = exchange.getProperty(PostNotifications.PRECOMPILED, NotificationRequests.Letter.class);
        ServiceData service = caller.service();
        PrecompiledTemplate template = templates.getOrCreate(service.id());
        if ("team".equals(caller.keyType())) {
            throw new ApiError(403, "BadRequestError", "Cannot send letters with a team api key");
        }
        if (!service.researchMode() && service.restricted() && !"test".equals(caller.keyType())) {
            throw new ApiError(403, "BadRequestError", "Cannot send letters when service is in trial mode");
        }
        byte[] pdf = PythonBase64.decode(request.content())
                .orElseThrow(() -> ApiError.badRequest("Cannot decode letter content (invalid base64 encoding)"));
        if (pdf.length > maxBytes) {
            throw new ApiError(413, "RequestEntityTooLarge", "Letter content is larger than the limit of " + maxBytes + " bytes");
        }

        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now();
        String postage = request.postage() != null ? request.postage() : template.postage() == null ? "second" : template.postage();
        String reference = LetterReferences.random();
        String key = LetterTimings.pdfFileName(reference, postage, letters.crown(service.id()), now, true);
        String personalisation = cipher.encrypt(SecretColumn.NOTIFICATION_PERSONALISATION, json(Map.of("address_line_1", PROVIDED_AS_PDF)));
        NewNotification notification = new NewNotification(id, PROVIDED_AS_PDF, null, service.id(), template.id(),
                template.version(), caller.key().id(), caller.keyType(), "letter", now, PrecompiledLetterStore.PENDING,
                request.reference(), personalisation, false, null, null, null, null, postage, reference, null);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id.toString());
        response.put("reference", request.reference());
        response.put("postage", postage);
        DailyLimit.Reservation reservation = dailyLimit.reserve(service.id(), caller.keyType(), service.messageLimit());
        exchange.setProperty(PostNotifications.ACCEPTED, new PostNotifications.Accepted(notification, response, QueueNames.LETTERS,
                reservation));
        exchange.setProperty(UPLOAD, new Upload(key, pdf));
    }

    /** After the upload is stored: the row saved and the scan task named for the route to queue. */
    public void persist(Exchange exchange) {
        PostNotifications.Accepted accepted = exchange.getProperty(PostNotifications.ACCEPTED, PostNotifications.Accepted.class);
        Upload upload = exchange.getProperty(UPLOAD, Upload.class);
        try {
            store.insert(accepted.notification());
        } catch (RuntimeException e) {
            accepted.reservation().release();
            throw e;
        }
        LOG.info("notification_id={} service_id={} precompiled letter accepted ({} bytes)", accepted.notification().id(),
                accepted.notification().serviceId(), upload.pdf().length);
        exchange.setProperty(PostNotifications.ENQUEUE, "deliver");
        exchange.setProperty(PostNotifications.QUEUE, QueueNames.LETTERS);
        exchange.setProperty(PostNotifications.QUEUE_MESSAGE,
                json(PrecompiledLetters.taskMessage(accepted.notification().id(), upload.key())));
    }

    /** The scan bucket refused the upload: nothing was saved, so today's allowance is given back. */
    public void uploadFailed(Exchange exchange) throws Exception {
        PostNotifications.Accepted accepted = exchange.getProperty(PostNotifications.ACCEPTED, PostNotifications.Accepted.class);
        accepted.reservation().release();
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("service_id={} precompiled letter not stored in the scan bucket ({})", accepted.notification().serviceId(),
                cause == null ? "unknown" : cause.getClass().getSimpleName());
        throw cause != null ? cause : new IllegalStateException("upload failed");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }
}
