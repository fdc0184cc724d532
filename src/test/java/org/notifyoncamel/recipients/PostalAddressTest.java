package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.recipients.Countries.PostageZone;
import org.notifyoncamel.recipients.PostalAddress.Problem;

/** Postal addresses as notifications-utils 43.9.1 reads them (public-api.md 4.5 in the project's spec). */
class PostalAddressTest {

    @Test
    void linesAreNormalisedAndThePostcodeReSpaced() {
        PostalAddress address = PostalAddress.parse("  Ada   Lovelace ,\n\n12 Example Street , \nLondon\u200B\nsw1a1aa", false);
        assertThat(address.normalisedLines()).containsExactly("Ada Lovelace", "12 Example Street", "London", "SW1A 1AA");
        assertThat(address.normalised()).isEqualTo("Ada Lovelace\n12 Example Street\nLondon\nSW1A 1AA");
        assertThat(address.problem()).isEmpty();
        assertThat(address.international()).isFalse();
    }

    @Test
    void whitespaceBeforePunctuationGoes() {
        assertThat(PostalAddress.parse("Flat 1 , The Mews .\nStreet\nSW1A 1AA", false).normalisedLines().get(0))
            .isEqualTo("Flat 1, The Mews.");
    }

    @Test
    void postcodeForms() {
        assertThat(PostalAddress.formatPostcode("bfpo1234")).isEqualTo("BFPO 1234");
        assertThat(PostalAddress.formatPostcode("BFPO c/o 12")).isEqualTo("BFPO C/O 12");
        assertThat(PostalAddress.formatPostcode("gir0aa")).isEqualTo("GIR 0AA");
        assertThat(PostalAddress.formatPostcode("N1 9GU")).isEqualTo("N1 9GU");
        assertThat(PostalAddress.formatPostcode("SW1A 1AI")).isNull(); // I is not a valid inward letter
        assertThat(PostalAddress.isRealUkPostcode("London")).isFalse();
    }

    @Test
    void aUkCountryLineIsDroppedAndIslandsCountAsTheUk() {
        assertThat(PostalAddress.parse("A\nB\nSW1A 1AA\nUnited Kingdom", false).normalisedLines())
            .containsExactly("A", "B", "SW1A 1AA");
        PostalAddress jersey = PostalAddress.parse("A\nSt Helier\nJE2 3AB\nJersey", false);
        assertThat(jersey.international()).isFalse();
        assertThat(jersey.problem()).isEmpty();
        assertThat(PostalAddress.parse("A\nB\nCF10 1AA\nCymru", false).international()).isFalse();
    }

    @Test
    void countriesAreRecognisedBySynonymWelshNameAndCase() {
        assertThat(PostalAddress.parse("A\nB\nC\nnetherlands", true).normalisedLines()).last().isEqualTo("Netherlands");
        assertThat(PostalAddress.parse("A\nB\nC\nBAHAMAS", true).countryName()).isEqualTo("The Bahamas");
        assertThat(PostalAddress.parse("A\nB\nC\nAmerica", true).countryName()).isEqualTo("United States");
        assertThat(PostalAddress.parse("A\nB\nC\nYr Almaen", true).countryName()).isEqualTo("Germany");
        assertThat(PostalAddress.parse("A\nB\nC\nCzechoslovakia", true).countryName()).isEqualTo("Czechia");
        assertThat(PostalAddress.parse("A\nB\nC\nCôte d’Ivoire", true).zone()).isEqualTo(PostageZone.REST_OF_WORLD);
        assertThat(PostalAddress.parse("A\nB\nC\nCanary Islands", true).zone()).isEqualTo(PostageZone.EUROPE);
        assertThat(PostalAddress.parse("A\nB\nC\nJapan", true).zone()).isEqualTo(PostageZone.REST_OF_WORLD);
        assertThat(Countries.standard().find("USSR")).isEmpty();
        assertThat(Countries.standard().find("SW1A 1AA")).isEmpty();
    }

    @Test
    void problemsInNotifysOrder() {
        assertThat(PostalAddress.parse("", false).problem()).contains(Problem.NOT_ENOUGH_LINES);
        assertThat(PostalAddress.parse("A\nSW1A 1AA", false).problem()).contains(Problem.NOT_ENOUGH_LINES);
        assertThat(PostalAddress.ofLines(List.of("1", "2", "3", "4", "5", "6", "7", "SW1A 1AA"), false).problem())
            .contains(Problem.TOO_MANY_LINES);
        assertThat(PostalAddress.parse("A\nB\nNowhere", false).problem()).contains(Problem.INVALID_LAST_LINE);
        assertThat(PostalAddress.parse("A\nB\nNowhere", true).problem()).contains(Problem.INVALID_LAST_LINE);
        PostalAddress france = PostalAddress.parse("A\nB\nFrance", false);
        assertThat(france.problem()).contains(Problem.INVALID_LAST_LINE);
        assertThat(france.international()).isTrue();
        assertThat(PostalAddress.parse("A\nB\nFrance", true).problem()).isEmpty();
        for (String first : List.of("@", "(", ")", "=", "[", "]", "\"", "\\", "/", ",", "<", ">")) {
            assertThat(PostalAddress.parse(first + "A\nB\nSW1A 1AA", false).problem()).as(first)
                .isEqualTo(Optional.of(Problem.INVALID_FIRST_CHARACTER));
        }
        assertThat(PostalAddress.parse("A-B\nB\nSW1A 1AA", false).problem()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheAddress() {
        assertThat(PostalAddress.parse("Ada Lovelace\nB\nSW1A 1AA", false).toString()).doesNotContain("Ada");
    }
}
