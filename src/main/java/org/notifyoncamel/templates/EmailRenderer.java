package org.notifyoncamel.templates;

import java.util.regex.Pattern;

/** Email subject, body and HTML as given by the API (notifications-utils notifications_utils/template.py). */
public final class EmailRenderer {

    private static final Pattern GOVUK_NOT_A_LINK = Pattern.compile(
        "(^|\\s)(#|\\*|\\^)?(GOV)\\.(UK)(?!/|\\?|#)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private EmailRenderer() {
    }

    /** Subject: placeholders filled, nice typography, all whitespace collapsed, trimmed. */
    public static String subject(String subject, Personalisation values) {
        String filled = Placeholders.fill(subject, values, Placeholders.ListStyle.INLINE);
        return Whitespace.normalise(Typography.nice(filled));
    }

    /** Body: placeholders filled (lists as markdown), markdown untouched, trimmed. */
    public static String body(String content, Personalisation values) {
        return Whitespace.strip(Placeholders.fill(content, values, Placeholders.ListStyle.MARKDOWN));
    }

    /** The HTML of the body (the preview's {@code html}; the sent email wraps it in a branded layout). */
    public static String html(String content, Personalisation values) {
        String escaped = Placeholders.fill(content, values, Placeholders.ListStyle.MARKDOWN, HtmlEscaping::escape);
        String text = GOVUK_NOT_A_LINK.matcher(escaped).replaceAll("$1$2$3.\u200B$4");
        text = text.replace("\u2028", "") + "\n";
        return Typography.nice(EmailMarkdown.toHtml(text));
    }
}
