package org.glassguide.materials;

/** Complex refractive index n + i k (k &ge; 0 absorbs). */
public record ComplexIndex(double n, double k) {
    public ComplexIndex {
        if (!Double.isFinite(n) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("complex index must be finite: " + n + " + i " + k);
        }
    }

    /** Power attenuation coefficient alpha = 4 pi k / lambda in 1/m. */
    public double alpha(double wavelength) {
        return 4 * Math.PI * k / wavelength;
    }
}
