package org.glassguide.solver.codraw;

/**
 * What a co-draw run is told: the drawable viscosity span (log10 Pa s) with where it comes from, the
 * preform and speeds (optional), and the diameter tolerance to study. SI units.
 *
 * @param drawLog10Min lowest drawable viscosity, log10 Pa s
 * @param drawLog10Max highest drawable viscosity, log10 Pa s
 * @param drawRangeSource why this span ("user", or the default's source)
 * @param preform the preform and speeds, or null to analyse the design's own diameters
 * @param tolerance relative diameter variation to study (0.05 for +-5 %)
 */
public record DrawSettings(double drawLog10Min, double drawLog10Max, String drawRangeSource, Preform preform, double tolerance) {
    /** The design section this record is read from. */
    public static final String SECTION = "codraw";

    /** The design's codraw: section, or the defaults when it has none. */
    public static DrawSettings of(org.glassguide.solver.design.Design design) {
        DrawSettings s = design.section(SECTION, DrawSettings.class);
        return s != null ? s : DrawSettings.defaults();
    }

    /**
     * Default span 10^4 to 10^6.6 Pa s: the upper end is the Littleton softening point (ASTM C338), the
     * usual highest viscosity at which a preform neck still draws; the lower end, 10^4 Pa s, is where a fiber
     * draw usually becomes unstable (capillary break-up, diameter control lost) — a rule of thumb, assumed.
     */
    public static final double DEFAULT_LOG_MIN = 4;
    public static final double DEFAULT_LOG_MAX = 6.6;
    public static final String DEFAULT_SOURCE = "10^4 to 10^6.6 Pa s: the upper end is the Littleton softening point "
            + "(ASTM C338); the lower end is the usual limit of a stable fiber draw (assumed; set codraw.draw-viscosity to change it)";

    public DrawSettings {
        if (!(drawLog10Min < drawLog10Max) || !Double.isFinite(drawLog10Min) || !Double.isFinite(drawLog10Max)) {
            throw new IllegalArgumentException("draw viscosity span must be increasing");
        }
        if (!(tolerance >= 0 && tolerance < 0.5)) {
            throw new IllegalArgumentException("tolerance must be in [0, 0.5)");
        }
        drawRangeSource = drawRangeSource == null ? "user" : drawRangeSource;
    }

    public static DrawSettings defaults() {
        return new DrawSettings(DEFAULT_LOG_MIN, DEFAULT_LOG_MAX, DEFAULT_SOURCE, null, 0.05);
    }

    /**
     * A preform drawn down: diameters (m) of its core rod and outside, the feed speed into the furnace and
     * the draw (capstan) speed, both m/s.
     */
    public record Preform(double coreDiameter, double outerDiameter, double feedSpeed, double drawSpeed) {
        public Preform {
            if (!(coreDiameter > 0) || !(outerDiameter > coreDiameter) || !Double.isFinite(outerDiameter)) {
                throw new IllegalArgumentException("preform needs 0 < core diameter < outer diameter");
            }
            if (!(feedSpeed > 0) || !(drawSpeed > feedSpeed) || !Double.isFinite(drawSpeed)) {
                throw new IllegalArgumentException("draw speed must exceed the feed speed (both positive)");
            }
        }

        /**
         * Volume conservation: what enters the neck leaves as fiber, D^2 v_feed = d^2 v_draw, so every
         * diameter shrinks by sqrt(v_feed / v_draw).
         */
        public double diameterRatio() {
            return Math.sqrt(feedSpeed / drawSpeed);
        }

        public double fiberCoreDiameter() {
            return coreDiameter * diameterRatio();
        }

        public double fiberOuterDiameter() {
            return outerDiameter * diameterRatio();
        }

        /** The draw speed that gives a fiber of the given outer diameter from this preform and feed. */
        public static double drawSpeedFor(double outerDiameter, double feedSpeed, double fiberOuterDiameter) {
            double r = outerDiameter / fiberOuterDiameter;
            return feedSpeed * r * r;
        }
    }
}
