package org.notifyoncamel.templates;

/** Letter text as the API shows it (notifications-utils notifications_utils/template.py): the body as for email, the subject HTML-escaped. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    public static String body(String content, Personalisation values) {
        return EmailRenderer.body(content, values);
    }

    /**
     * The letter's message as print HTML (notifications-utils notifications_utils/template.py): placeholders filled
     * HTML-escaped (lists as markdown),
     * letter markdown, nice typography, then every remaining {@code -} in text becomes U+2011 (markup untouched,
     * so the page-break class stays ASCII).
     */
    public static String messageHtml(String content, Personalisation values) {
        String escaped = Placeholders.fill(content, values, Placeholders.ListStyle.MARKDOWN, HtmlEscaping::escape) + "\n";
        return nonBreakingHyphensInText(Typography.nice(LetterMarkdown.toHtml(escaped)));
    }

    /**
     * The contact block (notifications-utils notifications_utils/jinja_templates/letter_pdf/): lines stripped,
     * placeholders filled escaped, newlines as {@code <br>}.
     */
    public static String contactBlockHtml(String contactBlock, Personalisation values) {
        if (contactBlock == null) {
            return "";
        }
        String stripped = String.join("\n", contactBlock.strip().lines().map(String::strip).toList());
        String filled = Placeholders.fill(stripped, values, Placeholders.ListStyle.INLINE, HtmlEscaping::escape);
        return Whitespace.removeBeforePunctuation(filled).replace("\n", "<br>");
    }

    static String nonBreakingHyphensInText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            out.append(!inTag && c == '-' ? '\u2011' : c);
        }
        return out.toString();
    }

    /** As the email subject, but template text and values are HTML-escaped first. */
    public static String subject(String subject, Personalisation values) {
        String filled = Placeholders.fill(subject, values, Placeholders.ListStyle.INLINE, HtmlEscaping::escape);
        return Whitespace.normalise(Typography.nice(filled));
    }
}
