package org.glassguide.solver.emission;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.special.Bessel;

/**
 * Spontaneous emission into the guided modes of a weakly guiding step-index fiber, from randomly oriented dipoles spread
 * uniformly over the core. A dipole at r puts into one mode, one polarisation, one direction the fraction
 * beta = lambda^2 / (8 pi n1 n_eff) psi(r)^2 / int psi^2 dA of its power (the mode's power flux n_eff / (2 Z0) int |E|^2
 * against the dipole's total in the core glass, orientations averaged); the core average of psi^2 / int psi^2 is the
 * mode's core share over the core area. Summed over every mode, both polarisations (and the cos/sin pair for l > 0) and both
 * directions it tends, as V grows, to NA^2 / (2 n1^2): the ray picture's bound fraction 1 - n2/n1 to first order.
 */
public final class ModeCoupling {
    /** One LP group: its fraction per direction, all its polarisations and orientations together. */
    public record Mode(String name, double nEff, double fractionPerDirection) {
    }

    public record Result(double wavelength, List<Mode> modes, double totalBothDirections) {
        public Result {
            modes = List.copyOf(modes);
        }
    }

    public Result analyse(FiberAnalysis a) {
        double lambda = a.wavelength();
        double n1 = a.nCore();
        double rCore = a.coreRadius();
        List<Mode> out = new ArrayList<>();
        double total = 0;
        for (GuidedMode m : a.modes().lpModes()) {
            int l = m.order();
            double u = m.u();
            double w = m.w();
            // core share of the LP_lm power, by the same closed form as for LP01 (Snyder and Love, table 14-6)
            double v2 = u * u + w * w;
            double share = 1 - (u * u) / v2 * (1 - besselKRatio(l, w));
            // modes of the group: 2 polarisations, and cos/sin for l > 0
            int degeneracy = l == 0 ? 2 : 4;
            double beta = degeneracy * lambda * lambda / (8 * Math.PI * n1 * m.nEff()) * share / (Math.PI * rCore * rCore);
            out.add(new Mode(m.name(), m.nEff(), beta));
            total += 2 * beta;
        }
        return new Result(lambda, out, total);
    }

    /**
     * K_l(w)^2 / (K_{l-1}(w) K_{l+1}(w)) without overflow for high orders near cutoff: with r_l = K_{l-1}/K_l, taken upward
     * from r_1 = K_0/K_1 by r_{j+1} = 1 / (r_j + 2j/w) (from K_{j+1} = K_{j-1} + (2j/w) K_j), the ratio is
     * 1 / (r_l (r_l + 2l/w)); for l = 0 it is (K_0/K_1)^2.
     */
    static double besselKRatio(int l, double w) {
        double r = Bessel.kScaled(0, w) / Bessel.kScaled(1, w);
        if (l == 0) {
            return r * r;
        }
        for (int j = 1; j < l; j++) {
            r = 1 / (r + 2 * j / w);
        }
        return 1 / (r * (r + 2 * l / w));
    }
}
