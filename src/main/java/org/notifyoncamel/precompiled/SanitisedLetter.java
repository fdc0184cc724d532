package org.notifyoncamel.precompiled;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.notifyoncamel.recipients.PostalAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rewrite of a letter that passed (template-preview's {@code rewrite_address_block} and {@code add_notify_tag}):
 * on page 1 the address window is painted white and the normalised address typed into it (Arial-metric Liberation
 * Sans 8 pt, 8.5 pt leading, 2 pt rise, the last line's baseline on the window's bottom edge, lines stacked upwards),
 * and the white NOTIFY tag is added unless the letter already has one. The sender's own address text is removed
 * first ({@link AddressRedaction}). Our text is drawn in the page's displayed
 * orientation whatever its {@code /Rotate}, after the page's own content, with the graphics state reset.
 */
final class SanitisedLetter {

    private static final Logger LOG = LoggerFactory.getLogger(SanitisedLetter.class);

    /** Arial's cap height as a share of the font size: puts the tag's capitals 4.3 mm from the top. */
    private static final double CAP_HEIGHT = 0.716;

    private SanitisedLetter() {
    }

    static void rewrite(PDDocument document, PostalAddress address, boolean addTag) throws IOException {
        PDPage page = document.getPage(0);
        try {
            AddressRedaction.redact(document, page);
        } catch (IOException | RuntimeException e) {
            // the white box below still covers the sender's address: print ours over it rather than fail the letter
            LOG.warn("address redaction failed, the address is covered instead: {}", e.getClass().getName());
        }
        PDFont font = LetterFonts.sans(document);
        float height = displayHeight(page);
        try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
            out.transform(displayToUser(page));
            Zone window = LetterGeometry.ADDRESS_WINDOW;
            out.setNonStrokingColor(Color.WHITE);
            out.addRect((float) Zone.points(window.left()), height - (float) Zone.points(window.bottom()),
                (float) Zone.points(window.width()), (float) Zone.points(window.height()));
            out.fill();

            List<String> lines = address.normalisedLines();
            float lastBaseline = height - (float) Zone.points(window.bottom());
            out.setNonStrokingColor(Color.BLACK);
            out.beginText();
            out.setFont(font, (float) LetterGeometry.ADDRESS_FONT_SIZE);
            out.setTextRise((float) LetterGeometry.ADDRESS_RISE);
            for (int i = 0; i < lines.size(); i++) {
                float baseline = lastBaseline + (float) ((lines.size() - 1 - i) * LetterGeometry.ADDRESS_LEADING);
                out.setTextMatrix(Matrix.getTranslateInstance((float) Zone.points(window.left()), baseline));
                out.showText(printable(font, lines.get(i)));
            }
            out.endText();

            if (addTag) {
                float size = (float) LetterGeometry.TAG_FONT_SIZE;
                float width = font.getStringWidth(LetterGeometry.TAG_TEXT) / 1000 * size;
                float x = (float) Zone.points(LetterGeometry.TAG_CENTRE_X) - width / 2;
                float baseline = height - (float) Zone.points(LetterGeometry.TAG_TOP) - (float) (CAP_HEIGHT * size);
                out.setNonStrokingColor(Color.WHITE);
                out.beginText();
                out.setFont(font, size);
                out.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
                out.showText(LetterGeometry.TAG_TEXT);
                out.endText();
            }
        }
    }

    /** The text with characters the font cannot show replaced by {@code ?}, so an exotic letter still prints. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static float displayHeight(PDPage page) {
        PDRectangle media = page.getMediaBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        return rotation == 90 || rotation == 270 ? media.getWidth() : media.getHeight();
    }

    /**
     * Maps the displayed page (origin bottom-left, y up, as a reader sees it after {@code /Rotate}) to the page's
     * user space.
     */
    static Matrix displayToUser(PDPage page) {
        PDRectangle m = page.getMediaBox();
        return switch (Math.floorMod(page.getRotation(), 360)) {
            case 90 -> new Matrix(0, 1, -1, 0, m.getLowerLeftX() + m.getWidth(), m.getLowerLeftY());
            case 180 -> new Matrix(-1, 0, 0, -1, m.getUpperRightX(), m.getUpperRightY());
            case 270 -> new Matrix(0, -1, 1, 0, m.getLowerLeftX(), m.getUpperRightY());
            default -> new Matrix(1, 0, 0, 1, m.getLowerLeftX(), m.getLowerLeftY());
        };
    }
}
