package org.notifyoncamel.letters;

import java.security.SecureRandom;

/**
 * Letter references: 16 characters of {@code [A-Z0-9]} (the original's {@code create_random_identifier},
 * notifications-api app/__init__.py).
 */
public final class LetterReferences {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LetterReferences() {
    }

    public static String random() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
