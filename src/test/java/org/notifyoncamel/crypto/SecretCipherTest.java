package org.notifyoncamel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * ADR 0004 (amended): key ids in ciphertexts, SECRET_KEY as a list for rotation, each value bound to its column,
 * the v1 and v2 forms still read.
 */
class SecretCipherTest {

    static final String OLD = "an-old-secret-key-of-thirty-two-chars";
    static final String NEW = "a-new-secret-key-of-thirty-two-chars!";
    static final SecretColumn COLUMN = SecretColumn.INBOUND_SMS_CONTENT;

    @Test
    void roundTripsAndNamesTheKey() {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String stored = cipher.encrypt(COLUMN, "07700 900123");
        assertThat(stored).startsWith("v3." + cipher.currentKeyId() + ".").doesNotContain("900123");
        assertThat(cipher.decrypt(COLUMN, stored)).isEqualTo("07700 900123");
        assertThat(cipher.currentKeyId()).hasSize(8).doesNotContain(NEW.substring(0, 8));
    }

    @Test
    void aListEncryptsWithTheFirstAndDecryptsWithEveryKey() {
        SecretCipher before = new SecretCipher(OLD, "salt");
        String written = before.encrypt(COLUMN, "token");
        SecretCipher rotating = new SecretCipher("[\"" + NEW + "\",\"" + OLD + "\"]", "salt");
        assertThat(rotating.decrypt(COLUMN, written)).isEqualTo("token");
        assertThat(rotating.isCurrent(written)).isFalse();
        String rewritten = rotating.reencrypt(COLUMN, written);
        assertThat(rotating.isCurrent(rewritten)).isTrue();
        assertThat(rewritten).startsWith("v3." + new SecretCipher(NEW, "salt").currentKeyId() + ".");
        assertThat(new SecretCipher(NEW, "salt").decrypt(COLUMN, rewritten)).isEqualTo("token");
        // once the old key is dropped, what it alone wrote cannot be read
        assertThatThrownBy(() -> new SecretCipher(NEW, "salt").decrypt(COLUMN, written)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueEncryptedForOneColumnDoesNotDecryptForAnother() {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String token = cipher.encrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, "bearer-token");
        assertThat(cipher.decrypt(SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN, token)).isEqualTo("bearer-token");
        for (SecretColumn other : SecretColumn.values()) {
            if (other != SecretColumn.SERVICE_CALLBACK_BEARER_TOKEN) {
                assertThatThrownBy(() -> cipher.decrypt(other, token)).as(other.binding())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another column");
            }
        }
        // rotation decrypts with the value's own column only: a value moved into another column is not rewritten
        SecretCipher rotating = new SecretCipher("[\"" + OLD + "\",\"" + NEW + "\"]", "salt");
        assertThatThrownBy(() -> rotating.reencrypt(SecretColumn.API_KEY_SECRET, token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unboundValuesStillDecryptForAnyColumnAndRotateIntoTheBoundForm() throws Exception {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String v2 = LegacyCiphertexts.v2(NEW, "{\"name\":\"Jo\"}");
        assertThat(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, v2)).isEqualTo("{\"name\":\"Jo\"}");
        assertThat(cipher.isCurrent(v2)).as("unbound values are rewritten by rotate-secrets").isFalse();
        String bound = cipher.reencrypt(SecretColumn.NOTIFICATION_PERSONALISATION, v2);
        assertThat(bound).startsWith(cipher.currentPrefix());
        assertThat(cipher.decrypt(SecretColumn.NOTIFICATION_PERSONALISATION, bound)).isEqualTo("{\"name\":\"Jo\"}");
        assertThatThrownBy(() -> cipher.decrypt(SecretColumn.BROADCAST_PERSONALISATION, bound)).isInstanceOf(IllegalArgumentException.class);
        String v1 = LegacyCiphertexts.v1(NEW, "content");
        assertThat(cipher.isCurrent(v1)).isFalse();
        assertThat(cipher.decrypt(SecretColumn.INBOUND_SMS_CONTENT, cipher.reencrypt(SecretColumn.INBOUND_SMS_CONTENT, v1))).isEqualTo("content");
    }

    @Test
    void valuesWrittenBeforeKeyIdsStillDecryptWithAnyConfiguredKey() throws Exception {
        String v1 = LegacyCiphertexts.v1(OLD, "personalisation");
        assertThat(new SecretCipher(OLD, "salt").decrypt(COLUMN, v1)).isEqualTo("personalisation");
        assertThat(new SecretCipher("[\"" + NEW + "\",\"" + OLD + "\"]", "salt").decrypt(COLUMN, v1)).isEqualTo("personalisation");
        assertThatThrownBy(() -> new SecretCipher(NEW, "salt").decrypt(COLUMN, v1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedValuesAndUnknownKeysAreRefused() {
        SecretCipher cipher = new SecretCipher(NEW, "salt");
        String stored = cipher.encrypt(COLUMN, "secret");
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> cipher.decrypt(COLUMN, tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(COLUMN, "v3.unknown1." + stored.substring(12))).hasMessageContaining("not in SECRET_KEY");
        // a bound value relabelled as the unbound v2 form does not decrypt either
        assertThatThrownBy(() -> cipher.decrypt(COLUMN, "v2" + stored.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(COLUMN, "plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("[]", "salt")).isInstanceOf(IllegalStateException.class);
    }
}
