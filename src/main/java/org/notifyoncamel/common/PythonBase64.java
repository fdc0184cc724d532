package org.notifyoncamel.common;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Base64 decoded as Python's {@code base64.b64decode(s)} decodes it (non-strict {@code binascii.a2b_base64}), which
 * is what the original API does with a precompiled letter's {@code content} (notifications-api
 * app/v2/notifications/post_notifications.py): characters outside
 * the alphabet are skipped, decoding stops at the padding that completes a quantum, and a last quantum that is
 * incomplete is an error ("Incorrect padding"). Java's decoders are stricter (MIME) or looser (none of them stop at
 * padding), so clients that the original accepted would otherwise be refused, or the reverse.
 */
public final class PythonBase64 {

    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private PythonBase64() {
    }

    /** The decoded bytes, or empty when Python would raise {@code binascii.Error}. */
    public static Optional<byte[]> decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 3);
        int quadPosition = 0;
        int pads = 0;
        int left = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (quadPosition >= 2 && quadPosition + ++pads >= 4) {
                    return Optional.of(out.toByteArray());
                }
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                continue;
            }
            pads = 0;
            switch (quadPosition) {
                case 0 -> {
                    left = value;
                    quadPosition = 1;
                }
                case 1 -> {
                    out.write((left << 2) | (value >> 4));
                    left = value & 0x0f;
                    quadPosition = 2;
                }
                case 2 -> {
                    out.write((left << 4) | (value >> 2));
                    left = value & 0x03;
                    quadPosition = 3;
                }
                default -> {
                    out.write((left << 6) | value);
                    left = 0;
                    quadPosition = 0;
                }
            }
        }
        return quadPosition == 0 ? Optional.of(out.toByteArray()) : Optional.empty();
    }
}
