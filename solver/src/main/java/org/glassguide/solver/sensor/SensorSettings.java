package org.glassguide.solver.sensor;

/**
 * An oxygen-sensing run (the design's sensor: section): Stern-Volmer quenching of the core's phosphorescence. Oxygen
 * is given as a partial pressure in per cent of one atmosphere (21 % is air).
 *
 * @param kSv Stern-Volmer constant per % O2, or NaN to calibrate it to detectionLimit
 * @param detectionLimit the O2 level (%) the sensor must resolve (used when kSv is NaN; else reported)
 * @param relativeNoise one-sigma relative noise of an intensity reading
 * @param sigmas how many sigmas make a detection
 * @param maxOxygen the O2 range studied, 0 .. maxOxygen (%)
 * @param lifetime unquenched lifetime (s), or NaN for the catalog's
 */
public record SensorSettings(double kSv, double detectionLimit, double relativeNoise, double sigmas, double maxOxygen, double lifetime) {
    /** The design section this record is read from. */
    public static final String SECTION = "sensor";

    /** The design's sensor: section, or null when it has none. */
    public static SensorSettings of(org.glassguide.solver.design.Design design) {
        return design.section(SECTION, SensorSettings.class);
    }

    public SensorSettings {
        if (!Double.isNaN(kSv) && !(kSv > 0)) {
            throw new IllegalArgumentException("Stern-Volmer constant must be positive");
        }
        if (Double.isNaN(kSv) && !(detectionLimit > 0)) {
            throw new IllegalArgumentException("give a Stern-Volmer constant or a detection limit to calibrate it to");
        }
        if (!(relativeNoise > 0 && relativeNoise < 1) || !(sigmas > 0) || !(sigmas * relativeNoise < 1)) {
            throw new IllegalArgumentException("noise must lie in (0, 1) and sigmas x noise below 1");
        }
        if (!(maxOxygen > 0 && maxOxygen <= 100)) {
            throw new IllegalArgumentException("oxygen range must be within 0 and 100 %");
        }
    }
}
