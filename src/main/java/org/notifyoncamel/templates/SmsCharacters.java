package org.notifyoncamel.templates;

import java.text.Normalizer;
import java.util.Map;

/**
 * The character rules of SMS (notifications-utils notifications_utils/sanitise_text.py): which characters are sent as they
 * are (GSM 03.38 plus Welsh accented vowels), how others are downgraded, and which characters cost
 * double or force UCS-2.
 */
public final class SmsCharacters {

    /** GSM 03.38 basic character set. */
    public static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** GSM 03.38 extension characters: each costs two characters. */
    public static final String GSM_EXTENSION = "^{}\\[~]|€";
    /** Welsh vowels with grave, acute, diaeresis or circumflex. */
    public static final String WELSH_ACCENTED = "àèìòùẁỳÀÈÌÒÙẀỲ" + "áéíóúẃýÁÉÍÓÚẂÝ" + "äëïöüẅÿÄËÏÖÜẄŸ" + "âêîôûŵŷÂÊÎÔÛŴŶ";

    private static final Map<Integer, String> REPLACEMENTS = Map.of(
        0x2013, "-", 0x2014, "-", 0x2026, "...", 0x2018, "'", 0x2019, "'",
        0x201C, "\"", 0x201D, "\"", 0x200B, "", 0x00A0, "", (int) '\t', " ");

    private SmsCharacters() {
    }

    public static boolean isGsm(int cp) {
        return GSM_BASIC.indexOf(cp) >= 0 || GSM_EXTENSION.indexOf(cp) >= 0;
    }

    /** Sent unchanged: GSM characters and Welsh accented vowels. */
    public static boolean isAllowed(int cp) {
        return isGsm(cp) || WELSH_ACCENTED.indexOf(cp) >= 0;
    }

    /** A Welsh accented vowel outside the GSM set: the message must go as UCS-2. */
    public static boolean isWelshNonGsm(int cp) {
        return WELSH_ACCENTED.indexOf(cp) >= 0 && !isGsm(cp);
    }

    public static boolean isExtension(int cp) {
        return GSM_EXTENSION.indexOf(cp) >= 0;
    }

    /** Replaces every character that is not allowed by its downgrade, or {@code ?}. */
    public static String sanitise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(isAllowed(cp) ? Character.toString(cp) : downgrade(cp)));
        return out.toString();
    }

    /**
     * The replacement for a character that is not allowed: the longest canonical-decomposition
     * prefix that composes to an allowed character ({@code á} → {@code a}, {@code ǘ} → {@code ü});
     * then the typographic replacements; then {@code ?}.
     */
    static String downgrade(int cp) {
        String ch = Character.toString(cp);
        String decomposed = Normalizer.normalize(ch, Normalizer.Form.NFD);
        if (!decomposed.equals(ch)) {
            int[] points = decomposed.codePoints().toArray();
            for (int n = points.length; n >= 1; n--) {
                String composed = Normalizer.normalize(new String(points, 0, n), Normalizer.Form.NFC);
                if (composed.codePointCount(0, composed.length()) == 1 && isAllowed(composed.codePointAt(0))) {
                    return composed;
                }
            }
        }
        String replacement = REPLACEMENTS.get(cp);
        return replacement != null ? replacement : "?";
    }
}
