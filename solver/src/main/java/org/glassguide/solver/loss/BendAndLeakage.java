package org.glassguide.solver.loss;

import java.util.Locale;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ModalLoss;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.radial.LeakyModeSolver;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialMode;
import org.glassguide.solver.radial.RadialModeSolver;
import org.glassguide.solver.radial.RadialModes;
import org.glassguide.solver.special.Bessel;

/** The loss budget's bend and leakage parts: closed forms for bends, the leaky-mode solver for tunnelling. */
public final class BendAndLeakage {
    private BendAndLeakage() {
    }

    /**
     * Pure bend loss of LP01 (power, 1/m) at radius R: Marcuse's formula for a weakly guiding step-index fiber,
     * 2 alpha = sqrt(pi) kappa^2 exp(-2 gamma^3 R / (3 beta^2)) / (2 gamma^(3/2) V^2 sqrt(R) K1(gamma a)^2)
     * (D. Marcuse, J. Opt. Soc. Am. 66 (1976) 216, with e_0 = 2 and K_{-1} K_1 = K_1^2 for l = 0), kappa = u/a,
     * gamma = w/a, beta = k n_eff. Transition loss at the bend's ends is not included.
     */
    public static double marcuseAlpha(double a, double u, double w, double v, double beta, double radius) {
        double kappa = u / a;
        double gamma = w / a;
        // K1 scaled by e^w keeps the exponent in one place: K1(w)^2 = (K1s e^-w)^2
        double k1s = Bessel.kScaled(1, w);
        double exponent = -2 * gamma * gamma * gamma * radius / (3 * beta * beta) + 2 * w;
        return Math.sqrt(Math.PI) * kappa * kappa * Math.exp(exponent) / (2 * Math.pow(gamma, 1.5) * v * v * Math.sqrt(radius) * k1s * k1s);
    }

    /**
     * Fraction of the modes of a step-index multimode fiber still guided in a bend of radius R (Gloge, Appl. Opt. 11
     * (1972) 2506, the step-index limit alpha -> infinity): 1 - [2a/R + (3 / (2 n2 k R))^(2/3)] / (2 Delta),
     * Delta = (n1^2 - n2^2) / (2 n1^2). With every mode equally excited (a source filling the NA) the bend costs
     * -10 log10 of it, once.
     */
    public static double glogeModeFraction(double a, double n1, double n2, double wavelength, double radius) {
        double k = 2 * Math.PI / wavelength;
        double delta = (n1 * n1 - n2 * n2) / (2 * n1 * n1);
        return 1 - (2 * a / radius + Math.pow(3 / (2 * n2 * k * radius), 2.0 / 3)) / (2 * delta);
    }

    /**
     * The bend's loss (dB) over the bent length for the fiber analysed, with its basis in basis[0].
     *
     * @param bentLength length of fiber in the bend (m)
     */
    public static double bendDb(FiberAnalysis fa, double radius, double bentLength, String[] basis) {
        double a = fa.coreRadius();
        if (fa.modes().lpGroupCount() <= 1) {
            GuidedMode lp01 = fa.modes().lpModes().get(0);
            double beta = 2 * Math.PI / fa.wavelength() * lp01.nEff();
            double alpha = marcuseAlpha(a, lp01.u(), lp01.w(), fa.vNumber(), beta, radius);
            basis[0] = String.format(Locale.ROOT, "LP01 pure bend loss by Marcuse's closed form (1976), an estimate: %.4g dB/m over %.4g m at R = %.4g mm (about 1.6 times the "
                    + "rigorous bent-mode loss for weak guidance, see validation; glassguide modes with a bend radius gives it exactly)", alpha * 10 / Math.log(10),
                    bentLength, radius * 1e3);
            return alpha * 10 / Math.log(10) * bentLength;
        }
        double frac = glogeModeFraction(a, fa.nCore(), fa.nClad(), fa.wavelength(), radius);
        if (!(frac > 0)) {
            // the radius at which the last mode goes: bisect on the fraction
            double lo = radius;
            double hi = radius;
            while (glogeModeFraction(a, fa.nCore(), fa.nClad(), fa.wavelength(), hi) <= 0) {
                hi *= 2;
            }
            for (int i = 0; i < 100; i++) {
                double mid = 0.5 * (lo + hi);
                if (glogeModeFraction(a, fa.nCore(), fa.nClad(), fa.wavelength(), mid) > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "loss.bend.radius", String.format(Locale.ROOT, "%.4g mm", radius * 1e3),
                    String.format(Locale.ROOT, "above %.4g mm: tighter, the fiber guides no mode at %.1f nm (Gloge 1972)", hi * 1e3, fa.wavelength() * 1e9));
        }
        basis[0] = String.format(Locale.ROOT, "%.4f of the modes stay guided at R = %.4g mm (Gloge 1972, every mode equally excited); once",
                frac, radius * 1e3);
        return -10 * Math.log10(frac);
    }

    /**
     * Leakage (dB/m) of the guided power through a finite cladding into a surround of higher index (a coating): for a
     * single-mode fiber the leaky LP01 of core / cladding / surround by the radial solver with a PML, materials taken
     * lossless so that only tunnelling counts; a multimode core's bound rays reflect totally at the core boundary and
     * tunnel through a cladding many wavelengths thick by a negligible amount, so only the single-mode case is computed.
     * Returns 0 with the reason when nothing leaks.
     */
    public static double leakageDbPerM(FiberAnalysis fa, double claddingRadius, double nSurround, String[] basis) {
        if (nSurround < fa.nClad()) {
            basis[0] = String.format(Locale.ROOT, "none: the surround (n = %.4f) is below the cladding (n = %.4f), which then confines every core "
                    + "mode", nSurround, fa.nClad());
            return 0;
        }
        if (fa.modes().lpGroupCount() > 1) {
            basis[0] = String.format(Locale.ROOT, "not computed for a multimode core: bound rays reflect totally at the core, and the %.4g um "
                    + "cladding is %.0f wavelengths thick (the surround, n = %.4f, strips cladding light only)", 1e6 * (claddingRadius - fa.coreRadius()),
                    (claddingRadius - fa.coreRadius()) / fa.wavelength(), nSurround);
            return 0;
        }
        double wl = fa.wavelength();
        double inf = Double.POSITIVE_INFINITY;
        RadialIndexProfile full = new RadialIndexProfile(new double[] {fa.coreRadius(), claddingRadius}, new double[] {fa.nCore(), fa.nClad(), nSurround},
                new double[] {fa.nCore(), fa.nClad(), nSurround}, new double[] {inf, inf, inf}, new double[3]);
        RadialModes modes = new RadialModeSolver().solve(full.withoutOuterLayer(), wl, RadialModeSolver.Settings.defaults(), ProgressMonitor.NONE);
        RadialMode m0 = modes.modes().get(0);
        double[] ne = new LeakyModeSolver(full, wl, modes.step(), 0, LeakyModeSolver.Pml.defaults(wl)).effectiveIndex(m0.eigenvalue());
        double db = ModalLoss.dbPerMetre(ne[1], wl);
        basis[0] = String.format(Locale.ROOT, "leaky LP01 through the %.4g um cladding into the surround (n = %.4f): Im n_eff = %.3e (radial solver, PML)",
                1e6 * (claddingRadius - fa.coreRadius()), nSurround, ne[1]);
        return db;
    }
}
