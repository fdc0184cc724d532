package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** notifications-utils 43.9.1 postal addresses (notifications-utils notifications_utils/postal_address.py). */
class PostalAddressTest {

    @Test
    void ukAddressesAreNormalisedAndTheirPostcodeRespaced() {
        PostalAddress address = PostalAddress.of("  1  Example   Street ,\n\n\u200bLondon ,, \nsw1a1aa\n", false);
        assertThat(address.normalisedLines()).containsExactly("1 Example Street", "London", "SW1A 1AA");
        assertThat(address.international()).isFalse();
        assertThat(address.hasValidLastLine()).isTrue();
        assertThat(PostalAddress.of("a\nb\nBFPO1234", false).normalisedLines()).last().isEqualTo("BFPO 1234");
        assertThat(PostalAddress.of("a\nb\nBFPOC/O1234", false).normalisedLines()).last().isEqualTo("BFPO C/O 1234");
        assertThat(PostalAddress.of("a\nb\nGIR0AA", false).postcode()).hasValue("GIR 0AA");
        assertThat(PostalAddress.of("a\nb\nSW1A 1AA\nEngland", false).normalisedLines()).containsExactly("a", "b", "SW1A 1AA");
        assertThat(PostalAddress.of("a\nb\nJE2 3AB\nJersey", false).international()).isFalse();
    }

    @Test
    void internationalAddressesEndWithTheCanonicalCountryAndItsZone() {
        PostalAddress france = PostalAddress.of("1 Rue\nParis\nfrance", true);
        assertThat(france.normalisedLines()).containsExactly("1 Rue", "Paris", "France");
        assertThat(france.internationalPostage()).hasValue("europe");
        assertThat(PostalAddress.of("a\nb\nDeutschland", true).normalisedLines()).last().isEqualTo("Germany");
        assertThat(PostalAddress.of("a\nb\nYr Almaen", true).normalisedLines()).last().isEqualTo("Germany");
        assertThat(PostalAddress.of("a\nb\nUSA", true).internationalPostage()).hasValue("rest-of-world");
        assertThat(PostalAddress.of("a\nb\nCanary Islands", true).internationalPostage()).hasValue("europe");
        assertThat(PostalAddress.of("a\nb\nEast Germany", true).normalisedLines()).last().isEqualTo("Germany");
        assertThat(PostalAddress.of("a\nb\nFrance", false).hasValidLastLine()).isFalse();
        assertThat(PostalAddress.of("a\nb\nAtlantis", true).hasValidLastLine()).isFalse();
    }

    @Test
    void lineCountsAndFirstCharacters() {
        assertThat(PostalAddress.of("a\nSW1A 1AA", false).hasEnoughLines()).isFalse();
        assertThat(PostalAddress.of("1\n2\n3\n4\n5\n6\n7\nSW1A 1AA", false).hasTooManyLines()).isTrue();
        assertThat(PostalAddress.of("1\n2\n3\n4\n5\n6\nSW1A 1AA", false).hasTooManyLines()).isFalse();
        for (String start : new String[] {"[", "\\", "/", "(", ")", "@", "]", "<", ">", "\"", ",", "="}) {
            assertThat(PostalAddress.of("a\n" + start + "b\nSW1A 1AA", false).hasInvalidCharacters()).as(start).isTrue();
        }
        assertThat(PostalAddress.of("a\n-b\nSW1A 1AA", false).hasInvalidCharacters()).isFalse();
    }
}
