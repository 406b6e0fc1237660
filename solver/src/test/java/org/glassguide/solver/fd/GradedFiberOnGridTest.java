package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialModeSolver;
import org.junit.jupiter.api.Test;

class GradedFiberOnGridTest {
    /** A parabolic core sampled on the square grid has the radial solver's LP01, to second order in the step. */
    @Test
    void parabolicCoreOnTheGridMatchesTheRadialSolver() {
        RadialIndexProfile p = RadialIndexProfile.powerLaw(3e-6, 1.47, 1.45, 2);
        double radial = new RadialModeSolver().solve(p, 1e-6, new RadialModeSolver.Settings(200, 0, 0), ProgressMonitor.NONE)
                .modes().get(0).nEff();
        CrossSection cs = new CrossSection(1.45, 0).paint(p);
        double[] err = new double[2];
        int q = 0;
        for (double step : new double[] {0.2e-6, 0.1e-6}) {
            double fd = new FdScalarModeSolver().solve(cs, 1e-6, FdScalarModeSolver.Grid.centred(14e-6, 14e-6, step),
                    new FdScalarModeSolver.Pml(0, 8), 1, 1.47, ProgressMonitor.NONE).get(0).nEff();
            err[q++] = fd - radial;
        }
        assertEquals(0, err[1], 2e-6, "LP01 at 0.1 um");
        assertEquals(2, Math.log(err[0] / err[1]) / Math.log(2), 0.3, "order");
    }

    @Test
    void slabEqualsAWideRectangle() {
        CrossSection a = new CrossSection(1.0, 0).paint(new Shape.Slab(-1e-6, 0.5e-6), 3.4, 0);
        CrossSection b = new CrossSection(1.0, 0).paint(new Shape.Rectangle(0, -0.25e-6, 1, 1.5e-6), 3.4, 0);
        double[][] ea = a.sample(-2e-6, -2e-6, 0.13e-6, 0.13e-6, 30, 30, 4);
        double[][] eb = b.sample(-2e-6, -2e-6, 0.13e-6, 0.13e-6, 30, 30, 4);
        assertArrayEquals(eb[0], ea[0], 0);
    }
}
