package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.junit.jupiter.api.Test;

/** The imaginary-distance mode finder on the propagation kernels against the shift-invert mode solver on the same grid. */
class ImaginaryDistanceTest {
    @Test
    void findsTheFundamentalOfTheModeSolver() {
        check(new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, 1.5e-6), 1.56, 0), 1e-6, 10e-6, 10e-6, 0.1e-6, 1.56);
    }

    /**
     * The rare-earth waveguides' contrast, 2.0/1.44, on a wide flat core (1.2 x 0.6 um at 1.55 um): a line through it has an
     * x-operator eigenvalue close to max V, where a first step of 1 / max V made the ADI factor 1 - a P_x nearly singular and
     * the search blew up (reported as an evanescent field).
     */
    @Test
    void findsTheFundamentalOfAHighContrastChannel() {
        check(new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.2e-6, 0.6e-6), 2.0, 0), 1.55e-6, 5e-6, 4.4e-6, 0.05e-6, 2.0);
    }

    private static void check(CrossSection cs, double lambda, double width, double height, double step, double nCore) {
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(width, height, step);
        FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, nCore,
                ProgressMonitor.NONE).get(0);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), fg.dx(), fg.dy(), fg.nx(), fg.ny());
        // start from an off-centre Gaussian: it holds the fundamental and much else
        double[] guess = Launch.gaussian(g, lambda, 1.5, 1.5e-6, 0.2 * width / 3, -0.2 * height / 3, 0);
        BeamPropagator.FoundMode f = new BeamPropagator().findMode(cs, g, guess, lambda, 1e-12, 20000, new CpuBackend(), ProgressMonitor.NONE);
        assertEquals(m.nEff(), f.nEff(), 1e-9, "after " + f.steps() + " steps");
        double[] o = Launch.overlap(m.field(), f.field());
        double overlap = (o[0] * o[0] + o[1] * o[1]) / (Launch.overlap(m.field(), m.field())[0] * Launch.overlap(f.field(), f.field())[0]);
        assertTrue(overlap > 1 - 1e-6, "field overlap " + overlap);
    }
}
