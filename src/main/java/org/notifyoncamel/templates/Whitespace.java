package org.notifyoncamel.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The whitespace clean-ups shared by the renderers (Python {@code str.split()} semantics). */
public final class Whitespace {

    /** Zero-width characters removed everywhere whitespace is normalised. */
    public static final String ZERO_WIDTH = "\u180E\u200B\u200C\u200D\u2060\uFEFF";
    public static final char NO_BREAK_SPACE = '\u00A0';

    private static final Pattern BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([,.])");
    private static final Pattern THREE_OR_MORE_NEWLINES = Pattern.compile("\\n{3,}");

    private Whitespace() {
    }

    /** Python {@code str.isspace()} for one code point. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR
            || cp == 0x85;
    }

    /** Removes spaces and tabs in front of {@code ,} and {@code .}. */
    public static String removeBeforePunctuation(String value) {
        return BEFORE_PUNCTUATION.matcher(value).replaceAll("$1");
    }

    /** No-break spaces become spaces, zero-width characters go, runs of whitespace become one space, trimmed. */
    public static String normalise(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (ZERO_WIDTH.indexOf(cp) >= 0) {
                continue;
            }
            if (cp == NO_BREAK_SPACE || isSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** {@link #normalise} applied to every line (Python {@code splitlines}), joined with {@code \n}. */
    public static String normaliseLines(String value) {
        return String.join("\n", splitLines(value).stream().map(Whitespace::normalise).toList());
    }

    /** Three or more newlines in a row become two. */
    public static String collapseNewlines(String value) {
        return THREE_OR_MORE_NEWLINES.matcher(value).replaceAll("\n\n");
    }

    /** Python {@code str.strip()}. */
    public static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Python {@code str.splitlines()}: no trailing empty line, many line boundaries. */
    public static List<String> splitLines(String value) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (isLineBoundary(c)) {
                lines.add(value.substring(start, i));
                i += (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < value.length()) {
            lines.add(value.substring(start));
        }
        return lines;
    }

    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u001C' || c == '\u001D'
            || c == '\u001E' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
