package org.notifyoncamel.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyoncamel.auth.ApiKeyAuthenticator;
import org.notifyoncamel.auth.ApiKeyAuthenticator.Authenticated;
import org.notifyoncamel.common.Uuids;
import org.notifyoncamel.http.ApiError;
import org.notifyoncamel.letters.LetterStore;
import org.notifyoncamel.letters.LetterTimings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GET /v2/notifications/{id}/pdf (notifications-api app/v2/notifications/get_notifications.py): {@link #locate} answers
 * the status rules and names the bucket
 * and key; the route reads the object from S3; {@link #respond} writes the bytes, {@link #notReady} any failure to read.
 */
@Component("letterPdfDownloads")
public class LetterPdfDownloads {

    /** Exchange property: the bucket the route reads from. */
    public static final String BUCKET = "notifyPdfBucket";
    /**
     * Exchange property set by the route when reading the object failed (notifications-api
     * app/v2/notifications/get_notifications.py).
     */
    public static final String MISSING = "notifyPdfMissing";
    static final String NOT_READY = "PDF not available yet, try again later";

    private final LetterStore letters;
    private final String lettersBucket;
    private final String testLettersBucket;
    private final String invalidBucket;

    public LetterPdfDownloads(LetterStore letters,
                              @Value("${notify.letters.buckets.letters-pdf}") String lettersBucket,
                              @Value("${notify.letters.buckets.test-letters}") String testLettersBucket,
                              @Value("${notify.letters.buckets.invalid-pdf}") String invalidBucket) {
        this.letters = letters;
        this.lettersBucket = lettersBucket;
        this.testLettersBucket = testLettersBucket;
        this.invalidBucket = invalidBucket;
    }

    public void locate(Exchange exchange, @Header("notification_id") String notificationId) {
        Authenticated caller = exchange.getProperty(ApiKeyAuthenticator.AUTHENTICATED, Authenticated.class);
        UUID id = Uuids.parse(notificationId).orElseThrow(() -> ApiError.validation("notification_id is not a valid UUID"));
        LetterStore.Letter letter = letters.find(caller.serviceId(), id).orElseThrow(() -> ApiError.notFound("No result found"));
        if (!"letter".equals(letter.notificationType())) {
            throw ApiError.badRequest("Notification is not a letter");
        }
        switch (letter.status()) {
            case "virus-scan-failed" -> throw ApiError.badRequest("File did not pass the virus scan");
            case "technical-failure" -> throw ApiError.badRequest("PDF not available for letters in status technical-failure");
            case "pending-virus-check" -> throw notReady();
            default -> { }
        }
        if (letter.reference() == null) {
            throw notReady();
        }
        String bucket = "validation-failed".equals(letter.status()) ? invalidBucket : letter.testKey() ? testLettersBucket : lettersBucket;
        exchange.setProperty(BUCKET, bucket);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("CamelAwsS3Key", LetterTimings.pdfFileName(letter.reference(), letter.postage(),
                letter.crown(), letter.createdAt(), letter.testKey() && !"validation-failed".equals(letter.status())));
    }

    /** The object's bytes as the 200 response; PDFNotReadyError when the route could not read it. */
    public void respond(Exchange exchange) throws IOException {
        if (Boolean.TRUE.equals(exchange.getProperty(MISSING, Boolean.class))) {
            throw notReady();
        }
        byte[] pdf;
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            if (in == null) {
                throw notReady();
            }
            pdf = in.readAllBytes();
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
        exchange.getMessage().setBody(pdf);
    }

    static ApiError notReady() {
        return new ApiError(400, "PDFNotReadyError", NOT_READY);
    }
}
