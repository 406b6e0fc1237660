package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.junit.jupiter.api.Test;

class BendTest {
    private static final FdScalarModeSolver.Grid GRID = FdScalarModeSolver.Grid.centred(10e-6, 8e-6, 0.08e-6);

    private static CrossSection channel() {
        return new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.5e-6, 1.5e-6), 1.56, 0);
    }

    /** The bend mode: nearest the straight mode's index, with the least power in the PML. */
    private static FdScalarModeSolver.Mode bent(double radius, double target) {
        return new FdScalarModeSolver().solve(channel().bend(radius, 1), 1.55e-6, GRID, new FdScalarModeSolver.Pml(20, 8), 3, target,
                ProgressMonitor.NONE).stream().min(Comparator.comparingDouble(FdScalarModeSolver.Mode::pmlFraction)).orElseThrow();
    }

    /** Bend loss rises monotonically as the radius falls, and vanishes towards a straight guide. */
    @Test
    void bendLossRisesAsTheRadiusFalls() {
        double straight = new FdScalarModeSolver().solve(channel(), 1.55e-6, GRID, new FdScalarModeSolver.Pml(20, 8), 1, 1.56,
                ProgressMonitor.NONE).get(0).nEff();
        double previous = 0;
        for (double r : new double[] {50e-6, 30e-6, 20e-6, 15e-6}) {
            double loss = bent(r, straight).nEffImag();
            assertTrue(loss > previous, "loss at R = " + r + ": " + loss + " after " + previous);
            previous = loss;
        }
        // a very gentle bend: the conformal map only shifts n_eff by the mode's offset, and nothing radiates
        FdScalarModeSolver.Mode gentle = bent(0.1, straight);
        assertEquals(straight, gentle.nEff(), 1e-4);
        assertTrue(Math.abs(gentle.nEffImag()) < 1e-6, "Im n_eff " + gentle.nEffImag());
    }

    /** A bend radiates outwards (+x): a PML on the outer side alone gives the loss of one all round. */
    @Test
    void outerPmlAloneGivesTheBendLoss() {
        double straight = new FdScalarModeSolver().solve(channel(), 1.55e-6, GRID, new FdScalarModeSolver.Pml(20, 8), 1, 1.56,
                ProgressMonitor.NONE).get(0).nEff();
        double all = bent(20e-6, straight).nEffImag();
        double outer = new FdScalarModeSolver().withPmlOn(false, true, false, false).solve(channel().bend(20e-6, 1), 1.55e-6, GRID,
                new FdScalarModeSolver.Pml(20, 8), 3, straight, ProgressMonitor.NONE).stream()
                .min(Comparator.comparingDouble(FdScalarModeSolver.Mode::pmlFraction)).orElseThrow().nEffImag();
        assertEquals(all, outer, 0.02 * all);
    }
}
