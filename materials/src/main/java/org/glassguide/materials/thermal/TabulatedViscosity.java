package org.glassguide.materials.thermal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured viscosities, interpolated linearly in log10 eta against 1/T (Arrhenius between neighbouring
 * points, the form viscosity data are read in) and extended the same way beyond the end points.
 */
public final class TabulatedViscosity implements ViscosityModel {
    private final double[] inverseT;
    private final double[] logEta;
    private final double tMin;
    private final double tMax;

    /** Temperatures (K, strictly increasing) and log10 eta (Pa s, strictly decreasing). */
    public TabulatedViscosity(double[] temperatures, double[] log10Eta) {
        if (temperatures.length != log10Eta.length || temperatures.length < 2) {
            throw new IllegalArgumentException("a viscosity table needs at least 2 points (found " + temperatures.length + ")");
        }
        int n = temperatures.length;
        inverseT = new double[n];
        logEta = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(temperatures[i] > 0) || i > 0 && !(temperatures[i] > temperatures[i - 1])) {
                throw new IllegalArgumentException("viscosity table temperatures must be positive and strictly increasing (at "
                        + temperatures[i] + " K)");
            }
            if (!Double.isFinite(log10Eta[i]) || i > 0 && !(log10Eta[i] < log10Eta[i - 1])) {
                throw new IllegalArgumentException("viscosity must fall with temperature (at " + temperatures[i] + " K)");
            }
            // stored in increasing 1/T
            inverseT[n - 1 - i] = 1 / temperatures[i];
            logEta[n - 1 - i] = log10Eta[i];
        }
        tMin = temperatures[0];
        tMax = temperatures[n - 1];
    }

    @Override
    public double log10Viscosity(double temperature) {
        double u = 1 / temperature;
        int n = inverseT.length;
        int i = Arrays.binarySearch(inverseT, u);
        if (i >= 0) {
            return logEta[i];
        }
        int hi = Math.min(Math.max(-i - 1, 1), n - 1);
        int lo = hi - 1;
        double w = (u - inverseT[lo]) / (inverseT[hi] - inverseT[lo]);
        return logEta[lo] + w * (logEta[hi] - logEta[lo]);
    }

    @Override
    public double minTemperature() {
        return tMin;
    }

    @Override
    public double maxTemperature() {
        return tMax;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "table: %d points, %.1f-%.1f K", inverseT.length, tMin, tMax);
    }
}
