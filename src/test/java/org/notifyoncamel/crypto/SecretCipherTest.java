package org.notifyoncamel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** ADR 0004 (amended): key ids in ciphertexts, SECRET_KEY as a list for rotation, the v1 form still read. */
class SecretCipherTest {

    static final String OLD = "an-old-secret-key-of-thirty-two-chars";
    static final String NEW = "a-new-secret-key-of-thirty-two-chars!";

    @Test
    void roundTripsAndNamesTheKey() {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String stored = cipher.encrypt("07700 900123");
        assertThat(stored).startsWith("v2." + cipher.currentKeyId() + ".").doesNotContain("900123");
        assertThat(cipher.decrypt(stored)).isEqualTo("07700 900123");
        assertThat(cipher.currentKeyId()).hasSize(8).doesNotContain(NEW.substring(0, 8));
    }

    @Test
    void aListEncryptsWithTheFirstAndDecryptsWithEveryKey() {
        SecretCipher before = new SecretCipher(OLD, "salt");
        String written = before.encrypt("token");
        SecretCipher rotating = new SecretCipher("[\"" + NEW + "\",\"" + OLD + "\"]", "salt");
        assertThat(rotating.decrypt(written)).isEqualTo("token");
        assertThat(rotating.isCurrent(written)).isFalse();
        String rewritten = rotating.reencrypt(written);
        assertThat(rotating.isCurrent(rewritten)).isTrue();
        assertThat(rewritten).startsWith("v2." + new SecretCipher(NEW, "salt").currentKeyId() + ".");
        assertThat(new SecretCipher(NEW, "salt").decrypt(rewritten)).isEqualTo("token");
        // once the old key is dropped, what it alone wrote cannot be read
        assertThatThrownBy(() -> new SecretCipher(NEW, "salt").decrypt(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesWrittenBeforeKeyIdsStillDecryptWithAnyConfiguredKey() throws Exception {
        String v1 = v1Encrypt(OLD, "salt", "personalisation");
        assertThat(new SecretCipher(OLD, "salt").decrypt(v1)).isEqualTo("personalisation");
        assertThat(new SecretCipher("[\"" + NEW + "\",\"" + OLD + "\"]", "salt").decrypt(v1)).isEqualTo("personalisation");
        assertThatThrownBy(() -> new SecretCipher(NEW, "salt").decrypt(v1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedValuesAndUnknownKeysAreRefused() {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String stored = cipher.encrypt("secret");
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("v2.unknown1." + stored.substring(12))).hasMessageContaining("not in SECRET_KEY");
        assertThatThrownBy(() -> cipher.decrypt("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("[]", "salt")).isInstanceOf(IllegalStateException.class);
    }

    /** The stored form of the first version of SecretCipher: v1. + base64url(IV || ciphertext || tag). */
    static String v1Encrypt(String secretKey, String salt, String plaintext) throws Exception {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new PBEKeySpec(secretKey.toCharArray(), ("notify-on-camel:" + salt).getBytes(StandardCharsets.UTF_8), 10_000, 256)).getEncoded();
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
