package org.glassguide.materials.thermal;

import java.util.Locale;

/**
 * The MYEGA viscosity model (Mauro, Yue, Ellison, Gupta, Allan, PNAS 106 (2009) 19780):
 * log10 eta = L + (12 - L) (Tg/T) exp[(m / (12 - L) - 1)(Tg/T - 1)], with Tg the temperature at which
 * eta = 10^12 Pa s, m the fragility (the slope d log10 eta / d(Tg/T) at Tg) and L = log10 eta_inf
 * (Pa s), the high-temperature limit. Immutable and validated.
 */
public record MyegaViscosity(double log10EtaInfinity, double glassTransition, double fragility) implements ViscosityModel {
    /** log10 eta at the glass transition by definition (Pa s). */
    public static final double LOG_ETA_GLASS_TRANSITION = 12;
    /**
     * The high-temperature limit log10 eta_inf = -2.93 (Pa s) found common to silicate liquids (Zheng,
     * Mauro, Ellison, Potuzak, Yue, Phys. Rev. B 83 (2011) 212202); used where a glass's own is unknown.
     */
    public static final double UNIVERSAL_LOG_ETA_INFINITY = -2.93;
    /** Littleton softening point: log10 eta = 6.6 (Pa s), i.e. 10^7.6 P (ASTM C338). */
    public static final double LOG_ETA_SOFTENING = 6.6;

    public MyegaViscosity {
        if (!(glassTransition > 0) || !Double.isFinite(glassTransition)) {
            throw new IllegalArgumentException("glass transition (" + glassTransition + " K) must be positive");
        }
        if (!(log10EtaInfinity < LOG_ETA_GLASS_TRANSITION) || !Double.isFinite(log10EtaInfinity)) {
            throw new IllegalArgumentException("log10 eta_inf (" + log10EtaInfinity + ") must be below 12");
        }
        if (!(fragility > 0) || !Double.isFinite(fragility)) {
            throw new IllegalArgumentException("fragility (" + fragility + ") must be positive");
        }
    }

    @Override
    public double log10Viscosity(double temperature) {
        double x = glassTransition / temperature;
        double span = LOG_ETA_GLASS_TRANSITION - log10EtaInfinity;
        return log10EtaInfinity + span * x * Math.exp((fragility / span - 1) * (x - 1));
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "MYEGA: Tg %.1f K, m %.1f, log10 eta_inf %.2f (Pa s)", glassTransition, fragility,
                log10EtaInfinity);
    }

    /** The curve through Tg and the point (T1, log10 eta1) for a given L: solves the fragility; null if none. */
    public static MyegaViscosity throughPoint(double glassTransition, double t1, double log10Eta1, double log10EtaInfinity) {
        if (t1 == glassTransition) {
            return null;
        }
        // above Tg a larger m lowers eta(T1); below Tg it raises it
        double m = t1 > glassTransition
                ? Roots.decreasing(mm -> new MyegaViscosity(log10EtaInfinity, glassTransition, mm).log10Viscosity(t1), log10Eta1, 1, 500)
                : Roots.increasing(mm -> new MyegaViscosity(log10EtaInfinity, glassTransition, mm).log10Viscosity(t1), log10Eta1, 1, 500);
        return Double.isNaN(m) ? null : new MyegaViscosity(log10EtaInfinity, glassTransition, m);
    }

    /** The curve of fragility m through the point (T1, log10 eta1) for a given L: solves Tg; null if none. */
    public static MyegaViscosity withFragilityThrough(double fragility, double t1, double log10Eta1, double log10EtaInfinity) {
        // a higher Tg makes the liquid more viscous at any fixed temperature
        double tg = Roots.increasing(g -> new MyegaViscosity(log10EtaInfinity, g, fragility).log10Viscosity(t1), log10Eta1, 0.05 * t1,
                20 * t1);
        return Double.isNaN(tg) ? null : new MyegaViscosity(log10EtaInfinity, tg, fragility);
    }

    /**
     * The curve honouring Tg, m and the point (T1, log10 eta1) together: solves L in [lo, hi]; null if no L
     * there does it (the three figures are then inconsistent under MYEGA within those limits).
     */
    public static MyegaViscosity throughAll(double glassTransition, double fragility, double t1, double log10Eta1, double lo, double hi) {
        double l = Roots.increasing(ll -> new MyegaViscosity(ll, glassTransition, fragility).log10Viscosity(t1), log10Eta1, lo, hi);
        if (Double.isNaN(l)) {
            // eta(T1) need not be monotone in L over a wide bracket: scan for a bracketing sub-interval
            int n = 400;
            double prev = lo;
            double fPrev = new MyegaViscosity(lo, glassTransition, fragility).log10Viscosity(t1) - log10Eta1;
            for (int i = 1; i <= n && Double.isNaN(l); i++) {
                double x = lo + (hi - lo) * i / n;
                double fx = new MyegaViscosity(x, glassTransition, fragility).log10Viscosity(t1) - log10Eta1;
                if (fPrev <= 0 && fx >= 0) {
                    l = Roots.increasing(ll -> new MyegaViscosity(ll, glassTransition, fragility).log10Viscosity(t1), log10Eta1, prev, x);
                } else if (fPrev >= 0 && fx <= 0) {
                    l = Roots.decreasing(ll -> new MyegaViscosity(ll, glassTransition, fragility).log10Viscosity(t1), log10Eta1, prev, x);
                }
                prev = x;
                fPrev = fx;
            }
        }
        return Double.isNaN(l) ? null : new MyegaViscosity(l, glassTransition, fragility);
    }
}
