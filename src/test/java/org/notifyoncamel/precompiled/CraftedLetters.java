package org.notifyoncamel.precompiled;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Crafts precompiled letters with PDFBox for the tests: A4 pages with an address in the window, body text, and
 * whatever a test breaks (size, rotation, marks in the margins, a NOTIFY tag, encryption). Positions are millimetres
 * from the top-left of the page as the letter specification gives them.
 */
public final class CraftedLetters {

    public static final List<String> ADDRESS = List.of("Ada Lovelace", "12 Example Street", "London", "sw1a1aa");

    private final List<PageSpec> pages = new ArrayList<>();
    private List<String> address = ADDRESS;
    private String userPassword;

    /** What goes on one page besides body text. */
    private static final class PageSpec {
        PDRectangle size = PDRectangle.A4;
        int rotation;
        final List<double[]> marks = new ArrayList<>();
        boolean notifyTag;
        boolean body = true;
        String bodyText;
    }

    private CraftedLetters() {
    }

    /** A letter of {@code pageCount} clean A4 pages with {@link #ADDRESS} in the window. */
    public static CraftedLetters letter(int pageCount) {
        CraftedLetters letter = new CraftedLetters();
        for (int i = 0; i < pageCount; i++) {
            letter.pages.add(new PageSpec());
        }
        return letter;
    }

    public CraftedLetters address(List<String> lines) {
        this.address = lines;
        return this;
    }

    public CraftedLetters address(String... lines) {
        return address(List.of(lines));
    }

    /** A filled black square of {@code sizeMm} with its top-left corner at (x, y) mm on page {@code page} (1-based). */
    public CraftedLetters mark(int page, double x, double y, double sizeMm) {
        pages.get(page - 1).marks.add(new double[] {x, y, sizeMm});
        return this;
    }

    public CraftedLetters size(int page, PDRectangle size) {
        pages.get(page - 1).size = size;
        return this;
    }

    /** The page stored sideways (landscape media box) and turned by {@code /Rotate}. */
    public CraftedLetters rotated(int page, int rotation, PDRectangle media) {
        pages.get(page - 1).rotation = rotation;
        pages.get(page - 1).size = media;
        return this;
    }

    public CraftedLetters notifyTag(int page) {
        pages.get(page - 1).notifyTag = true;
        return this;
    }

    public CraftedLetters noBody() {
        pages.forEach(p -> p.body = false);
        return this;
    }

    public CraftedLetters bodyText(int page, String text) {
        pages.get(page - 1).bodyText = text;
        return this;
    }

    public CraftedLetters encrypted(String userPassword) {
        this.userPassword = userPassword;
        return this;
    }

    public byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages.size(); i++) {
                PageSpec spec = pages.get(i);
                PDPage page = new PDPage(spec.size);
                page.setRotation(spec.rotation);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.transform(SanitisedLetter.displayToUser(page));
                    float height = spec.rotation % 180 == 0 ? spec.size.getHeight() : spec.size.getWidth();
                    if (i == 0 && !address.isEmpty()) {
                        // 8 pt on 8.5 pt as Notify prints it, the last baseline 2 mm above the window's bottom edge
                        text(out, font, 8, 8.5f, mm(30), height - mm(64.3), address);
                    }
                    if (spec.body) {
                        float top = height - mm(i == 0 ? 110 : 30);
                        String body = spec.bodyText != null ? spec.bodyText : "Page " + (i + 1) + " of a precompiled letter.";
                        text(out, font, 12, 14.4f, mm(20), top - 14.4f, List.of("Dear Ada,", body));
                    }
                    if (spec.notifyTag) {
                        // white, as Notify prints it: only its text layer shows
                        out.setNonStrokingColor(Color.WHITE);
                        out.beginText();
                        out.setFont(font, 6);
                        out.newLineAtOffset(mm(4), height - mm(6));
                        out.showText("NOTIFY");
                        out.endText();
                    }
                    out.setNonStrokingColor(Color.BLACK);
                    for (double[] mark : spec.marks) {
                        out.addRect(mm(mark[0]), height - mm(mark[1] + mark[2]), mm(mark[2]), mm(mark[2]));
                        out.fill();
                    }
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream out, PDFont font, float size, float leading, float x, float lastBaseline,
            List<String> lines) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, lastBaseline + leading * (lines.size() - 1));
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.newLineAtOffset(0, -leading);
            }
            out.showText(lines.get(i));
        }
        out.endText();
    }

    static float mm(double mm) {
        return (float) Zone.points(mm);
    }
}
