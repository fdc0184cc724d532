package org.notifyoncamel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MMG's URL-encoded, backslash-escaped text fields (inbound-sms.md 3.2; the original's test_format_mmg_message cases). */
class MmgTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "some+uri+encoded+message%3A|some uri encoded message:",
        "hello+there+%F0%9F%93%A9|hello there \uD83D\uDCE9",
        "plus+sign+is+%2B|plus sign is +",
        "%C3%A9t%C3%A9+%E2%82%AC5|\u00e9t\u00e9 \u20ac5",
        "already+decoded+\u00e9\uD83D\uDE00|already decoded \u00e9\uD83D\uDE00",
        "100%25+sure|100% sure",
        "a+%zz+b|a %zz b",
        "bad+byte+%FF|bad byte \uFFFD",
        "`line%5Cnbreak`|`line\nbreak`",
        "`tab\\there`|`tab\there`",
        "`back\\\\slash`|`back\\slash`",
        "`hex+\\x41`|`hex A`",
        "`u+\\u00e9`|`u \u00e9`",
        "`U+\\U0001F600`|`U \uD83D\uDE00`",
        "`octal+\\101`|`octal A`",
        "`named+\\N{BLACK HEART SUIT}`|`named \u2665`",
        "`unknown+\\q+stays`|`unknown \\q stays`",
    })
    void decodesLikeTheOriginal(String raw, String expected) {
        assertThat(MmgText.decode(raw)).isEqualTo(expected);
    }

    @Test
    void theDateFieldDecodesToo() {
        assertThat(MmgText.decode("2017-05-21+11%3A56%3A11")).isEqualTo("2017-05-21 11:56:11");
    }

    @Test
    void aTrailingBackslashIsMalformed() {
        assertThatThrownBy(() -> MmgText.decode("ends+with+%5C")).isInstanceOf(MmgText.MalformedText.class);
    }

    @Test
    void aBrokenHexEscapeIsMalformed() {
        assertThatThrownBy(() -> MmgText.decode("\\xZZ")).isInstanceOf(MmgText.MalformedText.class);
        assertThatThrownBy(() -> MmgText.decode("\\u12")).isInstanceOf(MmgText.MalformedText.class);
        assertThatThrownBy(() -> MmgText.decode("\\N{NO SUCH CHARACTER NAME}")).isInstanceOf(MmgText.MalformedText.class);
    }
}
