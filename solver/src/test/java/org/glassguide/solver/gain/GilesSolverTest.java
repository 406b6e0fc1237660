package org.glassguide.solver.gain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.api.Test;

class GilesSolverTest {
    private static final GainSpectroscopy YB = MaterialLibrary.builtIn().get("Yb-germanosilicate").gainData().orElseThrow();

    private static Channel channel(String label, Channel.Kind kind, double wl, double power, boolean forward, double overlap, double bandwidth) {
        return new Channel(label, kind, wl, power, forward, overlap, "", YB.absorption().at(wl), YB.emission().at(wl), 0, 0, bandwidth, 2);
    }

    /** PyFiberAmp's Yb double-clad regression case (tests/test_yb_double_clad_test.py): 19.685 W and 25.248 W out. */
    @Test
    void ybDoubleCladRegressionCaseWithinTwoPercent() {
        double a = 5e-6;
        double w = 4.8e-6;
        Channel s = channel("signal", Channel.Kind.SIGNAL, 1030e-9, 0.4, true, 1 - Math.exp(-2 * a * a / (w * w)), 0);
        Channel p = channel("pump", Channel.Kind.PUMP, 914e-9, 47.2, false, 0.01, 0);
        GainProfile r = new GilesSolver(200, 1e-10, 30).solve(new RateEquations(List.of(s, p), 3e25, Math.PI * a * a, 1e-3, 0), 3,
                ProgressMonitor.NONE);
        assertEquals(19.685, r.output(0), 0.02 * 19.685);
        assertEquals(25.248, r.output(1), 0.02 * 25.248);
        assertTrue(Math.abs(r.photonBalanceError()) < 1e-5);
    }

    /**
     * A weak 976 nm core pump in a heavily doped core: absorbed as exp(-sigma_a Gamma N L) ~ e^-50 over 0.5 m, far below
     * the billionth of the launch the iteration resolves, so it is reported as fully absorbed (0 W, no gain figure); over
     * 2 cm it is not (e^-2 and less: bleaching only lets more through).
     */
    @Test
    void aPumpAbsorbedBelowTheSolversResolutionIsReportedAsSuch() {
        double a = 3e-6;
        Channel p = channel("pump", Channel.Kind.PUMP, 976e-9, 1e-3, true, 0.8, 0);
        double alpha = YB.absorption().at(976e-9) * 0.8 * 5e25;
        RateEquations eq = new RateEquations(List.of(p), 5e25, Math.PI * a * a, 1e-3, 0);
        GainProfile longFiber = new GilesSolver(400, 1e-10, 30).solve(eq, 50 / alpha, ProgressMonitor.NONE);
        assertTrue(longFiber.fullyAbsorbed(0), "out " + longFiber.output(0) + " W");
        assertEquals(0, longFiber.reportedOutput(0));
        GainProfile shortFiber = new GilesSolver(400, 1e-10, 30).solve(eq, 2 / alpha, ProgressMonitor.NONE);
        assertFalse(shortFiber.fullyAbsorbed(0));
        assertTrue(shortFiber.reportedOutput(0) >= 1e-3 * Math.exp(-2) * (1 - 1e-6), "out " + shortFiber.output(0));
    }

    /**
     * A core-pumped counter-pumped amplifier with ASE both ways, where plain relaxation flips between bleached and absorbed
     * pump: Newton (with continuation) must converge, conserve photons and agree between two step sizes.
     */
    @Test
    void counterPumpedWithAseConverges() {
        List<Channel> cs = new ArrayList<>();
        cs.add(channel("s", Channel.Kind.SIGNAL, 1030e-9, 1e-3, true, 0.8, 0));
        cs.add(channel("p", Channel.Kind.PUMP, 976e-9, 0.5, false, 0.8, 0));
        for (int b = 0; b < 10; b++) {
            double wl = 1000e-9 + (b + 0.5) * 10e-9;
            for (boolean f : new boolean[] {true, false}) {
                cs.add(channel("ase", Channel.Kind.ASE, wl, 0, f, 0.8, RateEquations.C * 10e-9 / (wl * wl)));
            }
        }
        RateEquations eq = new RateEquations(cs, 5e25, Math.PI * 9e-12, 1e-3, 0);
        GainProfile coarse = new GilesSolver(400, 1e-11, 30).solve(eq, 1.5, ProgressMonitor.NONE);
        GainProfile fine = new GilesSolver(800, 1e-11, 30).solve(eq, 1.5, ProgressMonitor.NONE);
        assertEquals(fine.output(0), coarse.output(0), 1e-7 * fine.output(0));
        assertTrue(Math.abs(fine.photonBalanceError()) < 1e-5, "balance " + fine.photonBalanceError());
        assertTrue(fine.output(0) > 0.1, "the pumped amplifier amplifies: " + fine.output(0));
    }

    @Test
    void tooFewStepsIsAClearError() {
        Channel p = channel("pump", Channel.Kind.PUMP, 976e-9, 0.5, false, 0.8, 0);
        RateEquations eq = new RateEquations(List.of(p), 5e25, Math.PI * 9e-12, 1e-3, 0);
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> new GilesSolver(20, 1e-10, 30).solve(eq, 1.5, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("gain.steps") && e.getMessage().contains("at least"), e.getMessage());
    }
}
