package org.glassguide.materials.attenuation;

import java.util.Locale;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.units.Units;

/** Rayleigh scattering plus a wavelength-independent floor: alpha = A / lambda^4 + B (SI: A in m^3, B in 1/m). */
public record RayleighAttenuation(double a, double b) implements AttenuationModel {
    public RayleighAttenuation {
        if (!(a >= 0) || !(b >= 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Rayleigh coefficients must be finite and >= 0");
        }
    }

    @Override
    public double alpha(double wavelength) {
        double l2 = wavelength * wavelength;
        return a / (l2 * l2) + b;
    }

    @Override
    public WavelengthRange validRange() {
        return WavelengthRange.ALL;
    }

    @Override
    public String describe() {
        // A is shown in the customary dB/km um^4
        return String.format(Locale.ROOT, "Rayleigh %.4g dB/km·um^4 / lambda^4 + %.4g dB/km",
                a * Units.DB_PER_NEPER_POWER * 1e3 * 1e24, b * Units.DB_PER_NEPER_POWER * 1e3);
    }
}
