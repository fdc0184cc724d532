package org.notifyoncamel.templates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notify's "nice typography" for email subjects and HTML: whitespace before {@code ,}/{@code .}
 * removed, SmartyPants-style curly quotes (as Unicode; markup and link text untouched; straight
 * apostrophes kept in email addresses), and spaced hyphens/dashes turned into an en dash.
 */
public final class Typography {

    private static final int U = Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern TAG_SOUP = Pattern.compile("([^<]*)(<!--.*?--\\s*>|<[^>]*>)", Pattern.DOTALL);
    private static final Pattern SKIPPED_TAG = Pattern.compile(
        "<(/)?(pre|samp|code|tt|kbd|script|style|math|a)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_LIKE = Pattern.compile("(^|\\s)\\S+@\\S+(\\s|$)", Pattern.MULTILINE
        | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-\u2013\u2014]{1,3}\\s+",
        Pattern.UNICODE_CHARACTER_CLASS);

    private static final String OPEN_SINGLE = "\u2018";
    private static final String CLOSE_SINGLE = "\u2019";
    private static final String OPEN_DOUBLE = "\u201C";
    private static final String CLOSE_DOUBLE = "\u201D";

    private static final String PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
    private static final String CLOSE_CLASS = "[^ \\t\\r\\n\\[{(\\-]";
    private static final String OPENERS = "(\\s|&nbsp;|--|&[mn]dash;|&#8211;|&#8212;|&#x201[34];)";

    private static final Pattern FIRST_SINGLE = Pattern.compile("^'(?=" + PUNCT + "\\B)", U);
    private static final Pattern FIRST_DOUBLE = Pattern.compile("^\"(?=" + PUNCT + "\\B)", U);
    private static final Pattern DOUBLE_THEN_SINGLE = Pattern.compile("\"'(?=\\w)", U);
    private static final Pattern SINGLE_THEN_DOUBLE = Pattern.compile("'\"(?=\\w)", U);
    private static final Pattern DECADE = Pattern.compile("\\b'(?=\\d{2}s)", U);
    private static final Pattern OPEN_SINGLE_RE = Pattern.compile(OPENERS + "'(?=\\w)", U);
    private static final Pattern CLOSE_SINGLE_RE = Pattern.compile("(" + CLOSE_CLASS + ")'(?!\\s|s\\b|\\d)", U);
    private static final Pattern CLOSE_SINGLE_RE2 = Pattern.compile("(" + CLOSE_CLASS + ")'(\\s|s\\b)", U);
    private static final Pattern OPEN_DOUBLE_RE = Pattern.compile(OPENERS + "\"(?=\\w)", U);
    private static final Pattern CLOSE_DOUBLE_BEFORE_SPACE = Pattern.compile("\"(?=\\s)", U);
    private static final Pattern CLOSE_DOUBLE_RE = Pattern.compile("(" + CLOSE_CLASS + ")\"", U);

    private Typography() {
    }

    /** The full treatment: punctuation spacing, smart quotes, email apostrophes, en dashes. */
    public static String nice(String value) {
        String text = Whitespace.removeBeforePunctuation(value);
        text = smartQuotes(text);
        text = restoreApostrophesInEmailAddresses(text);
        return enDashes(text);
    }

    /** {@code " - "}, {@code " -- "}, {@code " — "} etc. between whitespace become {@code " – "}. */
    public static String enDashes(String value) {
        return SPACED_DASH.matcher(value).replaceAll(" \u2013 ");
    }

    /** Straight {@code '} back inside anything that looks like an email address. */
    public static String restoreApostrophesInEmailAddresses(String value) {
        Matcher m = EMAIL_LIKE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (m.find()) {
            String fixed = m.group().replace(OPEN_SINGLE, "'").replace(CLOSE_SINGLE, "'");
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** SmartyPants quote education over text tokens; tags and text inside skipped tags (incl. {@code a}) untouched. */
    public static String smartQuotes(String value) {
        StringBuilder out = new StringBuilder(value.length());
        Deque<String> skipped = new ArrayDeque<>();
        String previousLastChar = "";
        Matcher m = TAG_SOUP.matcher(value);
        int end = 0;
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                previousLastChar = text(m.group(1), !skipped.isEmpty(), previousLastChar, out);
            }
            String tag = m.group(2);
            out.append(tag);
            boolean isTag = !tag.startsWith("<!--")
                || !tag.substring(4).replaceAll(">$", "").stripTrailing().replaceAll("-+$", "").contains("--");
            if (isTag) {
                Matcher skip = SKIPPED_TAG.matcher(tag);
                if (skip.lookingAt()) {
                    String name = skip.group(2).toLowerCase(Locale.ROOT);
                    if (skip.group(1) == null) {
                        skipped.push(name);
                    } else if (!skipped.isEmpty() && skipped.peek().equals(name)) {
                        skipped.pop();
                    }
                }
            }
            end = m.end();
        }
        if (end < value.length()) {
            text(value.substring(end), !skipped.isEmpty(), previousLastChar, out);
        }
        return out.toString();
    }

    private static String text(String token, boolean skip, String previousLastChar, StringBuilder out) {
        String lastChar = token.substring(token.length() - 1);
        if (skip) {
            out.append(token);
            return lastChar;
        }
        String t = processEscapes(token);
        if (t.equals("'")) {
            t = !previousLastChar.isEmpty() && !Whitespace.isSpace(previousLastChar.codePointAt(0)) ? CLOSE_SINGLE : OPEN_SINGLE;
        } else if (t.equals("\"")) {
            t = !previousLastChar.isEmpty() && !Whitespace.isSpace(previousLastChar.codePointAt(0)) ? CLOSE_DOUBLE : OPEN_DOUBLE;
        } else {
            t = convertQuotes(t);
        }
        out.append(t);
        return lastChar;
    }

    /** Backslash escapes force a plain character. */
    private static String processEscapes(String t) {
        if (t.indexOf('\\') < 0) {
            return t;
        }
        return t.replace("\\\\", "\u0000B").replace("\\\"", "\u0000Q").replace("\\'", "\u0000S")
            .replace("\\.", "\u0000D").replace("\\-", "\u0000H").replace("\\`", "\u0000T");
    }

    private static String restoreEscapes(String t) {
        if (t.indexOf('\u0000') < 0) {
            return t;
        }
        return t.replace("\u0000B", "\\").replace("\u0000Q", "\"").replace("\u0000S", "'")
            .replace("\u0000D", ".").replace("\u0000H", "-").replace("\u0000T", "`");
    }

    private static String convertQuotes(String text) {
        String t = text;
        t = FIRST_SINGLE.matcher(t).replaceAll(CLOSE_SINGLE);
        t = FIRST_DOUBLE.matcher(t).replaceAll(CLOSE_DOUBLE);
        t = DOUBLE_THEN_SINGLE.matcher(t).replaceAll(OPEN_DOUBLE + OPEN_SINGLE);
        t = SINGLE_THEN_DOUBLE.matcher(t).replaceAll(OPEN_SINGLE + OPEN_DOUBLE);
        t = DECADE.matcher(t).replaceAll(CLOSE_SINGLE);
        t = OPEN_SINGLE_RE.matcher(t).replaceAll("$1" + OPEN_SINGLE);
        t = CLOSE_SINGLE_RE.matcher(t).replaceAll("$1" + CLOSE_SINGLE);
        t = CLOSE_SINGLE_RE2.matcher(t).replaceAll("$1" + CLOSE_SINGLE + "$2");
        t = t.replace("'", OPEN_SINGLE);
        t = OPEN_DOUBLE_RE.matcher(t).replaceAll("$1" + OPEN_DOUBLE);
        t = CLOSE_DOUBLE_BEFORE_SPACE.matcher(t).replaceAll(CLOSE_DOUBLE);
        t = CLOSE_DOUBLE_RE.matcher(t).replaceAll("$1" + CLOSE_DOUBLE);
        if (t.endsWith("-\"")) {
            t = t.substring(0, t.length() - 1) + CLOSE_DOUBLE;
        }
        t = t.replace("\"", OPEN_DOUBLE);
        return restoreEscapes(t);
    }
}
