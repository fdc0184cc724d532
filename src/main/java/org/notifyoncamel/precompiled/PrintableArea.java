package org.notifyoncamel.precompiled;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Finds content outside the printable area the way template-preview does ({@code _overlay_printable_areas_with_white},
 * {@code _get_out_of_bounds_pages}): the page is rasterised, the allowed zones (each {@link LetterGeometry#ZONE_SLACK}
 * larger) are painted white, and any pixel left that is not pure white is content where nothing may be printed.
 * Painting the mask on the raster rather than on the PDF is the same test: the zones are opaque either way, and the
 * raster is already in the page's displayed orientation. Anti-aliasing makes even a hairline tint its pixels, so a
 * modest resolution still sees it (ADR 0120).
 */
final class PrintableArea {

    private static final int WHITE = 0xFFFFFF;

    private final float dpi;

    PrintableArea(float dpi) {
        this.dpi = dpi;
    }

    /** Whether page {@code pageIndex} (0-based) has a non-white pixel outside its allowed zones. */
    boolean hasContentOutside(PDFRenderer renderer, int pageIndex) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            for (Zone zone : LetterGeometry.allowedZones(pageIndex + 1)) {
                Zone masked = zone.grow(LetterGeometry.ZONE_SLACK);
                int left = (int) Math.floor(pixels(masked.left()));
                int top = (int) Math.floor(pixels(masked.top()));
                int right = (int) Math.ceil(pixels(masked.right()));
                int bottom = (int) Math.ceil(pixels(masked.bottom()));
                g.fillRect(left, top, right - left, bottom - top);
            }
        } finally {
            g.dispose();
        }
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int pixel : rgb) {
            if ((pixel & WHITE) != WHITE) {
                return true;
            }
        }
        return false;
    }

    private double pixels(double mm) {
        return mm / 25.4 * dpi;
    }
}
