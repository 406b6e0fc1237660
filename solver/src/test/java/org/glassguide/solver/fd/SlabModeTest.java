package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.special.RootFinder;
import org.junit.jupiter.api.Test;

/**
 * The one-row (slab) form of the scalar FD solver against the symmetric slab's exact TE modes (w = u tan u for the
 * even, w = -u cot u for the odd ones, u = k0 a sqrt(n1^2 - n^2), w = k0 a sqrt(n^2 - n2^2)), at the project's
 * contrast, and second-order convergence in the step.
 */
class SlabModeTest {
    private static final double N1 = 1.56;
    private static final double N2 = 1.44;
    private static final double HALF = 0.75e-6;
    private static final double LAMBDA = 1.55e-6;

    private static double exact(boolean even) {
        double k0 = 2 * Math.PI / LAMBDA;
        double v = k0 * HALF * Math.sqrt(N1 * N1 - N2 * N2);
        java.util.function.DoubleUnaryOperator f = u -> {
            double w = Math.sqrt(Math.max(v * v - u * u, 0));
            return even ? w * Math.cos(u) - u * Math.sin(u) : w * Math.sin(u) + u * Math.cos(u);
        };
        double lo = even ? 1e-9 : Math.PI / 2;
        double hi = even ? Math.min(v, Math.PI / 2) : Math.min(v, Math.PI);
        double u = RootFinder.brent(f, lo, hi, f.applyAsDouble(lo), f.applyAsDouble(hi), 1e-14);
        return Math.sqrt(N1 * N1 - (u / (k0 * HALF)) * (u / (k0 * HALF)));
    }

    private static List<FdScalarModeSolver.Mode> solve(double h) {
        CrossSection cs = new CrossSection(N2, 0).paint(new Shape.Rectangle(0, 0, 2 * HALF, 1e-3), N1, 0);
        int nx = (int) Math.round(12e-6 / h);
        FdScalarModeSolver.Grid g = FdScalarModeSolver.Grid.slab(-0.5 * nx * h, h, nx);
        return new FdScalarModeSolver().solve(cs, LAMBDA, g, new FdScalarModeSolver.Pml(0, 8), 2, N1, ProgressMonitor.NONE);
    }

    @Test
    void evenAndOddModesMatchTheExactSlabToSecondOrder() {
        double even = exact(true);
        double odd = exact(false);
        // the core edges fall on cell faces for every step below: the error is the stencil's, O(h^2)
        List<FdScalarModeSolver.Mode> coarse = solve(0.05e-6);
        List<FdScalarModeSolver.Mode> fine = solve(0.025e-6);
        assertEquals(even, fine.get(0).nEff(), 2e-4);
        assertEquals(odd, fine.get(1).nEff(), 5e-4);
        assertEquals(0, fine.get(0).nEffImag(), 1e-12);
        double order = Math.log(Math.abs(coarse.get(0).nEff() - even) / Math.abs(fine.get(0).nEff() - even)) / Math.log(2);
        assertTrue(order > 1.8 && order < 2.2, "order " + order);
    }

    /** The slab's field does not see the y derivative or a PML in y: the bent slab leaks only through x. */
    @Test
    void aBentSlabLeaksThroughItsOuterPml() {
        CrossSection cs = new CrossSection(N2, 0).paint(new Shape.Rectangle(0, 0, 2 * HALF, 1e-3), N1, 0).bend(60e-6, 1);
        double h = 0.05e-6;
        int nx = (int) Math.round(14e-6 / h);
        FdScalarModeSolver.Grid g = FdScalarModeSolver.Grid.slab(-0.5 * nx * h, h, nx);
        FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, LAMBDA, g, new FdScalarModeSolver.Pml(40, 8), 4, exact(true),
                ProgressMonitor.NONE).stream().min(java.util.Comparator.comparingDouble(FdScalarModeSolver.Mode::pmlFraction)).orElseThrow();
        assertTrue(m.nEffImag() > 0, "a bend radiates: Im n_eff " + m.nEffImag());
        assertTrue(m.pmlFraction() < 1e-2, "pml fraction " + m.pmlFraction());
        // the conformal map raises the index outwards: the mode shifts out and up
        assertTrue(m.nEff() > exact(true), m.nEff() + " vs straight " + exact(true));
    }
}
