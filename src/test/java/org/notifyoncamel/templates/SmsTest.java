package org.notifyoncamel.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTest {

    @Test
    void rendersBody() {
        Personalisation values = Personalisation.of(Map.of("name", "Jo", "items", List.of("tea", "cake", "jam")));
        assertThat(SmsRenderer.render("  Hello ((name)) , you ordered ((items)) .  ", values))
            .isEqualTo("Hello Jo, you ordered tea, cake and jam.");
        assertThat(SmsRenderer.render("a\n\n\n\n b  \t c \n\u200Bd\u00A0e", Personalisation.empty()))
            .isEqualTo("a\n\nb c\nd e");
        assertThat(SmsRenderer.render("line one\r\nline two", Personalisation.empty())).isEqualTo("line one\nline two");
    }

    @Test
    void bodyIsSanitisedButLengthIsBeforeSanitising() {
        String content = "It’s “great” – really… ((x))";
        Personalisation values = Personalisation.of(Map.of("x", "😀"));
        assertThat(SmsRenderer.renderUnsanitised(content, values)).isEqualTo("It’s “great” – really… 😀");
        assertThat(SmsRenderer.render(content, values)).isEqualTo("It's \"great\" - really... ?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "á|á", "ć|c", "Ç|Ç", "ç|c", "ñ|ñ", "ǘ|ü", "ẳ|a", "Å|Å", "ŵ|ŵ", "Ŷ|Ŷ", "ï|ï", "–|-", "—|-", "…|...",
        "\u200B|", "😀|?", "€|€", "^|^", "ł|?", "가|?", "\u212B|Å",
    })
    void sanitises(String in, String out) {
        assertThat(SmsCharacters.sanitise(in)).isEqualTo(out == null ? "" : out);
    }

    @Test
    void curlyDoubleQuotesBecomeStraight() {
        assertThat(SmsCharacters.sanitise("\u201Cx\u201D")).isEqualTo("\"x\"");
        assertThat(SmsCharacters.sanitise("\u2018x\u2019")).isEqualTo("'x'");
    }

    @Test
    void tabsBecomeSpacesAndNoBreakSpacesGo() {
        assertThat(SmsCharacters.sanitise("a\tb\u00A0c")).isEqualTo("a bc");
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4", "918, 6", "919, 7",
    })
    void gsmFragments(int length, int fragments) {
        assertThat(SmsFragments.count("a".repeat(length))).isEqualTo(fragments);
    }

    @ParameterizedTest
    @CsvSource({
        "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4",
    })
    void welshForcesUcs2(int length, int fragments) {
        String text = "ŵ" + "a".repeat(length - 1);
        assertThat(SmsFragments.isUcs2(text)).isTrue();
        assertThat(SmsFragments.count(text)).isEqualTo(fragments);
    }

    @Test
    void gsmWelshCharactersDoNotForceUcs2() {
        String text = "àèéìòùäöüÄÖÜÉ" + "a".repeat(147);
        assertThat(SmsFragments.isUcs2(text)).isFalse();
        assertThat(SmsFragments.count(text)).isEqualTo(1);
    }

    @Test
    void otherNonGsmCharactersDoNotForceUcs2() {
        assertThat(SmsFragments.isUcs2("😀 ć ł ç")).isFalse();
        assertThat(SmsFragments.isUcs2("á")).isTrue();
        assertThat(SmsFragments.count("😀" + "a".repeat(159))).isEqualTo(1);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsFragments.chargedCharacters("{}[]")).isEqualTo(8);
        assertThat(SmsFragments.count("€" + "a".repeat(158))).isEqualTo(1);
        assertThat(SmsFragments.count("€" + "a".repeat(159))).isEqualTo(2);
        assertThat(SmsFragments.count("^".repeat(80))).isEqualTo(1);
        assertThat(SmsFragments.count("^".repeat(81))).isEqualTo(2);
    }

    @Test
    void prefixCountsForFragmentsOnly() {
        String body = "a".repeat(150);
        assertThat(SmsRenderer.withPrefix(body, " My service ", true)).isEqualTo("My service: " + body);
        assertThat(SmsRenderer.withPrefix(body, "My service", false)).isEqualTo(body);
        assertThat(SmsRenderer.fragments(body, "My service", true)).isEqualTo(2);
        assertThat(SmsRenderer.fragments(body, "My service", false)).isEqualTo(1);
    }
}
