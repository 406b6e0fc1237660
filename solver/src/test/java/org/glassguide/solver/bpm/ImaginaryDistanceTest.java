package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.glassguide.solver.fd.Shape;
import org.junit.jupiter.api.Test;

/** The imaginary-distance mode finder on the propagation kernels against the shift-invert mode solver on the same grid. */
class ImaginaryDistanceTest {
    @Test
    void findsTheFundamentalOfTheModeSolver() {
        double lambda = 1e-6;
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, 1.5e-6), 1.56, 0);
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(10e-6, 10e-6, 0.1e-6);
        FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, 1.56,
                ProgressMonitor.NONE).get(0);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), fg.dx(), fg.dy(), fg.nx(), fg.ny());
        // start from an off-centre Gaussian: it holds the fundamental and much else
        double[] guess = Launch.gaussian(g, lambda, 1.5, 1.5e-6, 0.7e-6, -0.3e-6, 0);
        BeamPropagator.FoundMode f = new BeamPropagator().findMode(cs, g, guess, lambda, 1e-12, 20000, new CpuBackend(), ProgressMonitor.NONE);
        assertEquals(m.nEff(), f.nEff(), 1e-9, "after " + f.steps() + " steps");
        double[] o = Launch.overlap(m.field(), f.field());
        double overlap = (o[0] * o[0] + o[1] * o[1]) / (Launch.overlap(m.field(), m.field())[0] * Launch.overlap(f.field(), f.field())[0]);
        assertTrue(overlap > 1 - 1e-6, "field overlap " + overlap);
    }
}
