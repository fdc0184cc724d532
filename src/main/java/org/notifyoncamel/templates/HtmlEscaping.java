package org.notifyoncamel.templates;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.internal.util.Html5Entities;

/**
 * Notify's HTML escaping of template text and values: character references that are already
 * there (only those ending in {@code ;}) are decoded, except {@code &amp;}, {@code &nbsp;},
 * {@code &lpar;} and {@code &rpar;} which stay as typed; then {@code &}, {@code <} and {@code >}
 * are escaped. Quotes are left alone.
 */
public final class HtmlEscaping {

    private static final Pattern KEPT = Pattern.compile("&(?:amp|nbsp|lpar|rpar);");
    private static final Pattern CHARREF = Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[^\\t\\n\\f <&#;]{1,32};)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlEscaping() {
    }

    public static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        Matcher kept = KEPT.matcher(value);
        int last = 0;
        while (kept.find()) {
            out.append(escapeOnly(unescape(value.substring(last, kept.start()))));
            out.append(kept.group());
            last = kept.end();
        }
        out.append(escapeOnly(unescape(value.substring(last))));
        return out.toString();
    }

    private static String escapeOnly(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Decodes character references that end in {@code ;}. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String ref) {
        String body = ref.substring(0, ref.length() - 1);
        if (body.startsWith("#")) {
            boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
            String digits = body.substring(hex ? 2 : 1);
            long cp;
            try {
                cp = digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                cp = Long.MAX_VALUE;
            }
            if (cp >= 0x80 && cp <= 0x9F) {
                String mapped = new String(new byte[] {(byte) cp}, WINDOWS_1252);
                return mapped.equals("\uFFFD") ? Character.toString((int) cp) : mapped;
            }
            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return "\uFFFD";
            }
            if (isInvalidCodePoint((int) cp)) {
                return "";
            }
            return Character.toString((int) cp);
        }
        String decoded = Html5Entities.entityToString("&" + ref);
        return decoded;
    }

    private static boolean isInvalidCodePoint(int cp) {
        return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F)
            || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
