package org.glassguide.materials.gain;

import java.util.List;

import org.glassguide.materials.source.SpectralBand;

/** Cross sections as a sum of Gaussian bands, each band's weight being its peak cross section (m^2). */
public record BandCrossSection(List<SpectralBand> bands) implements CrossSectionSpectrum {
    public BandCrossSection {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a band cross-section spectrum needs at least one band");
        }
    }

    @Override
    public double at(double wavelength) {
        double s = 0;
        for (SpectralBand b : bands) {
            s += b.shape(wavelength);
        }
        return s;
    }

    @Override
    public double[] span() {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (SpectralBand b : bands) {
            lo = Math.min(lo, b.centre() - 1.5 * b.fwhm());
            hi = Math.max(hi, b.centre() + 1.5 * b.fwhm());
        }
        return new double[] {Math.max(lo, 1e-9), hi};
    }
}
