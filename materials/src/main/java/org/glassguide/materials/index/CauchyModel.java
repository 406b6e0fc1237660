package org.glassguide.materials.index;

import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;

/** Cauchy dispersion n = A + B/lambda^2 + C/lambda^4 with lambda in metres. */
public record CauchyModel(double a, double b, double c, WavelengthRange validRange) implements RefractiveIndexModel {
    /** Fraunhofer d, F and C lines (helium d, hydrogen F and C) in metres, for Abbe numbers. */
    public static final double LAMBDA_D = 587.5618e-9;
    public static final double LAMBDA_F = 486.1327e-9;
    public static final double LAMBDA_C = 656.2725e-9;

    public CauchyModel {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("Cauchy coefficients must be finite");
        }
    }

    /**
     * The two-term Cauchy model that has index {@code n} at {@code lambdaRef} and Abbe number
     * {@code abbe} = (n_d - 1)/(n_F - n_C): the usual way to give a glass a plausible dispersion
     * when only n and V_d are known.
     */
    public static CauchyModel fromIndexAndAbbe(double n, double lambdaRef, double abbe, WavelengthRange range) {
        if (!(abbe > 0)) {
            throw new IllegalArgumentException("Abbe number (" + abbe + ") must be positive");
        }
        double g = 1 / (LAMBDA_F * LAMBDA_F) - 1 / (LAMBDA_C * LAMBDA_C);
        // n_F - n_C = B g = (n_d - 1)/V; n_d ~ n here (the difference changes B by < 1e-3 relative)
        double b = (n - 1) / (abbe * g);
        for (int i = 0; i < 3; i++) {
            double nd = n + b * (1 / (LAMBDA_D * LAMBDA_D) - 1 / (lambdaRef * lambdaRef));
            b = (nd - 1) / (abbe * g);
        }
        double a = n - b / (lambdaRef * lambdaRef);
        return new CauchyModel(a, b, 0, range);
    }

    @Override
    public double n(double wavelength) {
        double il2 = 1 / (wavelength * wavelength);
        return a + il2 * (b + c * il2);
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "Cauchy A = %.6f, B = %.4e m^2, C = %.4e m^4", a, b, c);
    }
}
