package org.glassguide.solver.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.api.Test;

class StepIndexModeSolverTest {
    private final StepIndexModeSolver solver = new StepIndexModeSolver();

    private static Map<String, GuidedMode> byName(List<GuidedMode> modes) {
        return modes.stream().collect(Collectors.toMap(GuidedMode::name, m -> m));
    }

    /** Published exact vector n_eff (tests of the open-source fibermodes project, a = 4.5 um, n = 1.448918/1.444418). */
    @Test
    void fibermodesVectorModesAt800nm() {
        StepIndexModes r = solver.solve(new StepIndexFiber(4.5e-6, 1.448918, 1.444418, 800e-9), true, ProgressMonitor.NONE);
        Map<String, GuidedMode> m = byName(r.vectorModes());
        assertEquals(1.4479082, m.get("HE11").nEff(), 1e-7);
        assertEquals(1.44643, m.get("TE01").nEff(), 1e-5);
        assertEquals(1.446427, m.get("HE21").nEff(), 1e-6);
        assertEquals(1.4464268, m.get("TM01").nEff(), 1e-7);
        assertEquals(1.444673, m.get("EH11").nEff(), 1e-6);
        assertEquals(1.444669, m.get("HE31").nEff(), 1e-6);
        assertEquals(1.4444531, m.get("HE12").nEff(), 1e-7);
        // TE01 > HE21 > TM01: the splitting order of a weakly guiding fiber
        assertTrue(m.get("TE01").nEff() > m.get("HE21").nEff());
        assertTrue(m.get("HE21").nEff() > m.get("TM01").nEff());
        assertEquals(r.vectorModes().size(), r.vectorGroupCount());
    }

    @Test
    void fibermodesFundamentalAt1550nm() {
        StepIndexModes r = solver.solve(new StepIndexFiber(4.5e-6, 1.448918, 1.444418, 1550e-9), true, ProgressMonitor.NONE);
        assertEquals(1.4464045, byName(r.vectorModes()).get("HE11").nEff(), 1e-7);
        assertEquals(1, r.lpGroupCount(), "single mode at 1550 nm");
        assertEquals(2, r.vectorModeCount(), "HE11 in two polarisations");
    }

    /** Bures, Guided Optics: a = 8.335 um, n = 1.462420/1.457420 at 632.8 nm guides 15 LP modes, LP01 u = 2.1845. */
    @Test
    void buresFifteenLpModes() {
        StepIndexModes r = solver.solve(new StepIndexFiber(8.335e-6, 1.462420, 1.457420, 632.8e-9), false, ProgressMonitor.NONE);
        assertEquals(15, r.lpGroupCount());
        assertEquals(2.1845, r.fundamental().u(), 1e-4);
        assertEquals("LP01", r.fundamental().name());
    }

    /** LP_lm cutoffs sit at zeros of J_{l-1}: the mode appears as V crosses the zero. */
    @Test
    void cutoffsAtBesselZeros() {
        // {V at cutoff, LP groups just below, just above}: LP11; LP21+LP02; LP12; LP22+LP03
        double[][] cut = {{2.404825557695773, 1, 2}, {3.831705970207512, 2, 4}, {5.520078110286311, 5, 6}, {7.015586669815619, 7, 9}};
        for (double[] c : cut) {
            double a = 5e-6;
            double lambda = 1e-6;
            double na = c[0] * lambda / (2 * Math.PI * a);
            double n2 = 1.45;
            for (double f : new double[] {1 - 1e-6, 1 + 1e-6}) {
                double n1 = Math.sqrt(n2 * n2 + na * na * f * f);
                StepIndexModes r = solver.solve(new StepIndexFiber(a, n1, n2, lambda), false, ProgressMonitor.NONE);
                long expected = f < 1 ? (long) c[1] : (long) c[2];
                assertEquals(expected, r.lpGroupCount(), "groups at V = " + c[0] * f);
            }
        }
    }

    /** In the weak-guidance limit every LP group is exactly its vector modes: counts agree and n_eff converge. */
    @Test
    void weakGuidanceVectorModesCollapseOntoLpGroups() {
        StepIndexFiber f = new StepIndexFiber(25e-6, 1.4500, 1.4497, 1e-6);
        StepIndexModes r = solver.solve(f, true, ProgressMonitor.NONE);
        assertEquals(r.lpModeCount(), r.vectorModeCount());
        Map<String, GuidedMode> lp = byName(r.lpModes());
        Map<String, GuidedMode> vec = byName(r.vectorModes());
        double delta = f.delta();
        // HE_{l+1,m} ~ LP_lm with splitting of order Delta^2 relative to n
        assertEquals(lp.get("LP11").nEff(), vec.get("HE21").nEff(), 5 * delta * delta);
        assertEquals(lp.get("LP21").nEff(), vec.get("EH11").nEff(), 5 * delta * delta);
        assertEquals(lp.get("LP01").nEff(), vec.get("HE11").nEff(), 5 * delta * delta);
    }

    @Test
    void largeZif62FiberCountsAboutVSquaredOverTwo() {
        // 150 um core, n = 1.56/1.44 at 589 nm: V ~ 480
        StepIndexFiber f = new StepIndexFiber(75e-6, 1.56, 1.44, 589e-9);
        StepIndexModes r = solver.solve(f, false, ProgressMonitor.NONE);
        double v = f.vNumber();
        assertEquals(v * v / 2, r.lpModeCount(), 0.02 * v * v / 2);
        assertEquals(v * v / 2, r.vectorModeCount(), 0.02 * v * v / 2);
        assertEquals(r.lpGroupCount(), r.lpModes().size());
        // every b in (0,1), n_eff between the indices, sorted descending
        double prev = Double.MAX_VALUE;
        for (GuidedMode m : r.lpModes()) {
            assertTrue(m.nEff() < 1.56 && m.nEff() > 1.44);
            assertTrue(m.nEff() <= prev);
            prev = m.nEff();
        }
    }

    @Test
    void highContrastVectorCountsMatchCutoffs() {
        StepIndexModes r = solver.solve(new StepIndexFiber(3e-6, 1.56, 1.44, 1e-6), true, ProgressMonitor.NONE);
        long total = r.vectorModes().stream().mapToLong(GuidedMode::degeneracy).sum();
        assertEquals(r.vectorModeCount(), total);
    }

    @Test
    void nonGuidingStructureIsRejected() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> new StepIndexFiber(5e-6, 1.44, 1.56, 1e-6));
        assertEquals(Messages.NOT_GUIDING, e.key());
    }
}
