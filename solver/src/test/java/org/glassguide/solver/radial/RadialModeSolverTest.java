package org.glassguide.solver.radial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;
import org.junit.jupiter.api.Test;

class RadialModeSolverTest {
    private final RadialModeSolver solver = new RadialModeSolver();

    private static RadialModeSolver.Settings ppp(double pointsPerPeriod) {
        return new RadialModeSolver.Settings(pointsPerPeriod, 0, 0);
    }

    /** Step-index profile: every LP mode against the exact Bessel solution. */
    @Test
    void stepIndexMatchesExactLpModes() {
        double a = 8e-6;
        double lambda = 1e-6;
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(a, 1.46, 1.45, lambda), false, ProgressMonitor.NONE);
        RadialModes r = solver.solve(RadialIndexProfile.stepIndex(a, 1.46, 1.45), lambda, ppp(40), ProgressMonitor.NONE);
        assertEquals(exact.lpGroupCount(), r.modes().size());
        Map<String, RadialMode> byName = r.modes().stream().collect(Collectors.toMap(RadialMode::name, Function.identity()));
        for (GuidedMode g : exact.lpModes()) {
            RadialMode m = byName.get(g.name());
            // every mode to 1.5e-5 at 40 points per transverse period (the error is O(h^2), largest near cutoff)
            assertEquals(g.nEff(), m.nEff(), 1.5e-5, g.name());
        }
        // core power fraction of LP01 against the closed form
        double fraction = org.glassguide.solver.fiber.StepIndexFields.corePowerFraction(exact.fiber(), exact.fundamental());
        assertEquals(fraction, r.powerFractions(byName.get("LP01"))[0], 2e-4);
        // effective area of LP01: A_eff = 2 pi (int psi^2 r dr)^2 / int psi^4 r dr, quadrature of the exact field
        org.glassguide.solver.fiber.StepIndexFiber f = exact.fiber();
        GuidedMode lp01 = exact.fundamental();
        double s2 = 0;
        double s4 = 0;
        double dr = a / 2000;
        for (int i = 0; i < 40000; i++) {
            double rr = (i + 0.5) * dr;
            double p2 = Math.pow(org.glassguide.solver.fiber.StepIndexFields.radialAmplitude(f, lp01, rr), 2);
            s2 += p2 * rr * dr;
            s4 += p2 * p2 * rr * dr;
        }
        double aEff = 2 * Math.PI * s2 * s2 / s4;
        assertEquals(aEff, r.effectiveArea(byName.get("LP01")), 1e-3 * aEff);
    }

    /** The error in n_eff falls at second order as the grid is refined (index averaged at the interface). */
    @Test
    void secondOrderConvergenceOnAStepProfile() {
        double a = 5e-6;
        double lambda = 1.2e-6;
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(a, 1.56, 1.44, lambda), false, ProgressMonitor.NONE);
        double ref = exact.fundamental().nEff();
        double prev = Double.NaN;
        double[] orders = new double[3];
        int k = 0;
        for (double pp : new double[] {10, 20, 40, 80}) {
            RadialModes r = solver.solve(RadialIndexProfile.stepIndex(a, 1.56, 1.44), lambda, ppp(pp), ProgressMonitor.NONE);
            double err = Math.abs(r.modes().get(0).nEff() - ref);
            if (!Double.isNaN(prev)) {
                orders[k++] = Math.log(prev / err) / Math.log(2);
            }
            prev = err;
        }
        for (double o : orders) {
            assertTrue(o > 1.9 && o < 2.1, "observed order " + java.util.Arrays.toString(orders));
        }
    }

    /**
     * Infinite parabolic profile n^2 = n1^2 (1 - 2 Delta (r/a)^2): the scalar modes are exactly
     * beta^2 = k0^2 n1^2 - 2 k0 n1 sqrt(2 Delta) (2p + l + 1) / a (Laguerre-Gauss). A parabola taken far
     * past the fields approximates it; low-order modes agree to the discretisation error.
     */
    @Test
    void parabolicProfileMatchesLaguerreGaussEigenvalues() {
        double a = 25e-6;
        double n1 = 1.5;
        double lambda = 1e-6;
        double delta = 0.01;
        double n2 = n1 * Math.sqrt(1 - 2 * delta);
        RadialModes r = solver.solve(RadialIndexProfile.powerLaw(a, n1, n2, 2), lambda, ppp(40), ProgressMonitor.NONE);
        double k0 = 2 * Math.PI / lambda;
        Map<String, RadialMode> byName = r.modes().stream().collect(Collectors.toMap(RadialMode::name, Function.identity()));
        for (int l = 0; l <= 3; l++) {
            for (int p = 0; p <= 2; p++) {
                double beta2 = k0 * k0 * n1 * n1 - 2 * k0 * n1 * Math.sqrt(2 * delta) * (2 * p + l + 1) / a;
                double nEff = Math.sqrt(beta2) / k0;
                assertEquals(nEff, byName.get("LP" + l + (p + 1)).nEff(), 2e-6, "LP" + l + (p + 1));
            }
        }
    }

    /** The 150 um ZIF-62 core: ~10^5 modes, within a fraction of a percent of the exact count. */
    @Test
    void largeZif62CoreCountsLikeTheExactSolver() {
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(75e-6, 1.56, 1.44, 589e-9), false, ProgressMonitor.NONE);
        RadialModes r = solver.solve(RadialIndexProfile.stepIndex(75e-6, 1.56, 1.44), 589e-9,
                new RadialModeSolver.Settings(20, 0, 0), ProgressMonitor.NONE);
        assertEquals(exact.lpModeCount(), r.modeCount(), 0.005 * exact.lpModeCount());
        assertEquals(exact.fundamental().nEff(), r.modes().get(0).nEff(), 1e-7);
    }

    @Test
    void absorbingCoreGivesFirstOrderModalLoss() {
        // k in the core only: Im(n_eff) = Gamma_core * n_core k / n_eff to first order
        double a = 5e-6;
        RadialIndexProfile p = new RadialIndexProfile(new double[] {a}, new double[] {1.46, 1.45}, new double[] {1.46, 1.45},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, new double[] {1e-6, 0});
        RadialModes r = solver.solve(p, 1e-6, ppp(40), ProgressMonitor.NONE);
        RadialMode m = r.modes().get(0);
        assertEquals(r.powerFractions(m)[0] * 1.46 * 1e-6 / m.nEff(), m.nEffImag(), 1e-3 * m.nEffImag());
        // and the loss in dB follows: 10 log10(e) 2 k0 Im(n_eff)
        assertEquals(10 / Math.log(10) * 2 * 2 * Math.PI / 1e-6 * m.nEffImag(), m.lossDbPerMetre(1e-6), 1e-9);
    }
}
