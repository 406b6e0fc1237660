package org.glassguide.materials.thermal;

import java.util.Locale;

/** Vogel-Fulcher-Tammann: log10 eta = A + B / (T - T0) (eta in Pa s, T and T0 in K, B in K). */
public record VftViscosity(double a, double b, double t0) implements ViscosityModel {
    public VftViscosity {
        if (!Double.isFinite(a) || !(b > 0) || !Double.isFinite(b) || !(t0 >= 0) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("VFT needs finite A, B > 0 and T0 >= 0 (A " + a + ", B " + b + " K, T0 " + t0 + " K)");
        }
    }

    @Override
    public double log10Viscosity(double temperature) {
        return temperature > t0 ? a + b / (temperature - t0) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double minTemperature() {
        return t0;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "VFT: A %.3f, B %.1f K, T0 %.1f K", a, b, t0);
    }
}
