package org.notifyoncamel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheFingerprint() {
        String a = RequestFingerprint.of("http-post-sms-notification", bytes("{\"a\":1,\"b\":{\"y\":[1,2],\"x\":\"z\"}}"));
        String b = RequestFingerprint.of("http-post-sms-notification", bytes(" { \"b\" : {\"x\":\"z\", \"y\":[1, 2]},\n \"a\":1 } "));
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void valuesArrayOrderAndTheEndpointDo() {
        String base = RequestFingerprint.of("http-post-sms-notification", bytes("{\"a\":[1,2]}"));
        assertThat(RequestFingerprint.of("http-post-sms-notification", bytes("{\"a\":[2,1]}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("http-post-sms-notification", bytes("{\"a\":[1,2,3]}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("http-post-email-notification", bytes("{\"a\":[1,2]}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("http-post-sms-notification", bytes("{\"a\":\"[1,2]\"}"))).isNotEqualTo(base);
    }

    @Test
    void aBodyThatIsNotJsonIsHashedAsSent() {
        assertThat(RequestFingerprint.canonical(bytes("not json {"))).isEqualTo(bytes("not json {"));
        assertThat(RequestFingerprint.canonical(new byte[0])).isEmpty();
        assertThat(RequestFingerprint.of("e", bytes("x {"))).isNotEqualTo(RequestFingerprint.of("e", bytes("x  {")));
    }

    @Test
    void keysAreOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        assertThat(IdempotencyKeys.valid("a")).isTrue();
        assertThat(IdempotencyKeys.valid("8e03978e-40d5-43e8-bc93-6894a57f9324")).isTrue();
        assertThat(IdempotencyKeys.valid("k".repeat(255))).isTrue();
        assertThat(IdempotencyKeys.valid("")).isFalse();
        assertThat(IdempotencyKeys.valid("   ")).isFalse();
        assertThat(IdempotencyKeys.valid("k".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.valid("caf\u00e9")).isFalse();
        assertThat(IdempotencyKeys.valid("tab\there")).isFalse();
    }

    @Test
    void outcomesAreKeptTryAgainAnswersAreNot() {
        assertThat(IdempotencyKeys.keep(201)).isTrue();
        assertThat(IdempotencyKeys.keep(400)).isTrue();
        assertThat(IdempotencyKeys.keep(403)).isTrue();
        assertThat(IdempotencyKeys.keep(429)).isFalse();
        assertThat(IdempotencyKeys.keep(409)).isFalse();
        assertThat(IdempotencyKeys.keep(500)).isFalse();
        assertThat(IdempotencyKeys.keep(503)).isFalse();
        assertThat(IdempotencyKeys.keep(null)).isFalse();
    }
}
