package org.glassguide.materials.gain;

import java.util.Arrays;

/**
 * A measured cross-section table, linearly interpolated and zero outside it (a measured spectrum says nothing beyond
 * its ends, and a zero there cannot create gain). Wavelengths strictly increasing, values non-negative.
 */
public final class TabulatedCrossSection implements CrossSectionSpectrum {
    private final double[] wavelengths;
    private final double[] values;

    public TabulatedCrossSection(double[] wavelengths, double[] values) {
        if (wavelengths.length < 2 || wavelengths.length != values.length) {
            throw new IllegalArgumentException("a cross-section table needs at least two (wavelength, value) rows");
        }
        for (int i = 0; i < wavelengths.length; i++) {
            if (!(wavelengths[i] > 0) || (i > 0 && !(wavelengths[i] > wavelengths[i - 1]))) {
                throw new IllegalArgumentException("cross-section wavelengths must be positive and increasing (row " + (i + 1) + ")");
            }
            if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("cross sections must be finite and non-negative (row " + (i + 1) + ")");
            }
        }
        this.wavelengths = wavelengths.clone();
        this.values = values.clone();
    }

    @Override
    public double at(double wavelength) {
        int n = wavelengths.length;
        if (!(wavelength >= wavelengths[0] && wavelength <= wavelengths[n - 1])) {
            return 0;
        }
        int i = Arrays.binarySearch(wavelengths, wavelength);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (wavelength - wavelengths[lo]) / (wavelengths[hi] - wavelengths[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    @Override
    public double[] span() {
        return new double[] {wavelengths[0], wavelengths[wavelengths.length - 1]};
    }
}
