package org.notifyoncamel.templates;

/** Letter text as the API shows it (notifications-utils notifications_utils/template.py): the body as for email, the subject HTML-escaped. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    public static String body(String content, Personalisation values) {
        return EmailRenderer.body(content, values);
    }

    /** As the email subject, but template text and values are HTML-escaped first. */
    public static String subject(String subject, Personalisation values) {
        String filled = Placeholders.fill(subject, values, Placeholders.ListStyle.INLINE, HtmlEscaping::escape);
        return Whitespace.normalise(Typography.nice(filled));
    }
}
