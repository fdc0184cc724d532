package org.notifyoncamel.precompiled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.notifyoncamel.precompiled.ValidationResult.Failed;
import org.notifyoncamel.precompiled.ValidationResult.Passed;
import org.notifyoncamel.recipients.PostalAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a precompiled letter and, when it can be printed, rewrites it (template-preview's
 * {@code app/precompiled.py}, documented in {@code docs/adr/0120-precompiled-letter-validation.md}). The checks run
 * in Notify's order and the first failure wins: the file opens as an unencrypted PDF with pages; at most
 * {@value LetterGeometry#MAX_PAGES} pages; every page A4 portrait; no content outside the printable area; no NOTIFY
 * tag on a page after the first (a letter downloaded from Notify inside this one); an address in the window that
 * Notify can post to. Anything that throws on the way is {@code unable-to-read-the-file}: a hostile or broken PDF
 * ends as a failed validation, never as an error of the caller.
 *
 * <p>Thread-safe: each call opens its own document.
 */
public final class PrecompiledLetterValidator {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledLetterValidator.class);

    static final Zone TAG_AREA = tagSearchArea();

    private final PrintableArea printableArea;

    public PrecompiledLetterValidator(float dpi) {
        this.printableArea = new PrintableArea(dpi);
    }

    public ValidationResult validate(byte[] pdf, boolean allowInternational) {
        Integer pageCount = null;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                return failed(FailureCode.UNABLE_TO_READ_THE_FILE, null, null);
            }
            pageCount = document.getNumberOfPages();
            if (pageCount > LetterGeometry.MAX_PAGES) {
                return failed(FailureCode.LETTER_TOO_LONG, pageCount, null);
            }
            if (pageCount == 0) {
                return failed(FailureCode.UNABLE_TO_READ_THE_FILE, pageCount, null);
            }
            List<Integer> notA4 = pagesWhere(document, PrecompiledLetterValidator::notA4Portrait);
            if (!notA4.isEmpty()) {
                return failed(FailureCode.LETTER_NOT_A4_PORTRAIT_ORIENTED, pageCount, notA4);
            }
            PDFRenderer renderer = new PDFRenderer(document);
            List<Integer> outside = new ArrayList<>();
            for (int i = 0; i < pageCount; i++) {
                if (printableArea.hasContentOutside(renderer, i)) {
                    outside.add(i + 1);
                }
            }
            if (!outside.isEmpty()) {
                return failed(FailureCode.CONTENT_OUTSIDE_PRINTABLE_AREA, pageCount, outside);
            }
            List<Integer> tagged = new ArrayList<>();
            for (int i = 1; i < pageCount; i++) {
                if (hasNotifyTag(document.getPage(i), TAG_AREA)) {
                    tagged.add(i + 1);
                }
            }
            if (!tagged.isEmpty()) {
                return failed(FailureCode.NOTIFY_TAG_FOUND_IN_CONTENT, pageCount, tagged);
            }
            PDPage first = document.getPage(0);
            List<String> addressLines = AreaText.lines(first, LetterGeometry.ADDRESS_READ_AREA);
            if (addressLines.isEmpty()) {
                return failed(FailureCode.ADDRESS_IS_EMPTY, pageCount, List.of(1));
            }
            PostalAddress address = PostalAddress.of(String.join("\n", addressLines), allowInternational);
            Optional<FailureCode> addressProblem = addressProblem(address, allowInternational);
            if (addressProblem.isPresent()) {
                return failed(addressProblem.get(), pageCount, List.of(1));
            }
            boolean tagPresent = hasNotifyTag(first, TAG_AREA);
            SanitisedLetter.rewrite(document, address, !tagPresent);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
            document.save(out);
            return new Passed(address, pageCount, out.toByteArray());
        } catch (Exception | StackOverflowError e) {
            // the exception's text may quote the document: only its class is logged (ADR 0061)
            LOG.info("precompiled letter unreadable: {}", e.getClass().getName());
            return failed(FailureCode.UNABLE_TO_READ_THE_FILE, pageCount, null);
        }
    }

    /** The address checks in Notify's order (template-preview's {@code validate_address}); empty when it can be posted. */
    static Optional<FailureCode> addressProblem(PostalAddress address, boolean allowInternational) {
        if (!address.hasEnoughLines()) {
            return Optional.of(FailureCode.NOT_ENOUGH_ADDRESS_LINES);
        }
        if (address.hasTooManyLines()) {
            return Optional.of(FailureCode.TOO_MANY_ADDRESS_LINES);
        }
        if (!address.hasValidLastLine()) {
            return Optional.of(allowInternational ? FailureCode.NOT_A_REAL_UK_POSTCODE_OR_COUNTRY
                : address.international() ? FailureCode.CANT_SEND_INTERNATIONAL_LETTERS
                : FailureCode.NOT_A_REAL_UK_POSTCODE);
        }
        if (address.hasInvalidCharacters()) {
            return Optional.of(FailureCode.INVALID_CHAR_IN_ADDRESS);
        }
        return Optional.empty();
    }

    /** Height and width each within tolerance of A4's, sideways only when the page is turned a quarter. */
    static boolean notA4Portrait(PDPage page) {
        PDRectangle media = page.getMediaBox();
        double width = Zone.millimetres(media.getWidth());
        double height = Zone.millimetres(media.getHeight());
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean upright = rotation == 0 || rotation == 180;
        boolean quarter = rotation == 90 || rotation == 270;
        boolean portrait = near(width, LetterGeometry.A4_WIDTH) && near(height, LetterGeometry.A4_HEIGHT);
        boolean landscape = near(width, LetterGeometry.A4_HEIGHT) && near(height, LetterGeometry.A4_WIDTH);
        return !((upright && portrait) || (quarter && landscape));
    }

    private static boolean near(double actual, double expected) {
        return Math.abs(actual - expected) <= LetterGeometry.SIZE_TOLERANCE;
    }

    /** The tag's box from Arial's metrics (Helvetica's, which Arial and Liberation Sans share). */
    private static Zone tagSearchArea() {
        try {
            PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            double width = Zone.millimetres(helvetica.getStringWidth(LetterGeometry.TAG_TEXT) / 1000 * LetterGeometry.TAG_FONT_SIZE);
            return LetterGeometry.tagSearchArea(width, Zone.millimetres(LetterGeometry.TAG_FONT_SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasNotifyTag(PDPage page, Zone tagArea) throws IOException {
        return String.join("", AreaText.lines(page, tagArea)).replace(" ", "").equals(LetterGeometry.TAG_TEXT);
    }

    private interface PageCheck {
        boolean fails(PDPage page) throws IOException;
    }

    private static List<Integer> pagesWhere(PDDocument document, PageCheck check) throws IOException {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            if (check.fails(document.getPage(i))) {
                pages.add(i + 1);
            }
        }
        return pages;
    }

    private static Failed failed(FailureCode code, Integer pageCount, List<Integer> invalidPages) {
        return new Failed(code, pageCount, invalidPages);
    }
}
