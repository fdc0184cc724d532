package org.notifyoncamel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets at rest (API key secrets, callback bearer tokens, personalisation, inbound SMS content):
 * AES-256-GCM, an authenticated cipher, with keys derived from SECRET_KEY and DANGEROUS_SALT.
 * The original only signed these values; we encrypt them (see docs/compatibility.md).
 *
 * <p>SECRET_KEY may be a JSON list (ADR 0004, amended): the first key encrypts, every key decrypts, so a key is
 * rotated by deploying {@code ["new","old"]}, re-encrypting, then dropping the old one. Stored forms:
 * <ul>
 * <li>{@code v3.<key id>.} + base64url(12-byte IV || ciphertext || 16-byte tag): what is written now; the key id
 * (8 characters derived from the key, not the key) names the key that decrypts it, and the value's
 * {@link SecretColumn} ({@code table.column}) is the associated data, so it decrypts only for that column;</li>
 * <li>{@code v2.<key id>.} + the same without associated data: written before binding existed; still read;</li>
 * <li>{@code v1.} + the same, without a key id: written before rotation existed; still read, by trying each key.</li>
 * </ul>
 * {@code rotate-secrets} rewrites {@code v1.} and {@code v2.} values into the bound {@code v3.} form.
 */
@Component
public class SecretCipher {

    private static final String V1 = "v1.";
    private static final String V2 = "v2.";
    private static final String V3 = "v3.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_CHARS = 8;

    /** Key id to key, the encrypting key first. */
    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();
    /** Cipher.getInstance searches the providers on every call: one instance per thread, re-initialised per use. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    public SecretCipher(@Value("${notify.secret-key}") String secretKey, @Value("${notify.dangerous-salt}") String salt) {
        List<String> configured = SecretKeys.parse(secretKey);
        if (configured.isEmpty()) {
            throw new IllegalStateException("SECRET_KEY is required");
        }
        Map<String, SecretKey> derived = new LinkedHashMap<>();
        for (String key : configured) {
            SecretKey aes = derive(key, salt == null ? "" : salt);
            derived.putIfAbsent(keyId(aes), aes);
        }
        this.keys = derived;
        this.currentKeyId = derived.keySet().iterator().next();
    }

    /** The id written into new ciphertexts: a value without it (or with another) needs re-encrypting after a rotation. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The prefix of values written now: {@code v3.<current key id>.} (a value without it needs re-encrypting). */
    public String currentPrefix() {
        return V3 + currentKeyId + ".";
    }

    /** Whether a stored value is written bound and with the current key (nothing to re-encrypt). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(currentPrefix());
    }

    /** Encrypts a value to be stored in {@code column}: it decrypts only for that column. */
    public String encrypt(SecretColumn column, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(column));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return currentPrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts a value read from {@code column}, written by {@link #encrypt} with any configured key; a tampered or
     * foreign value, or one encrypted for another column, throws. {@code v1.}/{@code v2.} values carry no binding.
     */
    public String decrypt(SecretColumn column, String stored) {
        if (stored != null && (stored.startsWith(V3) || stored.startsWith(V2))) {
            int dot = stored.indexOf('.', V3.length());
            SecretKey key = dot < 0 ? null : keys.get(stored.substring(V3.length(), dot));
            if (key == null) {
                throw new IllegalArgumentException("Encrypted value could not be read (its key is not in SECRET_KEY)");
            }
            return open(key, stored.startsWith(V3) ? aad(column) : null, stored.substring(dot + 1));
        }
        if (stored == null || !stored.startsWith(V1)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        IllegalArgumentException last = null;
        for (SecretKey key : keys.values()) {
            try {
                return open(key, null, stored.substring(V1.length()));
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Decrypts with whichever key wrote it and encrypts bound to {@code column} with the current key ({@code rotate-secrets}). */
    public String reencrypt(SecretColumn column, String stored) {
        return isCurrent(stored) ? stored : encrypt(column, decrypt(column, stored));
    }

    private static byte[] aad(SecretColumn column) {
        return column.binding().getBytes(StandardCharsets.UTF_8);
    }

    private static String open(SecretKey key, byte[] aad, String encoded) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(encoded);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Encrypted value could not be read (wrong SECRET_KEY, another column's value or tampered)", e);
        }
    }

    static String keyId(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("notify-on-camel key id:".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, KEY_ID_CHARS)
                    .replace('.', '_');
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Ids of the configured keys, the encrypting one first. */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    private static SecretKey derive(String secretKey, String salt) {
        try {
            KeySpec spec = new PBEKeySpec(secretKey.toCharArray(), ("notify-on-camel:" + salt).getBytes(StandardCharsets.UTF_8), 10_000, 256);
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }
}
