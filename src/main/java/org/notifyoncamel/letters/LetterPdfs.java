package org.notifyoncamel.letters;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.notifyoncamel.crypto.SecretCipher;
import org.notifyoncamel.crypto.SecretColumn;
import org.notifyoncamel.queues.Task;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The PDF task of a templated letter (notifications-api app/celery/letters_pdf_tasks.py; route {@code
 * create-letter-pdf}): render, tell the route where
 * to store the PDF, then bill its sheets. A letter over 10 pages is stored in the invalid-PDF bucket and ends in
 * {@code validation-failed} (Notify's rule from 2022; docs/compatibility.md); one that cannot be rendered ends in
 * {@code technical-failure}.
 */
@Component("letterPdfs")
public class LetterPdfs {

    public static final int MAX_PAGES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(LetterPdfs.class);

    /** A rendered letter and where it goes. */
    public record Rendered(UUID notificationId, String bucket, String key, byte[] pdf, int pages, int billableUnits, boolean tooLong) {
    }

    private final LetterStore store;
    private final LetterPdfRenderer renderer;
    private final SecretCipher cipher;
    private final ObjectMapper mapper;
    private final String lettersBucket;
    private final String testLettersBucket;
    private final String invalidBucket;
    private final String logoBaseUrl;

    public LetterPdfs(LetterStore store, LetterPdfRenderer renderer, SecretCipher cipher, ObjectMapper mapper,
                      @Value("${notify.letters.buckets.letters-pdf}") String lettersBucket,
                      @Value("${notify.letters.buckets.test-letters}") String testLettersBucket,
                      @Value("${notify.letters.buckets.invalid-pdf}") String invalidBucket,
                      @Value("${notify.letters.logo-base-url}") String logoBaseUrl) {
        this.store = store;
        this.renderer = renderer;
        this.cipher = cipher;
        this.mapper = mapper;
        this.lettersBucket = lettersBucket;
        this.testLettersBucket = testLettersBucket;
        this.invalidBucket = invalidBucket;
        this.logoBaseUrl = logoBaseUrl;
    }

    /** The task's {@code notification_id} (message {@code {"notification_id": "<uuid>"}}). */
    public UUID notificationId(Task task) {
        try {
            return UUID.fromString(task.notificationId());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a letter PDF task", e);
        }
    }

    /** The rendered letter, or null when there is nothing to render (gone, cancelled, failed or not a templated letter). */
    public Rendered render(UUID id) {
        LetterStore.Letter letter = store.find(id).orElse(null);
        if (letter == null || !"letter".equals(letter.notificationType())
                || !(letter.status().equals("created") || letter.status().equals("delivered") || letter.status().equals("sending"))) {
            LOG.info("notification_id={} no PDF to create (status {})", id, letter == null ? "unknown" : letter.status());
            return null;
        }
        ObjectNode values = personalisation(letter.encryptedPersonalisation());
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        values.properties().forEach(e -> map.put(e.getKey(), e.getValue() == null || e.getValue().isNull() ? null : e.getValue()));
        Personalisation personalisation = Personalisation.of(map);
        LetterPdfRenderer.Letter page = new LetterPdfRenderer.Letter(LetterAddresses.printedLines(values),
                LetterRenderer.contactBlockHtml(letter.contactBlock(), personalisation),
                LetterRenderer.subject(letter.subject(), personalisation),
                LetterRenderer.messageHtml(letter.content(), personalisation),
                LocalDate.now(ZoneOffset.UTC),
                letter.brandingFilename() == null ? null : logoBaseUrl + "/" + letter.brandingFilename() + ".svg");
        LetterPdfRenderer.Pdf pdf = renderer.render(page);
        String key = LetterTimings.pdfFileName(letter.reference(), letter.postage(), letter.crown(), letter.createdAt(), letter.testKey());
        boolean tooLong = pdf.pages() > MAX_PAGES;
        String bucket = tooLong ? invalidBucket : letter.testKey() ? testLettersBucket : lettersBucket;
        int sheets = letter.testKey() ? 0 : (pdf.pages() + 1) / 2;
        return new Rendered(id, bucket, key, pdf.bytes(), pdf.pages(), sheets, tooLong);
    }

    /** After the PDF is stored: bill the sheets, or fail a letter that is too long to print. */
    public void stored(Rendered rendered) {
        if (rendered.tooLong()) {
            store.fail(rendered.notificationId(), "validation-failed");
            LOG.warn("notification_id={} letter has {} pages (more than {}): validation-failed", rendered.notificationId(),
                    rendered.pages(), MAX_PAGES);
            return;
        }
        store.rendered(rendered.notificationId(), rendered.billableUnits());
        LOG.info("notification_id={} letter PDF stored ({} pages)", rendered.notificationId(), rendered.pages());
    }

    /** Retries exhausted or the letter cannot be rendered: technical-failure, never stuck in created. */
    public void failed(UUID id, Throwable cause) {
        if (id == null) {
            LOG.error("dropped an unreadable letter PDF task ({})", cause == null ? "unknown" : cause.getClass().getSimpleName());
            return;
        }
        int updated = store.fail(id, "technical-failure");
        LOG.error("notification_id={} letter PDF could not be created ({}): technical-failure ({} row)", id,
                cause == null ? "unknown" : cause.getClass().getSimpleName(), updated);
    }

    private ObjectNode personalisation(String encrypted) {
        try {
            JsonNode node = encrypted == null ? mapper.createObjectNode() : mapper.readTree(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, encrypted));
            return node instanceof ObjectNode object ? object : mapper.createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("personalisation is not JSON", e);
        }
    }
}
