package org.glassguide.materials.gain;

/** A transition cross-section spectrum of a dopant ion in its host, sigma(lambda) in m^2 (zero where the ion has no band). */
public interface CrossSectionSpectrum {
    double at(double wavelength);

    /** Wavelengths (m) between which the spectrum is non-zero, for plots and checks. */
    double[] span();
}
