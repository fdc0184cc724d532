package org.notifyoncamel.precompiled;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Removes the sender's own address text from page 1 before ours is typed in its place (template-preview's
 * {@code redact_precompiled_letter_address_block}), so the printed page and its text layer carry one address.
 * The page's content stream is walked with PDFBox's text engine; every text-showing operator ({@code Tj TJ ' "})
 * of the page's own stream that puts a glyph inside {@link LetterGeometry#ADDRESS_READ_AREA} has its text emptied,
 * and the page gets the rewritten stream. Text inside form XObjects is left (the white box covers it). The checks
 * before guarantee that nothing but the address can be printed in that area.
 */
final class AddressRedaction extends PDFTextStripper {

    private static final Set<String> SHOW_TEXT = Set.of(OperatorName.SHOW_TEXT, OperatorName.SHOW_TEXT_ADJUSTED,
        OperatorName.SHOW_TEXT_LINE, OperatorName.SHOW_TEXT_LINE_AND_SPACE);

    private final Set<Integer> inArea = new HashSet<>();
    private int operatorIndex = -1;
    private boolean inOperator;

    private AddressRedaction() throws IOException {
        // the stripper's page window: the page processed directly, as PDFTextStripperByArea does
        setStartPage(getCurrentPageNo());
        setEndPage(getCurrentPageNo());
    }

    /** Empties the page's address text; returns how many text operators were emptied. */
    static int redact(PDDocument document, PDPage page) throws IOException {
        AddressRedaction engine = new AddressRedaction();
        engine.processPage(page);
        if (engine.inArea.isEmpty()) {
            return 0;
        }
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> tokens = parser.parse();
        int index = -1;
        int emptied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Operator operator)) {
                continue;
            }
            index++;
            if (!engine.inArea.contains(index) || !SHOW_TEXT.contains(operator.getName())) {
                continue;
            }
            for (int j = i - 1; j >= 0 && !(tokens.get(j) instanceof Operator); j--) {
                if (tokens.get(j) instanceof COSString) {
                    tokens.set(j, new COSString(""));
                } else if (tokens.get(j) instanceof COSArray) {
                    tokens.set(j, new COSArray());
                }
            }
            emptied++;
        }
        PDStream contents = new PDStream(document);
        try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(out).writeTokens(tokens);
        }
        page.setContents(contents);
        return emptied;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (inOperator) {
            // an operator of a form or glyph stream run by a page operator: counted as that page operator
            super.processOperator(operator, operands);
            return;
        }
        inOperator = true;
        operatorIndex++;
        try {
            super.processOperator(operator, operands);
        } finally {
            inOperator = false;
        }
    }

    @Override
    protected void writePage() {
        // positions only: no text is written
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        Zone area = LetterGeometry.ADDRESS_READ_AREA;
        double x = Zone.millimetres(text.getX());
        double y = Zone.millimetres(text.getY());
        if (x >= area.left() && x <= area.right() && y >= area.top() && y <= area.bottom()) {
            inArea.add(operatorIndex);
        }
    }
}
