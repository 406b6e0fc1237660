package org.glassguide.materials;

/** Bulk power attenuation alpha(lambda) in 1/m (P(z) = P0 exp(-alpha z)). */
public interface AttenuationModel {
    double alpha(double wavelength);

    WavelengthRange validRange();

    String describe();

    /**
     * Null where the value at this wavelength rests on the model's data; otherwise how it was extended there (a
     * measured loss held at its nearest measured value), for every output that uses it to say so.
     */
    default String extension(double wavelength) {
        return null;
    }

    /** Imaginary index equivalent to this attenuation: k = alpha lambda / (4 pi). */
    default double k(double wavelength) {
        return alpha(wavelength) * wavelength / (4 * Math.PI);
    }
}
