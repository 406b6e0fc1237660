package org.glassguide.solver.radial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.api.Test;

class LeakyModeSolverTest {
    private static final double LAMBDA = 1e-6;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Core 1.46 (a = 5 um) in a 1.45 cladding of outer radius R, in a 1.47 surround: the core modes tunnel out. */
    private static RadialIndexProfile profile(double outerRadius) {
        return new RadialIndexProfile(new double[] {5e-6, outerRadius}, new double[] {1.46, 1.45, 1.47},
                new double[] {1.46, 1.45, 1.47}, new double[] {INF, INF, INF}, new double[3]);
    }

    /** Complex n_eff of LP01 with a PML of the given thickness. */
    static double[] lp01(double outerRadius, double pmlThickness) {
        RadialIndexProfile p = profile(outerRadius);
        RadialModes seed = new RadialModeSolver().solve(p.withoutOuterLayer(), LAMBDA, new RadialModeSolver.Settings(40, 0, 0),
                ProgressMonitor.NONE);
        RadialMode m = seed.modes().get(0);
        LeakyModeSolver ls = new LeakyModeSolver(p, LAMBDA, seed.step(), 0, new LeakyModeSolver.Pml(2 * LAMBDA, pmlThickness, 8));
        return ls.effectiveIndex(m.eigenvalue());
    }

    /** Tunnelling through the cladding: the loss falls as exp(-2 gamma R), gamma = k0 sqrt(n_eff^2 - n_clad^2). */
    @Test
    void lossFallsAtTheTunnellingRate() {
        double[] a = lp01(10e-6, 10 * LAMBDA);
        double[] b = lp01(12e-6, 10 * LAMBDA);
        double gamma = 2 * Math.PI / LAMBDA * Math.sqrt(a[0] * a[0] - 1.45 * 1.45);
        double slope = Math.log(a[1] / b[1]) / 2e-6;
        assertEquals(2 * gamma, slope, 0.02 * 2 * gamma);
    }

    /** The leakage converges as the PML thickens (gentler grading, less reflection). */
    @Test
    void leakageConvergesWithPmlThickness() {
        double d10 = lp01(10e-6, 10 * LAMBDA)[1];
        double d20 = lp01(10e-6, 20 * LAMBDA)[1];
        assertEquals(d20, d10, 0.01 * d20);
        assertTrue(d10 > 0);
    }

    /** Without a high-index surround, absorption in the core: the exact complex solve agrees with first-order perturbation. */
    @Test
    void absorptionAloneMatchesPerturbationTheory() {
        RadialIndexProfile p = new RadialIndexProfile(new double[] {5e-6}, new double[] {1.46, 1.45}, new double[] {1.46, 1.45},
                new double[] {INF, INF}, new double[] {1e-6, 0});
        RadialModes r = new RadialModeSolver().solve(p, LAMBDA, new RadialModeSolver.Settings(40, 0, 0), ProgressMonitor.NONE);
        RadialMode m = r.modes().get(0);
        LeakyModeSolver ls = new LeakyModeSolver(p, LAMBDA, r.step(), 0, LeakyModeSolver.Pml.defaults(LAMBDA));
        double[] n = ls.effectiveIndex(m.eigenvalue());
        assertEquals(m.nEffImag(), n[1], 1e-3 * m.nEffImag());
        assertEquals(m.nEff(), n[0], 1e-9);
    }
}
