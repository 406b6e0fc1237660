package org.glassguide.materials;

/** Real refractive index n(lambda) and extinction k(lambda) of a homogeneous medium. */
public interface RefractiveIndexModel {
    /** Real part of the index at a vacuum wavelength in metres. */
    double n(double wavelength);

    /** Extinction coefficient (imaginary index) at a vacuum wavelength in metres; 0 if lossless. */
    default double k(double wavelength) {
        return 0.0;
    }

    /** Where the model is backed by data; outside it a value is an extrapolation. */
    WavelengthRange validRange();

    /** Human-readable form, e.g. "Sellmeier (3 terms)". */
    String describe();

    /** Power attenuation coefficient 4 pi k / lambda (1/m) implied by the extinction coefficient. */
    default double alpha(double wavelength) {
        return 4 * Math.PI * k(wavelength) / wavelength;
    }

    default ComplexIndex complexIndex(double wavelength) {
        return new ComplexIndex(n(wavelength), k(wavelength));
    }
}
