package org.notifyoncamel.precompiled;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * The text printed inside a {@link Zone} of a page, line by line, read with PDFBox's
 * {@link PDFTextStripperByArea} (positions in the displayed page, top-left origin, so rotated pages read as they
 * print). Lines are trimmed and empty lines dropped.
 */
final class AreaText {

    private static final String REGION = "zone";

    private AreaText() {
    }

    static List<String> lines(PDPage page, Zone zone) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.addRegion(REGION, new Rectangle2D.Double(Zone.points(zone.left()), Zone.points(zone.top()),
            Zone.points(zone.width()), Zone.points(zone.height())));
        stripper.extractRegions(page);
        List<String> lines = new ArrayList<>();
        for (String line : stripper.getTextForRegion(REGION).split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
