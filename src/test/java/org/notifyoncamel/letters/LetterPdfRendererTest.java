package org.notifyoncamel.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.templates.LetterRenderer;
import org.notifyoncamel.templates.Personalisation;

/** The rendered PDF read back with PDFBox: A4, the address inside the envelope window, page numbers, embedded fonts. */
class LetterPdfRendererTest {

    private static final float MM = 72f / 25.4f;

    static LetterPdfRenderer.Letter twoPageLetter() {
        StringBuilder body = new StringBuilder("# A heading\n\nDear ((name)),\n\n");
        for (int i = 0; i < 14; i++) {
            body.append("Paragraph ").append(i).append(": your licence - reference ((ref)) - has been renewed and will be posted to ")
                    .append("you soon. See https://www.gov.uk/licence for details about what happens next.\n\n");
        }
        body.append("* first point\n* second point\n");
        Personalisation values = Personalisation.of(Map.of("name", "Ada <Lovelace>", "ref", "ABC-123"));
        return new LetterPdfRenderer.Letter(List.of("Ada Lovelace", "1 Example Street", "London", "SW1A 1AA"),
                LetterRenderer.contactBlockHtml("Licensing Team\nPO Box 1\nNewport\nNP10 8QQ", values),
                LetterRenderer.subject("Your licence for ((name))", values), LetterRenderer.messageHtml(body.toString(), values),
                LocalDate.of(2021, 2, 9), null);
    }

    @Test
    void aTwoPageLetterIsA4WithTheAddressInTheWindowAndPageNumbers() throws Exception {
        LetterPdfRenderer.Pdf pdf = new LetterPdfRenderer().render(twoPageLetter());
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(pdf.pages()).isEqualTo(2);
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth() / MM).isCloseTo(210f, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(page.getMediaBox().getHeight() / MM).isCloseTo(297f, org.assertj.core.data.Offset.offset(0.5f));
            }
            assertThat(textIn(document, 24.6f, 39.5f, 120f, 66.3f))
                    .isEqualTo("ADA LOVELACE\n1 EXAMPLE STREET\nLONDON\nSW1A 1AA");
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Page 1 of 2", "Page 2 of 2", "9 February 2021", "Your licence for Ada <Lovelace>",
                    "Dear Ada <Lovelace>,", "www.gov.uk/licence", "Licensing Team", "NOTIFY");
            assertThat(textIn(document, 127f, 30f, 200.5f, 82.5f)).contains("Licensing Team").contains("NP10 8QQ");
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("LiberationSans");
        }
    }

    @Test
    void aPageBreakRuleStartsANewPage() throws Exception {
        LetterPdfRenderer.Letter letter = new LetterPdfRenderer.Letter(List.of("A", "B", "SW1A 1AA"), "", "Subject",
                LetterRenderer.messageHtml("Page one\n\n---\n\nPage two", Personalisation.empty()), LocalDate.of(2021, 2, 9), null);
        LetterPdfRenderer.Pdf pdf = new LetterPdfRenderer().render(letter);
        assertThat(pdf.pages()).isEqualTo(2);
    }

    static String textIn(PDDocument document, float x1, float y1, float x2, float y2) throws Exception {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        stripper.addRegion("r", new Rectangle2D.Float(x1 * MM, y1 * MM, (x2 - x1) * MM, (y2 - y1) * MM));
        stripper.extractRegions(document.getPage(0));
        return stripper.getTextForRegion("r").strip().replace("\r", "");
    }
}
