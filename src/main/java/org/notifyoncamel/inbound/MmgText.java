package org.notifyoncamel.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * MMG's inbound text fields (the original's {@code format_mmg_message} in
 * {@code app/notifications/receive_notifications.py}): every {@code +} is a space, then the value is
 * percent-decoded as UTF-8 (bad bytes become U+FFFD, a {@code %} not followed by two hex digits stays
 * as it is), then Python backslash escapes are interpreted ({@code \n}, {@code \t}, {@code \\},
 * {@code \xNN}, backslash-u with 4 hex digits, backslash-U with 8, {@code \N{NAME}}, octal {@code \NNN}); an unknown
 * escape stays as written. A broken escape (a trailing backslash, {@code \x} without two hex digits)
 * is a {@link MalformedText}: the original answered 500, we answer 400 (docs/adr/0130).
 */
public final class MmgText {

    /** A value that cannot be decoded: the request is malformed. */
    public static final class MalformedText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedText(String message) {
            super(message);
        }
    }

    private MmgText() {
    }

    public static String decode(String raw) {
        return unescape(percentDecode(raw.replace('+', ' ')));
    }

    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
                bytes.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new MalformedText("\\ at end of string");
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> i = appendHex(text, i, 2, out);
                case 'u' -> i = appendHex(text, i, 4, out);
                case 'U' -> i = appendHex(text, i, 8, out);
                case 'N' -> i = appendNamed(text, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
                            value = value * 8 + (text.charAt(i) - '0');
                            i++;
                            digits++;
                        }
                        out.append((char) value);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendHex(String text, int start, int digits, StringBuilder out) {
        if (start + digits > text.length()) {
            throw new MalformedText("truncated \\" + (digits == 2 ? "x" : digits == 4 ? "u" : "U") + " escape");
        }
        int value = 0;
        for (int k = start; k < start + digits; k++) {
            int h = hex((byte) text.charAt(k));
            if (h < 0 || text.charAt(k) > 0x7f) {
                throw new MalformedText("bad hex digit in escape");
            }
            value = value * 16 + h;
        }
        if (!Character.isValidCodePoint(value)) {
            throw new MalformedText("escape outside the Unicode range");
        }
        out.appendCodePoint(value);
        return start + digits;
    }

    private static int appendNamed(String text, int start, StringBuilder out) {
        int close = text.indexOf('}', start);
        if (start >= text.length() || text.charAt(start) != '{' || close < 0) {
            throw new MalformedText("malformed \\N character escape");
        }
        try {
            out.appendCodePoint(Character.codePointOf(text.substring(start + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new MalformedText("unknown Unicode character name");
        }
        return close + 1;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
