package org.glassguide.solver.loss;

import java.util.Locale;

/**
 * One loss mechanism of a calibration, as a wavelength shape whose amplitude the fit finds: Rayleigh
 * scattering (alpha proportional to lambda^-4), a wavelength-independent floor (scattering by large
 * defects, imperfections), or an absorption band (Gaussian in wavelength, centre and FWHM given).
 *
 * @param kind rayleigh, floor or band
 * @param centre band centre (m), else NaN
 * @param fwhm band full width at half maximum (m), else NaN
 */
public record Mechanism(String kind, double centre, double fwhm) {
    /** Shapes are normalised at this wavelength (1 um), so amplitudes are comparable 1/m there. */
    static final double REFERENCE = 1e-6;

    public Mechanism {
        if (!kind.equals("rayleigh") && !kind.equals("floor") && !kind.equals("band")) {
            throw new IllegalArgumentException("mechanism must be rayleigh, floor or band");
        }
        if (kind.equals("band") && !(centre > 0 && fwhm > 0)) {
            throw new IllegalArgumentException("a band needs a positive centre and FWHM");
        }
    }

    public static Mechanism rayleigh() {
        return new Mechanism("rayleigh", Double.NaN, Double.NaN);
    }

    public static Mechanism floor() {
        return new Mechanism("floor", Double.NaN, Double.NaN);
    }

    public static Mechanism band(double centre, double fwhm) {
        return new Mechanism("band", centre, fwhm);
    }

    /** The shape at a wavelength: alpha = amplitude x shape (1/m); 1 at 1 um for Rayleigh, 1 for the floor, 1 at a band's centre. */
    public double shape(double wavelength) {
        switch (kind) {
            case "rayleigh": {
                double r = REFERENCE / wavelength;
                return r * r * r * r;
            }
            case "floor":
                return 1;
            default: {
                double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
                double x = (wavelength - centre) / sigma;
                return Math.exp(-0.5 * x * x);
            }
        }
    }

    /** Which part of the budget this mechanism is. */
    public String budgetPart() {
        return kind.equals("band") ? "absorption" : kind.equals("rayleigh") ? "Rayleigh scattering" : "wavelength-independent scattering";
    }

    public String label() {
        return kind.equals("band") ? String.format(Locale.ROOT, "absorption band at %.0f nm (FWHM %.0f nm)", centre * 1e9, fwhm * 1e9)
                : kind.equals("rayleigh") ? "Rayleigh scattering (lambda^-4)" : "wavelength-independent loss";
    }
}
