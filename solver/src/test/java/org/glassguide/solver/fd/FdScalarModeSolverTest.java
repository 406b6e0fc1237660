package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;
import org.glassguide.solver.radial.LeakyModeSolver;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialModeSolver;
import org.glassguide.solver.radial.RadialModes;
import org.junit.jupiter.api.Test;

class FdScalarModeSolverTest {
    private static final double A = 2e-6;
    private static final double LAMBDA = 0.8e-6;

    /** A circular step-index core on the square grid (sub-pixel averaged) against the exact LP modes. */
    @Test
    void circularCoreMatchesExactLpModes() {
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(A, 1.46, 1.45, LAMBDA), false, ProgressMonitor.NONE);
        CrossSection cs = new CrossSection(1.45, 0).paint(new Shape.Circle(0, 0, A), 1.46, 0);
        List<FdScalarModeSolver.Mode> m = new FdScalarModeSolver().solve(cs, LAMBDA, FdScalarModeSolver.Grid.centred(12e-6, 12e-6, 0.2e-6),
                new FdScalarModeSolver.Pml(0, 8), 3, 1.46, ProgressMonitor.NONE);
        assertEquals(exact.fundamental().nEff(), m.get(0).nEff(), 1e-6);
        // LP11 appears twice (cos and sin), equal to rounding; below exact by the metal window's squeeze (< 1e-4)
        assertEquals(m.get(1).nEff(), m.get(2).nEff(), 1e-9);
        assertEquals(exact.lpModes().get(1).nEff(), m.get(1).nEff(), 1e-4);
        assertTrue(Math.abs(m.get(0).nEffImag()) < 1e-15, "lossless and no PML: real n_eff");
    }

    /**
     * Leaky: the same core with a cladding of radius 4 um in a 1.47 surround, PML on the window edges.
     * Loss against the radial solver's PML continuation of the same structure, within 2 %.
     */
    @Test
    void leakyCoreMatchesTheRadialLeakySolver() {
        double r = 4e-6;
        double inf = Double.POSITIVE_INFINITY;
        RadialIndexProfile p = new RadialIndexProfile(new double[] {A, r}, new double[] {1.46, 1.45, 1.47},
                new double[] {1.46, 1.45, 1.47}, new double[] {inf, inf, inf}, new double[3]);
        RadialModes seed = new RadialModeSolver().solve(p.withoutOuterLayer(), LAMBDA, new RadialModeSolver.Settings(60, 0, 0),
                ProgressMonitor.NONE);
        double[] radial = new LeakyModeSolver(p, LAMBDA, seed.step(), 0, LeakyModeSolver.Pml.defaults(LAMBDA))
                .effectiveIndex(seed.modes().get(0).eigenvalue());
        CrossSection cs = new CrossSection(1.47, 0).paint(new Shape.Circle(0, 0, r), 1.45, 0).paint(new Shape.Circle(0, 0, A), 1.46, 0);
        List<FdScalarModeSolver.Mode> m = new FdScalarModeSolver().solve(cs, LAMBDA, FdScalarModeSolver.Grid.centred(14e-6, 14e-6, 0.15e-6),
                new FdScalarModeSolver.Pml(13, 8), 2, 1.46, ProgressMonitor.NONE);
        FdScalarModeSolver.Mode core = m.stream().min(Comparator.comparingDouble(x -> Math.abs(x.nEff() - radial[0]))).orElseThrow();
        assertEquals(radial[0], core.nEff(), 1e-5);
        assertEquals(radial[1], core.nEffImag(), 0.02 * radial[1]);
    }

    /** Absorption only (no PML): Im n_eff equals the core-confined share of n k / n_eff, as in the radial solver. */
    @Test
    void uniformAbsorptionGivesItsOwnLoss() {
        // the same k everywhere: every mode's Im n_eff = n k / n_eff to first order
        double k = 1e-6;
        CrossSection cs = new CrossSection(1.45, k).paint(new Shape.Rectangle(0, 0, 3e-6, 2e-6), 1.46, k);
        List<FdScalarModeSolver.Mode> m = new FdScalarModeSolver().solve(cs, LAMBDA, FdScalarModeSolver.Grid.centred(10e-6, 8e-6, 0.2e-6),
                new FdScalarModeSolver.Pml(0, 8), 1, 1.46, ProgressMonitor.NONE);
        // Im(n^2) = 2 n k; with n between 1.45 and 1.46 the mode's Im n_eff lies between 1.45 k / n_eff and 1.46 k / n_eff
        double im = m.get(0).nEffImag();
        assertTrue(im > 1.45 * k / m.get(0).nEff() * 0.999 && im < 1.46 * k / m.get(0).nEff() * 1.001, "Im n_eff = " + im);
    }
}
