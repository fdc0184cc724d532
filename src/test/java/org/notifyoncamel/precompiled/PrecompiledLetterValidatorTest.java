package org.notifyoncamel.precompiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyoncamel.precompiled.CraftedLetters.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.precompiled.ValidationResult.Failed;
import org.notifyoncamel.precompiled.ValidationResult.Passed;

/** Every failure code of the precompiled checks, with letters crafted by {@link CraftedLetters}, and the rewrite. */
class PrecompiledLetterValidatorTest {

    private final PrecompiledLetterValidator validator = new PrecompiledLetterValidator(100);

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    // ---------------------------------------------------------------- letters that pass

    @Test
    void aGoodTwoPageLetterPassesWithItsNormalisedAddress() throws IOException {
        Passed passed = passes(letter(2).pdf(), false);

        assertThat(passed.recipient()).isEqualTo("Ada Lovelace\n12 Example Street\nLondon\nSW1A 1AA");
        assertThat(passed.pageCount()).isEqualTo(2);
        assertThat(passed.sheets()).isEqualTo(1);
        assertThat(passed.address().internationalPostage()).isEmpty();
    }

    @Test
    void theSanitisedLetterCarriesOnlyTheNormalisedAddressAndTheNotifyTag() throws IOException {
        Passed passed = passes(letter(2).pdf(), false);

        try (PDDocument sanitised = Loader.loadPDF(passed.sanitisedPdf())) {
            assertThat(sanitised.getNumberOfPages()).isEqualTo(2);
            // the sender's lines were removed, ours typed in: the window reads the normalised address once
            assertThat(AreaText.lines(sanitised.getPage(0), LetterGeometry.ADDRESS_READ_AREA))
                .containsExactly("Ada Lovelace", "12 Example Street", "London", "SW1A 1AA");
            assertThat(PrecompiledLetterValidator.hasNotifyTag(sanitised.getPage(0), PrecompiledLetterValidator.TAG_AREA)).isTrue();
            assertThat(PrecompiledLetterValidator.hasNotifyTag(sanitised.getPage(1), PrecompiledLetterValidator.TAG_AREA)).isFalse();
        }
        // and it passes again unchanged: what we print is itself a valid letter
        Passed again = passes(passed.sanitisedPdf(), false);
        assertThat(again.recipient()).isEqualTo(passed.recipient());
    }

    @Test
    void aLetterThatAlreadyHasItsTagKeepsOneTag() throws IOException {
        Passed passed = passes(letter(1).notifyTag(1).pdf(), false);
        try (PDDocument sanitised = Loader.loadPDF(passed.sanitisedPdf())) {
            assertThat(AreaText.lines(sanitised.getPage(0), PrecompiledLetterValidator.TAG_AREA)).containsExactly("NOTIFY");
        }
    }

    @Test
    void tenPagesAreAllowed() {
        assertThat(passes(letter(10).pdf(), false).sheets()).isEqualTo(5);
    }

    @Test
    void sizesWithinTwoMillimetresOfA4Pass() {
        PDRectangle nearlyA4 = new PDRectangle(CraftedLetters.mm(211.9), CraftedLetters.mm(295.1));
        passes(letter(2).size(2, nearlyA4).pdf(), false);
    }

    @Test
    void aLandscapePageTurnedAQuarterIsPortraitAndItsAddressIsRead() {
        for (int rotation : new int[] {90, 270}) {
            Passed passed = passes(letter(2).rotated(1, rotation, A4_LANDSCAPE).pdf(), false);
            assertThat(passed.recipient()).as("rotation " + rotation).endsWith("SW1A 1AA");
        }
        passes(letter(1).rotated(1, 180, PDRectangle.A4).pdf(), false);
    }

    @Test
    void anInternationalAddressPassesWhenTheServiceMaySendAbroad() {
        Passed passed = passes(letter(1).address("Marie Curie", "11 Rue Pierre", "75005 Paris", "france").pdf(), true);
        assertThat(passed.recipient()).isEqualTo("Marie Curie\n11 Rue Pierre\n75005 Paris\nFrance");
        assertThat(passed.address().internationalPostage()).contains("europe");
    }

    @Test
    void contentInTheAllowedZonesPasses() {
        // logo, contact column, body of page 1; the whole printable area of later pages
        passes(letter(2).mark(1, 16, 6, 20).mark(1, 170, 50, 20).mark(1, 16, 270, 20)
            .mark(2, 16, 6, 5).mark(2, 180, 280, 10).pdf(), false);
    }

    // ---------------------------------------------------------------- 0: unreadable

    @Test
    void aFileThatIsNotAPdfCannotBeRead() {
        fails("hello, this is not a PDF".getBytes(StandardCharsets.UTF_8), FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
        fails(new byte[0], FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
    }

    @Test
    void aTruncatedPdfCannotBeRead() {
        byte[] pdf = letter(2).pdf();
        fails(Arrays.copyOf(pdf, pdf.length / 3), FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
    }

    @Test
    void anEncryptedPdfCannotBeRead() {
        fails(letter(1).encrypted("open-sesame").pdf(), FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
        // encrypted with an empty user password: it opens, but Notify cannot rewrite it
        fails(letter(1).encrypted("").pdf(), FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
    }

    @Test
    void aPdfWithoutPagesCannotBeRead() {
        fails(letter(0).pdf(), FailureCode.UNABLE_TO_READ_THE_FILE, 0, null);
    }

    // ---------------------------------------------------------------- 1-4: the pages

    @Test
    void elevenPagesAreTooLong() {
        fails(letter(11).pdf(), FailureCode.LETTER_TOO_LONG, 11, null);
    }

    @Test
    void pagesThatAreNotA4PortraitAreListed() {
        fails(letter(3).size(2, PDRectangle.LETTER).size(3, PDRectangle.A5).pdf(),
            FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, 3, List.of(2, 3));
        fails(letter(2).size(1, A4_LANDSCAPE).pdf(), FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, 2, List.of(1));
        // portrait media turned a quarter prints landscape
        fails(letter(2).rotated(2, 90, PDRectangle.A4).pdf(), FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, 2, List.of(2));
        PDRectangle tooWide = new PDRectangle(CraftedLetters.mm(212.5), CraftedLetters.mm(297));
        fails(letter(1).size(1, tooWide).pdf(), FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, 1, List.of(1));
    }

    @Test
    void contentOutsideThePrintableAreaIsFoundPageByPage() {
        fails(letter(3).mark(2, 3, 100, 4).mark(3, 100, 294, 2).pdf(),
            FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 3, List.of(2, 3));
    }

    @Test
    void page1MayNotCarryContentBetweenTheLogoTheWindowAndTheBody() {
        fails(letter(1).mark(1, 60, 33, 2).pdf(), FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 1, List.of(1));
        fails(letter(1).mark(1, 60, 80, 5).pdf(), FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 1, List.of(1));
        fails(letter(1).mark(1, 121.5, 50, 2).pdf(), FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 1, List.of(1));
    }

    @Test
    void evenAHairlineInTheMarginIsFound() {
        // 0.1 mm: a third of a pixel at 100 dpi, which anti-aliasing still tints
        fails(letter(1).mark(1, 200, 150, 0.1).pdf(), FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 1, List.of(1));
    }

    @Test
    void aNotifyTagAfterPage1IsADownloadedLetterInsideThisOne() {
        fails(letter(4).notifyTag(1).notifyTag(3).pdf(), FailureCode.NOTIFY_TAG_FOUND_IN_CONTENT, 4, List.of(3));
    }

    @Test
    void theFirstFailureWins() {
        fails(letter(11).size(2, PDRectangle.LETTER).pdf(), FailureCode.LETTER_TOO_LONG, 11, null);
        fails(letter(2).size(2, PDRectangle.LETTER).mark(1, 3, 100, 4).pdf(),
            FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, 2, List.of(2));
        fails(letter(2).mark(1, 3, 100, 4).notifyTag(2).address().pdf(),
            FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, 2, List.of(1));
        fails(letter(2).notifyTag(2).address().pdf(), FailureCode.NOTIFY_TAG_FOUND_IN_CONTENT, 2, List.of(2));
    }

    // ---------------------------------------------------------------- 5: the address

    @Test
    void anEmptyWindowHasNoAddress() {
        fails(letter(1).address().pdf(), FailureCode.ADDRESS_IS_EMPTY, 1, List.of(1));
    }

    @Test
    void addressLineCounts() {
        fails(letter(1).address("Ada Lovelace", "SW1A 1AA").pdf(), FailureCode.NOT_ENOUGH_ADDRESS_LINES, 1, List.of(1));
        fails(letter(1).address("1", "2", "3", "4", "5", "6", "7", "SW1A 1AA").pdf(),
            FailureCode.TOO_MANY_ADDRESS_LINES, 1, List.of(1));
    }

    @Test
    void theLastLineMustBeAPostcodeOrAllowedCountry() {
        byte[] noPostcode = letter(1).address("Ada Lovelace", "12 Example Street", "London").pdf();
        fails(noPostcode, FailureCode.NOT_A_REAL_UK_POSTCODE, 1, List.of(1));
        byte[] france = letter(1).address("Marie Curie", "11 Rue Pierre", "75005 Paris", "France").pdf();
        fails(france, FailureCode.CANT_SEND_INTERNATIONAL_LETTERS, 1, List.of(1));
        assertThat(validator.validate(noPostcode, true))
            .isEqualTo(new Failed(FailureCode.NOT_A_REAL_UK_POSTCODE_OR_COUNTRY, 1, List.of(1)));
    }

    @Test
    void addressLinesMustNotStartWithSpecialCharacters() {
        fails(letter(1).address("Ada Lovelace", "=12 Example Street", "London", "SW1A 1AA").pdf(),
            FailureCode.INVALID_CHAR_IN_ADDRESS, 1, List.of(1));
        fails(letter(1).address("<Ada>", "12 Example Street", "London", "SW1A 1AA").pdf(),
            FailureCode.INVALID_CHAR_IN_ADDRESS, 1, List.of(1));
    }

    // ---------------------------------------------------------------- helpers

    private Passed passes(byte[] pdf, boolean international) {
        ValidationResult result = validator.validate(pdf, international);
        assertThat(result).isInstanceOf(Passed.class);
        return (Passed) result;
    }

    private void fails(byte[] pdf, FailureCode code, Integer pageCount, List<Integer> invalidPages) {
        assertThat(validator.validate(pdf, false)).isEqualTo(new Failed(code, pageCount, invalidPages));
    }
}
