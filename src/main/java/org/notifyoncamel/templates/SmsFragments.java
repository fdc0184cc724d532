package org.notifyoncamel.templates;

/**
 * Fragment count (= billable units) of the text actually sent, prefix included (notifications-utils
 * notifications_utils/template.py, the fragment_count of SMS templates).
 */
public final class SmsFragments {

    public static final int GSM_SINGLE = 160;
    public static final int GSM_MULTIPART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_MULTIPART = 67;

    private SmsFragments() {
    }

    /** Whether the sanitised form of the text must be sent as UCS-2 (it has Welsh non-GSM vowels). */
    public static boolean isUcs2(String text) {
        return SmsCharacters.sanitise(text).codePoints().anyMatch(SmsCharacters::isWelshNonGsm);
    }

    /**
     * Characters charged: length of the text before sanitising plus one for every extension
     * character of the sanitised text.
     */
    public static int chargedCharacters(String text) {
        String sanitised = SmsCharacters.sanitise(text);
        long extension = sanitised.codePoints().filter(SmsCharacters::isExtension).count();
        return text.codePointCount(0, text.length()) + (int) extension;
    }

    /**
     * Fragments for a text (rendered, not yet sanitised, with the service-name prefix when one is
     * sent).
     */
    public static int count(String text) {
        int chars = chargedCharacters(text);
        if (isUcs2(text)) {
            return chars <= UCS2_SINGLE ? 1 : ceilDiv(chars, UCS2_MULTIPART);
        }
        return chars <= GSM_SINGLE ? 1 : ceilDiv(chars, GSM_MULTIPART);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
