package org.glassguide.materials.source;

import java.util.Objects;

/** A luminescence band (emission or excitation): centre and FWHM in metres, relative weight. */
public record SpectralBand(String label, double centre, double fwhm, double weight, Provenance provenance) {
    public SpectralBand {
        Objects.requireNonNull(provenance, "provenance");
        label = label == null ? "" : label;
        if (!(centre > 0) || !(fwhm > 0) || !(weight >= 0)) {
            throw new IllegalArgumentException("band needs centre > 0, FWHM > 0, weight >= 0");
        }
    }

    /** Gaussian line shape, normalised to peak 1 times the weight. */
    public double shape(double wavelength) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double x = (wavelength - centre) / sigma;
        return weight * Math.exp(-0.5 * x * x);
    }
}
