package org.notifyoncamel.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Values as earlier versions of {@link SecretCipher} stored them (ADR 0004), written independently of it, salt "salt". */
public final class LegacyCiphertexts {

    static final String SALT = "salt";

    private LegacyCiphertexts() {
    }

    /** The stored form of the second version: v2.<key id>. + base64url(IV || ciphertext || tag), no associated data. */
    public static String v2(String secretKey, String plaintext) throws Exception {
        String id = new SecretCipher(secretKey, SALT).currentKeyId();
        return "v2." + id + "." + v1(secretKey, plaintext).substring(3);
    }

    /** The stored form of the first version of SecretCipher: v1. + base64url(IV || ciphertext || tag). */
    public static String v1(String secretKey, String plaintext) throws Exception {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new PBEKeySpec(secretKey.toCharArray(), ("notify-on-camel:" + SALT).getBytes(StandardCharsets.UTF_8), 10_000, 256)).getEncoded();
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
