package org.notifyoncamel.templates;

import java.nio.charset.StandardCharsets;

/** Message-too-long and empty-message checks (notifications-api app/notifications/validators.py). */
public final class TemplateChecks {

    public static final int SMS_CHAR_COUNT_LIMIT = 918;
    public static final int EMAIL_BYTE_LIMIT = 2_000_000;
    public static final String EMPTY_MESSAGE = "Your message is empty.";

    private TemplateChecks() {
    }

    /** Throws when the rendered SMS body (unsanitised, no prefix) is longer than 918 characters. */
    public static void checkSmsLength(String renderedUnsanitisedBody) {
        int length = renderedUnsanitisedBody.codePointCount(0, renderedUnsanitisedBody.length());
        if (length > SMS_CHAR_COUNT_LIMIT) {
            throw new TemplateException("Your message is too long. Text messages cannot be longer than "
                + SMS_CHAR_COUNT_LIMIT + " characters. Your message is " + length + " characters long.");
        }
    }

    /** Throws when the rendered email body is more than 2,000,000 bytes of UTF-8. */
    public static void checkEmailSize(String renderedBody) {
        int bytes = renderedBody.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > EMAIL_BYTE_LIMIT) {
            throw new TemplateException("Your message is too long. Emails cannot be longer than "
                + EMAIL_BYTE_LIMIT + " bytes. Your message is " + bytes + " bytes.");
        }
    }

    /** Throws {@code Missing personalisation: …} when placeholders of the texts lack values. */
    public static void checkPersonalisation(Personalisation values, String... texts) {
        Placeholders.missingMessage(values, texts).ifPresent(message -> {
            throw new TemplateException(message);
        });
    }

    /** SMS: empty when the rendered body (unsanitised, no prefix) is empty. */
    public static void checkSmsNotEmpty(String renderedUnsanitisedBody) {
        if (renderedUnsanitisedBody.isEmpty()) {
            throw new TemplateException(EMPTY_MESSAGE);
        }
    }

    /**
     * Email/letter: empty only when the raw body is empty, or starts with {@code ((}, ends with
     * {@code ))} and renders to nothing.
     */
    public static void checkBodyNotEmpty(String rawBody, String renderedBody) {
        boolean onlyPlaceholders = rawBody.startsWith("((") && rawBody.endsWith("))");
        if (rawBody.isEmpty() || (onlyPlaceholders && renderedBody.isEmpty())) {
            throw new TemplateException(EMPTY_MESSAGE);
        }
    }
}
