package org.glassguide.materials;

/** Closed wavelength interval in metres over which a model is valid. */
public record WavelengthRange(double min, double max) {
    public static final WavelengthRange ALL = new WavelengthRange(0.0, Double.POSITIVE_INFINITY);

    public WavelengthRange {
        if (!(min >= 0) || !(max > min)) {
            throw new IllegalArgumentException("wavelength range must satisfy 0 <= min < max, got " + min + ".." + max);
        }
    }

    public boolean contains(double wavelength) {
        return wavelength >= min * (1 - 1e-12) && wavelength <= max * (1 + 1e-12);
    }

    public WavelengthRange intersect(WavelengthRange o) {
        double lo = Math.max(min, o.min);
        double hi = Math.min(max, o.max);
        return hi > lo ? new WavelengthRange(lo, hi) : null;
    }
}
