package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.junit.jupiter.api.Test;

class SemiVectorialTest {
    private static CrossSection rib() {
        return new CrossSection(1.0, 0).paint(new Shape.Rectangle(0, -50e-6, 1, 100e-6), 3.40, 0)
                .paint(new Shape.Rectangle(0, 0.5e-6, 3e-6, 1e-6), 3.44, 0);
    }

    private static double solve(FdScalarModeSolver s, FdScalarModeSolver.Grid g) {
        return s.solve(rib(), 1.15e-6, g, new FdScalarModeSolver.Pml(0, 8), 1, 3.44, ProgressMonitor.NONE).get(0).nEff();
    }

    /** The mirror wall at x = 0 gives exactly the even mode of the full, symmetric window. */
    @Test
    void mirrorHalfWindowEqualsFullWindow() {
        double step = 0.1e-6;
        FdScalarModeSolver te = new FdScalarModeSolver().withPolarization(FdScalarModeSolver.Polarization.QUASI_TE);
        double full = solve(te, new FdScalarModeSolver.Grid(-4.5e-6, -4e-6, step, step, 90, 58));
        double half = solve(te.withEvenMirrorAtLeftEdge(), new FdScalarModeSolver.Grid(0, -4e-6, step, step, 45, 58));
        assertEquals(full, half, 1e-10);
    }

    /**
     * Hadley's rib at t = 0 (quasi-TE 3.412022): the coarse-grid error falls fourfold per halving
     * (second order), and the scalar model, blind to the sidewall boundary condition, sits above it.
     */
    @Test
    void quasiTeConvergesAtSecondOrderOnHadleysRib() {
        FdScalarModeSolver te = new FdScalarModeSolver().withPolarization(FdScalarModeSolver.Polarization.QUASI_TE)
                .withEvenMirrorAtLeftEdge();
        double e1 = solve(te, new FdScalarModeSolver.Grid(0, -4e-6, 0.1e-6, 0.1e-6, 45, 58)) - 3.412022;
        double e2 = solve(te, new FdScalarModeSolver.Grid(0, -4e-6, 0.05e-6, 0.05e-6, 90, 116)) - 3.412022;
        double order = Math.log(e1 / e2) / Math.log(2);
        assertTrue(order > 1.8 && order < 2.2, "order " + order);
        double scalar = solve(new FdScalarModeSolver().withEvenMirrorAtLeftEdge(), new FdScalarModeSolver.Grid(0, -4e-6, 0.05e-6, 0.05e-6, 90, 116));
        assertTrue(scalar > 3.412022 + e2, "scalar " + scalar);
    }
}
