package org.notifyoncamel.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Country look-ups as notifications-utils' {@code CountryMapping} does them. */
class CountriesTest {

    @Test
    void aLeadingArticleIsTriedAsUtilsTriesIt() {
        assertThat(Countries.get().canonical("BAHAMAS")).contains("The Bahamas");
        assertThat(Countries.get().canonical("netherlands")).contains("Netherlands");
        assertThat(Countries.get().canonical("Gambia")).contains("The Gambia");
    }

    @Test
    void everyNameOfAUkIslandIsTheUnitedKingdom() {
        // the islands list names Guernsey; the country data also knows it by its code
        assertThat(Countries.get().canonical("GG")).contains(Countries.UK);
        assertThat(Countries.get().canonical("Guernsey")).contains(Countries.UK);
        assertThat(PostalAddress.of("a\nSt Peter Port\nGY1 1AA\nGG", false).international()).isFalse();
    }

    @Test
    void synonymsWelshNamesEndedCountriesAndAccents() {
        assertThat(Countries.get().canonical("America")).contains("United States");
        assertThat(Countries.get().canonical("Yr Almaen")).contains("Germany");
        assertThat(Countries.get().canonical("Czechoslovakia")).contains("Czechia");
        assertThat(Countries.get().canonical("USSR")).isEmpty();
        assertThat(Countries.get().canonical("Côte d’Ivoire")).isPresent();
        assertThat(Countries.get().canonical("SW1A 1AA")).isEmpty();
        assertThat(Countries.get().zone("Japan")).isEqualTo(Countries.Zone.REST_OF_WORLD);
    }
}
