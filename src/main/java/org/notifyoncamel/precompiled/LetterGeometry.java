package org.notifyoncamel.precompiled;

import java.util.List;

/**
 * Where things may be printed on a precompiled letter (millimetres from the top-left of an A4 sheet): the
 * constants of template-preview's {@code app/precompiled.py} and the DVLA letter specification.
 */
public final class LetterGeometry {

    public static final double A4_WIDTH = 210;
    public static final double A4_HEIGHT = 297;
    /** A page is A4 when each side is within this many millimetres of A4's. */
    public static final double SIZE_TOLERANCE = 2;
    /** Allowed zones are enlarged by this much before content outside them is looked for. */
    public static final double ZONE_SLACK = 1;
    public static final int MAX_PAGES = 10;

    public static final Zone BODY_PAGE_1 = new Zone(15, 95, 195, 292);
    public static final Zone SERVICE_ADDRESS = new Zone(125, 5, 195, 95);
    public static final Zone LOGO = new Zone(15, 5, 125, 30);
    public static final Zone ADDRESS_WINDOW = new Zone(24.6, 39.5, 120.0, 66.3);
    public static final Zone BODY_LATER_PAGES = new Zone(15, 5, 195, 292);

    /** Words read as the address: the window with 3 mm to spare on every side. */
    public static final Zone ADDRESS_READ_AREA = ADDRESS_WINDOW.grow(3);

    /** The white NOTIFY tag (DVLA's start-of-letter marker): Arial 6 pt, centred on x 7.5, 4.3 mm from the top. */
    public static final double TAG_FONT_SIZE = 6;
    public static final double TAG_CENTRE_X = 7.5;
    public static final double TAG_TOP = 4.3;
    public static final String TAG_TEXT = "NOTIFY";

    /** The re-typed address: Arial 8 pt, 8.5 pt leading, 2 pt rise, last baseline on the window's bottom edge. */
    public static final double ADDRESS_FONT_SIZE = 8;
    public static final double ADDRESS_LEADING = 8.5;
    public static final double ADDRESS_RISE = 2;

    private LetterGeometry() {
    }

    /** The zones where page {@code pageNumber} (1-based) may carry content. */
    public static List<Zone> allowedZones(int pageNumber) {
        if (pageNumber == 1) {
            return List.of(BODY_PAGE_1, SERVICE_ADDRESS, LOGO, ADDRESS_WINDOW);
        }
        return List.of(BODY_LATER_PAGES);
    }

    /** The box NOTIFY tags are looked for in, given the tag's rendered width and height. */
    public static Zone tagSearchArea(double tagWidth, double tagHeight) {
        return new Zone(2.4, 1.3, 7.4 + tagWidth + 5, TAG_TOP + tagHeight + 3);
    }
}
