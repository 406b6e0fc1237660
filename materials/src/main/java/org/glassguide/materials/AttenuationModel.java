package org.glassguide.materials;

/** Bulk power attenuation alpha(lambda) in 1/m (P(z) = P0 exp(-alpha z)). */
public interface AttenuationModel {
    double alpha(double wavelength);

    WavelengthRange validRange();

    String describe();

    /** Imaginary index equivalent to this attenuation: k = alpha lambda / (4 pi). */
    default double k(double wavelength) {
        return alpha(wavelength) * wavelength / (4 * Math.PI);
    }
}
