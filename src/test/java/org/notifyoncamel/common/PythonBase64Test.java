package org.notifyoncamel.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cases checked against CPython's {@code base64.b64decode} (non-strict). */
class PythonBase64Test {

    private static String decoded(String text) {
        return PythonBase64.decode(text).map(b -> new String(b, StandardCharsets.ISO_8859_1)).orElse(null);
    }

    @Test
    void standardBase64Decodes() {
        Random random = new Random(42);
        for (int length = 0; length < 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(PythonBase64.decode(Base64.getEncoder().encodeToString(bytes))).contains(bytes);
            assertThat(PythonBase64.decode(Base64.getMimeEncoder().encodeToString(bytes))).contains(bytes);
        }
    }

    @Test
    void charactersOutsideTheAlphabetAreSkipped() {
        assertThat(decoded("YW Jj\nZA==")).isEqualTo("abcd");
        assertThat(decoded("Y*W-J_j")).isEqualTo("abc");
        assertThat(decoded("")).isEqualTo("");
        assertThat(decoded("!!!")).isEqualTo("");
    }

    @Test
    void decodingStopsAtCompletePadding() {
        assertThat(decoded("YQ==YWJj")).isEqualTo("a");
        assertThat(decoded("YWI=YWJj")).isEqualTo("ab");
    }

    @Test
    void anIncompleteLastQuantumIsAnError() {
        assertThat(decoded("YWJjZ")).isNull();
        assertThat(decoded("YQ")).isNull();
        assertThat(decoded("YQ=")).isNull();
        assertThat(decoded("YWI")).isNull();
        assertThat(decoded("not base64 at all")).isNull();
    }
}
