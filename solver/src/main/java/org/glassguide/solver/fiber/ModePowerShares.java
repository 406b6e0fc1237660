package org.glassguide.solver.fiber;

import java.util.List;
import java.util.Locale;

import org.glassguide.solver.special.Bessel;

/**
 * How much of a step-index fiber's guided power lies within a radius, mode by mode and over a launch: the exact
 * weakly guiding LP fields (J_l(u r / a) in the core, J_l(u) K_l(w r / a) / K_l(w) outside), integrated in closed form
 * with int_0^x J_l(t)^2 t dt = x^2 / 2 (J_l(x)^2 - J_{l-1}(x) J_{l+1}(x)) and int_x^inf K_l(t)^2 t dt =
 * x^2 / 2 (K_{l-1}(x) K_{l+1}(x) - K_l(x)^2). At r = a this is Snyder and Love's 1 - (u/V)^2 (1 - K_l^2 / (K_{l-1} K_{l+1}))
 * (Optical Waveguide Theory, 1983, table 14-6). The loss budget and the amplifier take their core and doped
 * shares from here, over every guided mode (the exact step-index solver lists them all, so no large-V formula stands in).
 */
public final class ModePowerShares {
    private ModePowerShares() {
    }

    /** How launched power spreads over the guided LP modes: a stated assumption of every share over several modes. */
    public enum Launch {
        /** LP01 only: a single-mode source matched to the fundamental (a signal from a single-mode seed). */
        FUNDAMENTAL("fundamental", "LP01 only (single-mode launch)"),
        /** Every guided mode (each orientation and polarisation) the same power: the assumption behind Gloge's all-mode mean. */
        EQUAL("equal", "every guided mode equally excited"),
        /**
         * A spatially incoherent source filling the core and its NA: each mode receives power in proportion to its own power
         * within the core (by reciprocity), so a mode entering at cutoff with nothing in the core receives nothing.
         */
        FILLED("filled", "an incoherent source filling the core and NA (each mode in proportion to its core share)");

        private final String key;
        private final String words;

        Launch(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** The design file's word for it. */
        public String key() {
            return key;
        }

        /** The assumption in words, for reports. */
        public String words() {
            return words;
        }

        /** The launch of that word, or null. */
        public static Launch parse(String word) {
            for (Launch l : values()) {
                if (l.key.equals(word.trim().toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
            return null;
        }

        public static String accepted() {
            return String.join(", ", java.util.Arrays.stream(values()).map(Launch::key).toList());
        }
    }

    /**
     * The fraction of an LP mode's power within r < rho a (rho > 0; a the core radius; rho above 1 takes in the
     * cladding's share out to rho a).
     *
     * @param m an LP mode (order l, u, w from the exact solver)
     */
    public static double share(GuidedMode m, double rho) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be positive and finite: " + rho);
        }
        int l = m.order();
        double u = m.u();
        double w = m.w();
        double jl = Bessel.j(l, u);
        // everything in units of J_l(u)^2 (never 0 for a guided mode: the eigenvalue equation has J_{l-1} / J_l finite)
        double core = jBand(l, u) / (jl * jl);
        // the cladding's power beyond r = a: K_{l-1} K_{l+1} / K_l^2 - 1 at w, from the ratio K_{l-1} / K_l (no overflow
        // at high orders); it grows without bound towards cutoff for l = 0, 1
        double clad = kBandOverSquare(l, w);
        if (rho <= 1) {
            return rho * rho * jBand(l, u * rho) / (jl * jl) / (core + clad);
        }
        // beyond rho a: the same tail from w rho, times (K_l(w rho) / K_l(w))^2
        double kRatio = Math.exp(logK(l, w * rho) - logK(l, w));
        double tail = rho * rho * kBandOverSquare(l, w * rho) * kRatio * kRatio;
        return (core + clad - tail) / (core + clad);
    }

    /** K_{l-1}(x) K_{l+1}(x) / K_l(x)^2 - 1 (K_{-1} = K_1), by the stable upward recurrence of r_l = K_{l-1} / K_l. */
    private static double kBandOverSquare(int l, double x) {
        double r = l == 0 ? Bessel.kScaled(1, x) / Bessel.kScaled(0, x) : kRatio(l, x);
        // K_{l+1} / K_l = K_{l-1} / K_l + 2 l / x
        return r * (r + 2.0 * l / x) - 1;
    }

    /** K_{l-1}(x) / K_l(x) for l >= 1: r_1 = K_0 / K_1, r_{n+1} = 1 / (r_n + 2 n / x). */
    private static double kRatio(int l, double x) {
        double r = Bessel.kScaled(0, x) / Bessel.kScaled(1, x);
        for (int n = 1; n < l; n++) {
            r = 1 / (r + 2.0 * n / x);
        }
        return r;
    }

    /** ln K_l(x), by the same recurrence (K_l = K_{l-1} / r_l), finite at any order. */
    private static double logK(int l, double x) {
        double log = Math.log(Bessel.kScaled(0, x)) - x;
        double r = Bessel.kScaled(0, x) / Bessel.kScaled(1, x);
        for (int n = 1; n <= l; n++) {
            log -= Math.log(r);
            r = 1 / (r + 2.0 * n / x);
        }
        return log;
    }

    /** J_l(x)^2 - J_{l-1}(x) J_{l+1}(x) (J_{-1} = -J_1). */
    private static double jBand(int l, double x) {
        double jl = Bessel.j(l, x);
        double jm = l == 0 ? -Bessel.j(1, x) : Bessel.j(l - 1, x);
        return jl * jl - jm * Bessel.j(l + 1, x);
    }

    /**
     * The launch's share of power within r < rho a over the guided LP modes, each weighted by its degeneracy (2 for l = 0,
     * 4 above: orientations and polarisations).
     */
    public static double mean(List<GuidedMode> lpModes, double rho, Launch launch) {
        if (lpModes.isEmpty()) {
            throw new IllegalArgumentException("no guided mode");
        }
        if (launch == Launch.FUNDAMENTAL) {
            return share(lpModes.get(0), rho);
        }
        double num = 0;
        double den = 0;
        for (GuidedMode m : lpModes) {
            double inRho = share(m, rho);
            double weight = launch == Launch.EQUAL ? m.degeneracy() : m.degeneracy() * (rho == 1 ? inRho : share(m, 1));
            num += weight * inRho;
            den += weight;
        }
        return num / den;
    }
}
