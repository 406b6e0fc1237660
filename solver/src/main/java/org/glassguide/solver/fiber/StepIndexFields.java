package org.glassguide.solver.fiber;

import org.glassguide.solver.special.Bessel;

/**
 * Fields of the scalar LP modes of a step-index fiber and integrals over them: the radial amplitude
 * psi(r) (continuous at the core boundary, psi = J_l(u r/a)/J_l(u) inside and K_l(w r/a)/K_l(w)
 * outside) and the Petermann II mode-field diameter.
 */
public final class StepIndexFields {
    private StepIndexFields() {
    }

    /** Radial amplitude of an LP mode at radius r (m), normalised to 1 at the core boundary. */
    public static double radialAmplitude(StepIndexFiber fiber, GuidedMode mode, double r) {
        double a = fiber.coreRadius();
        int l = mode.order();
        double rho = Math.abs(r) / a;
        if (rho <= 1) {
            return Bessel.j(l, mode.u() * rho) / Bessel.j(l, mode.u());
        }
        // scaled K: K_l(w rho)/K_l(w) = e^{-w(rho-1)} Ke_l(w rho)/Ke_l(w)
        double w = mode.w();
        return Math.exp(-w * (rho - 1)) * Bessel.kScaled(l, w * rho) / Bessel.kScaled(l, w);
    }

    /** Intensity |psi(r)|^2 cos^2(l phi) of the even LP mode at (x, y), not normalised. */
    public static double intensity(StepIndexFiber fiber, GuidedMode mode, double x, double y) {
        double amp = radialAmplitude(fiber, mode, Math.hypot(x, y));
        double c = Math.cos(mode.order() * Math.atan2(y, x));
        return amp * amp * c * c;
    }

    /**
     * Petermann II mode-field diameter 2 sqrt(2 int psi^2 r dr / int psi'^2 r dr) of the LP01 mode, from
     * the closed-form Bessel integrals int x Z_nu^2 dx = x^2/2 (Z_nu^2 - Z_{nu-1} Z_{nu+1}).
     */
    public static double petermannIIDiameter(StepIndexFiber fiber, GuidedMode lp01) {
        if (lp01.family() != ModeFamily.LP || lp01.order() != 0) {
            throw new IllegalArgumentException("Petermann II diameter is defined here for LP0m modes, got " + lp01.name());
        }
        double a = fiber.coreRadius();
        double u = lp01.u();
        double w = lp01.w();
        double j0 = Bessel.j(0, u);
        double j1 = Bessel.j(1, u);
        double j2 = Bessel.j(2, u);
        double k0 = Bessel.kScaled(0, w);
        double k1 = Bessel.kScaled(1, w);
        double k2 = Bessel.kScaled(2, w);
        // psi normalised to 1 at r = a on both sides; scaled K factors cancel in each ratio
        double powerCore = 0.5 * a * a * (j0 * j0 + j1 * j1) / (j0 * j0);
        double powerClad = 0.5 * a * a * (k1 * k1 - k0 * k0) / (k0 * k0);
        double slopeCore = 0.5 * u * u * (j1 * j1 - j0 * j2) / (j0 * j0);
        double slopeClad = 0.5 * w * w * (k0 * k2 - k1 * k1) / (k0 * k0);
        double wp = Math.sqrt(2 * (powerCore + powerClad) / (slopeCore + slopeClad));
        return 2 * wp;
    }

    /** Fraction of an LP mode's power inside the core, from the same closed-form integrals. */
    public static double corePowerFraction(StepIndexFiber fiber, GuidedMode mode) {
        int l = mode.order();
        double u = mode.u();
        double w = mode.w();
        double jl = Bessel.j(l, u);
        double jm = Bessel.j(l - 1, u);
        double jp = Bessel.j(l + 1, u);
        double kl = Bessel.kScaled(l, w);
        double km = Bessel.kScaled(Math.abs(l - 1), w);
        double kp = Bessel.kScaled(l + 1, w);
        double core = (jl * jl - jm * jp) / (jl * jl);
        double clad = (km * kp - kl * kl) / (kl * kl);
        return core / (core + clad);
    }
}
