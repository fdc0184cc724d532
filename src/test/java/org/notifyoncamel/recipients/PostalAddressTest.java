package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Postal addresses as notifications-utils 43.9.1 reads them (public-api.md 4.5 in the project's spec). */
class PostalAddressTest {

    private static PostalAddress address(String raw, boolean international) {
        return PostalAddress.of(raw, international);
    }

    @Test
    void linesAreNormalisedAndThePostcodeReSpaced() {
        PostalAddress address = address("  Ada   Lovelace ,\n\n12 Example Street , \nLondon\u200B\nsw1a1aa", false);
        assertThat(address.normalisedLines()).containsExactly("Ada Lovelace", "12 Example Street", "London", "SW1A 1AA");
        assertThat(address.normalised()).isEqualTo("Ada Lovelace\n12 Example Street\nLondon\nSW1A 1AA");
        assertThat(address.hasEnoughLines()).isTrue();
        assertThat(address.hasValidLastLine()).isTrue();
        assertThat(address.international()).isFalse();
    }

    @Test
    void whitespaceBeforePunctuationGoes() {
        assertThat(address("Flat 1 , The Mews .\nStreet\nSW1A 1AA", false).normalisedLines().get(0)).isEqualTo("Flat 1, The Mews.");
    }

    @Test
    void postcodeForms() {
        assertThat(PostalAddress.formatPostcode("bfpo1234")).contains("BFPO 1234");
        assertThat(PostalAddress.formatPostcode("BFPO c/o 12")).contains("BFPO C/O 12");
        assertThat(PostalAddress.formatPostcode("gir0aa")).contains("GIR 0AA");
        assertThat(PostalAddress.formatPostcode("N1 9GU")).contains("N1 9GU");
        assertThat(PostalAddress.formatPostcode("SW1A 1AI")).isEmpty(); // I is not a valid inward letter
        assertThat(PostalAddress.formatPostcode("London")).isEmpty();
    }

    @Test
    void aUkCountryLineIsDroppedAndIslandsCountAsTheUk() {
        assertThat(address("A\nB\nSW1A 1AA\nUnited Kingdom", false).normalisedLines()).containsExactly("A", "B", "SW1A 1AA");
        PostalAddress jersey = address("A\nSt Helier\nJE2 3AB\nJersey", false);
        assertThat(jersey.international()).isFalse();
        assertThat(jersey.hasValidLastLine()).isTrue();
        assertThat(address("A\nB\nCF10 1AA\nCymru", false).international()).isFalse();
        // every name of an island in the country data counts, not only the names in the islands list
        assertThat(Countries.get().canonical("GG")).contains(Countries.UK);
    }

    @Test
    void countriesAreRecognisedBySynonymWelshNameLeadingArticleAndCase() {
        assertThat(address("A\nB\nC\nnetherlands", true).normalisedLines()).last().isEqualTo("Netherlands");
        assertThat(Countries.get().canonical("BAHAMAS")).contains("The Bahamas");
        assertThat(Countries.get().canonical("America")).contains("United States");
        assertThat(Countries.get().canonical("Yr Almaen")).contains("Germany");
        assertThat(Countries.get().canonical("Czechoslovakia")).contains("Czechia");
        assertThat(Countries.get().canonical("USSR")).isEmpty();
        assertThat(Countries.get().canonical("SW1A 1AA")).isEmpty();
        assertThat(address("A\nB\nC\nCôte d’Ivoire", true).internationalPostage()).contains("rest-of-world");
        assertThat(address("A\nB\nC\nCanary Islands", true).internationalPostage()).contains("europe");
        assertThat(address("A\nB\nC\nJapan", true).internationalPostage()).contains("rest-of-world");
    }

    @Test
    void checksInNotifysOrder() {
        assertThat(address("A\nSW1A 1AA", false).hasEnoughLines()).isFalse();
        assertThat(PostalAddress.of(String.join("\n", List.of("1", "2", "3", "4", "5", "6", "7", "SW1A 1AA")), false)
            .hasTooManyLines()).isTrue();
        assertThat(address("A\nB\nNowhere", false).hasValidLastLine()).isFalse();
        assertThat(address("A\nB\nNowhere", true).hasValidLastLine()).isFalse();
        PostalAddress france = address("A\nB\nFrance", false);
        assertThat(france.hasValidLastLine()).isFalse();
        assertThat(france.international()).isTrue();
        assertThat(address("A\nB\nFrance", true).hasValidLastLine()).isTrue();
        for (String first : List.of("@", "(", ")", "=", "[", "]", "\"", "\\", "/", ",", "<", ">")) {
            assertThat(address(first + "A\nB\nSW1A 1AA", false).hasInvalidCharacters()).as(first).isTrue();
        }
        assertThat(address("A-B\nB\nSW1A 1AA", false).hasInvalidCharacters()).isFalse();
    }
}
