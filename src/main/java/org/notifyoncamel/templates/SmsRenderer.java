package org.notifyoncamel.templates;

/** Text message bodies (notifications-utils notifications_utils/template.py). */
public final class SmsRenderer {

    private SmsRenderer() {
    }

    /**
     * The rendered body before GSM sanitising: the form whose length is checked against the limit
     * and used for fragment counting.
     */
    public static String renderUnsanitised(String content, Personalisation values) {
        String filled = Placeholders.fill(content, values, Placeholders.ListStyle.INLINE);
        String text = Whitespace.removeBeforePunctuation(filled);
        text = Whitespace.normaliseLines(text);
        text = Whitespace.collapseNewlines(text);
        return Whitespace.strip(text);
    }

    /** The body as shown in API responses (GSM-sanitised, no prefix). */
    public static String render(String content, Personalisation values) {
        return SmsCharacters.sanitise(renderUnsanitised(content, values));
    }

    /**
     * Adds the service-name prefix ({@code name: body}) when the service prefixes its messages.
     * Use it on the unsanitised body for fragment counting and sanitise the result to send it.
     */
    public static String withPrefix(String body, String serviceName, boolean prefixSms) {
        if (!prefixSms || serviceName == null || serviceName.isEmpty()) {
            return body;
        }
        return Whitespace.strip(serviceName) + ": " + body;
    }

    /** Fragments of the message as it will be sent. */
    public static int fragments(String unsanitisedBody, String serviceName, boolean prefixSms) {
        return SmsFragments.count(withPrefix(unsanitisedBody, serviceName, prefixSms));
    }
}
