package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.junit.jupiter.api.Test;

/**
 * A square core's modes come in exactly degenerate pairs (the 90 degree rotation maps each E-class mode onto its
 * partner): asked for k modes, the solver must return the k nearest the target with both partners of every pair, the
 * same modes whatever k, each a true eigenpair. A single-vector Krylov space can hold only one vector of a degenerate
 * eigenspace, which is how a pair used to lose a partner.
 */
class DegenerateModesTest {
    private static List<FdScalarModeSolver.Mode> solve(int wanted) {
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 2e-6, 2e-6), 1.56, 0);
        FdScalarModeSolver.Grid g = FdScalarModeSolver.Grid.centred(6e-6, 6e-6, 0.05e-6);
        return new FdScalarModeSolver().solve(cs, 0.633e-6, g, new FdScalarModeSolver.Pml(20, 8), wanted, 1.56, ProgressMonitor.NONE);
    }

    @Test
    void everyPairOfASquareCoreComesBackWhole() {
        List<FdScalarModeSolver.Mode> eight = solve(8);
        List<FdScalarModeSolver.Mode> twelve = solve(12);
        assertEquals(8, eight.size());
        for (int q = 0; q < 8; q++) {
            assertEquals(twelve.get(q).nEff(), eight.get(q).nEff(), 1e-9, "mode " + (q + 1) + " differs between 8 and 12 asked");
        }
        // LP01-like (A1), the first E pair, then B1, B2, A1 singles, then the next E pair (C4v classes of the square)
        assertEquals(eight.get(1).nEff(), eight.get(2).nEff(), 1e-10, "first pair");
        assertEquals(eight.get(6).nEff(), eight.get(7).nEff(), 1e-10, "second pair");
        assertTrue(eight.get(0).nEff() - eight.get(1).nEff() > 1e-3);
        for (int q = 2; q < 6; q++) {
            assertTrue(eight.get(q).nEff() - eight.get(q + 1).nEff() > 1e-5, "singles " + (q + 1) + " and " + (q + 2) + " are distinct");
        }
        // the partners are independent fields, not one field twice
        double[] a = eight.get(1).field();
        double[] b = eight.get(2).field();
        double[] o = org.glassguide.solver.special.ComplexMath.conjDot(a, b);
        double na = org.glassguide.solver.special.ComplexMath.conjDot(a, a)[0];
        double nb = org.glassguide.solver.special.ComplexMath.conjDot(b, b)[0];
        assertTrue((o[0] * o[0] + o[1] * o[1]) / (na * nb) < 0.5, "partners must be independent");
    }

    /** |psi|^2-weighted x^2 - y^2 of a field on the 6 um window's grid (0.05 um cells, centred). */
    private static double elongation(double[] f) {
        int nx = 120;
        double s = 0;
        double all = 0;
        for (int q = 0; q < f.length / 2; q++) {
            double x = -3e-6 + (q % nx + 0.5) * 0.05e-6;
            double y = -3e-6 + (q / nx + 0.5) * 0.05e-6;
            double p = f[2 * q] * f[2 * q] + f[2 * q + 1] * f[2 * q + 1];
            s += p * (x * x - y * y);
            all += p;
        }
        return s / all;
    }

    /** A pair is reported in one basis whatever the run: lobes along x first, then along y (the same for 8 or 12 asked). */
    @Test
    void pairsComeInACanonicalBasis() {
        List<FdScalarModeSolver.Mode> eight = solve(8);
        List<FdScalarModeSolver.Mode> twelve = solve(12);
        for (int q : new int[] {1, 6}) {
            double a = elongation(eight.get(q).field());
            double b = elongation(eight.get(q + 1).field());
            assertTrue(a > 0 && b < 0 && Math.abs(a + b) < 1e-3 * Math.abs(a), "pair " + (q + 1) + ": " + a + ", " + b);
            assertEquals(a, elongation(twelve.get(q).field()), 1e-9 * Math.abs(a));
        }
    }

    /** The full-vectorial HE11 pair of a square core comes back x- and y-polarised (TE fraction 1 and 0). */
    @Test
    void vectorPairIsPolarised() {
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 2e-6, 2e-6), 1.56, 0);
        FdScalarModeSolver.Grid g = FdScalarModeSolver.Grid.centred(5e-6, 5e-6, 0.05e-6);
        List<FdVectorModeSolver.Mode> m = new FdVectorModeSolver().solve(cs, 0.633e-6, g, FdVectorModeSolver.Walls.pmlAllRound(), 16, 2, 1.56,
                Double.NEGATIVE_INFINITY, 1, ProgressMonitor.NONE);
        assertEquals(m.get(0).nEff(), m.get(1).nEff(), 1e-10);
        assertTrue(m.get(0).teFraction() > 0.99 && m.get(1).teFraction() < 0.01, m.get(0).teFraction() + ", " + m.get(1).teFraction());
    }
}
