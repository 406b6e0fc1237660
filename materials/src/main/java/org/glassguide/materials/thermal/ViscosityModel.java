package org.glassguide.materials.thermal;

/**
 * Shear viscosity of a glass-forming liquid against temperature. Every model here falls monotonically
 * with temperature, which is what lets {@link #temperatureAt} invert it by bisection.
 */
public interface ViscosityModel {
    /** log10 of the viscosity in Pa s at temperature T (K). */
    double log10Viscosity(double temperature);

    /** Short description with the parameters, for reports ("MYEGA: Tg 595 K, m 65.0, log eta_inf -2.93"). */
    String describe();

    /** Lowest temperature (K) at which the model rests on data; below it the model extrapolates. */
    default double minTemperature() {
        return 0;
    }

    /** Highest temperature (K) at which the model rests on data. */
    default double maxTemperature() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The temperature (K) at which log10 eta equals the given value, searched in [lo, hi]; NaN when the
     * curve does not reach that value there.
     */
    default double temperatureAt(double log10Eta, double lo, double hi) {
        return Roots.decreasing(this::log10Viscosity, log10Eta, lo, hi);
    }
}
