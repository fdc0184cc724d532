package org.notifyoncamel.precompiled;

/**
 * A rectangle on an A4 sheet in millimetres from its top-left corner (x to the right, y down), the way
 * {@code docs/letters} and the original's template-preview ({@code app/precompiled.py}) give letter geometry.
 */
public record Zone(double left, double top, double right, double bottom) {

    public static final double POINTS_PER_MM = 72 / 25.4;

    public Zone {
        if (right < left || bottom < top) {
            throw new IllegalArgumentException("empty zone");
        }
    }

    /** The zone enlarged by {@code mm} on every side. */
    public Zone grow(double mm) {
        return new Zone(left - mm, top - mm, right + mm, bottom + mm);
    }

    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }

    public static double points(double mm) {
        return mm * POINTS_PER_MM;
    }

    public static double millimetres(double points) {
        return points / POINTS_PER_MM;
    }
}
