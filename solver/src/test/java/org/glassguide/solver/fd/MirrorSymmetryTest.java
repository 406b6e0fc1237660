package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.radial.ModeReport;
import org.junit.jupiter.api.Test;

/**
 * Automatic mirror symmetry (solver.symmetry: auto, the default) must change nothing but the cost: the modes it
 * returns are the whole window's (same complex n_eff, same nearest set, same A_eff and fields once unfolded), each
 * labelled with its class, and the partners of a square core's degenerate pairs, which fall into mirror-image classes,
 * come out equal to rounding.
 */
class MirrorSymmetryTest {
    private static Design design(String kind, String shapes, String window, double step, int modes, String symmetry, double wavelengthNm) {
        String yaml = String.format(java.util.Locale.ROOT, "format: glassguide/1%nname: t%nstructure:%n  waveguide:%n    background: { index: 1.44 }%n"
                + "    shapes:%n%s%nwavelengths: [%s nm]%nsolver: { kind: %s, window: %s, step: %s um, pml: 1 um, modes: %d, symmetry: %s }%n"
                + "analyses: [modes]%n", shapes, wavelengthNm, kind, window, step, modes, symmetry);
        return new DesignReader(MaterialLibrary.builtIn()).read("t.yaml", new StringReader(yaml), Path.of("."));
    }

    private static final String SQUARE = "      - rectangle: { width: 2 um, height: 2 um, center: [0 um, 0 um], material: { index: 1.56 } }";

    private static FdAnalysisResult run(Design d, List<EigenStatistics> stats) {
        return new FdAnalysis().withStatistics(stats::add).analyse(d, d.wavelengths().get(0), d.solver(), false, w -> { },
                ProgressMonitor.NONE);
    }

    private static void assertSameModes(FdAnalysisResult whole, FdAnalysisResult sym, double tol) {
        assertEquals(whole.listed().size(), sym.listed().size());
        for (int q = 0; q < whole.listed().size(); q++) {
            ModeReport a = whole.listed().get(q);
            ModeReport b = sym.listed().get(q);
            assertEquals(a.nEff(), b.nEff(), tol, "n_eff of mode " + (q + 1));
            assertEquals(a.nEffImag(), b.nEffImag(), Math.max(tol, 1e-3 * Math.abs(a.nEffImag())), "Im n_eff of mode " + (q + 1));
            assertEquals(a.effectiveArea(), b.effectiveArea(), 1e-6 * a.effectiveArea(), "A_eff of mode " + (q + 1));
            assertEquals(a.confinement(), b.confinement(), 1e-6, "core share of mode " + (q + 1));
        }
        assertEquals(whole.grid(), sym.grid(), "reported on the whole window");
    }

    @Test
    void scalarSquareQuarterClassesGiveTheWholeWindowsModes() {
        for (int modes : new int[] {5, 10}) {
            List<EigenStatistics> symStats = new ArrayList<>();
            FdAnalysisResult whole = run(design("fd-scalar", SQUARE, "[6 um, 6 um]", 0.04, modes, "none", 633), new ArrayList<>());
            FdAnalysisResult sym = run(design("fd-scalar", SQUARE, "[6 um, 6 um]", 0.04, modes, "auto", 633), symStats);
            assertTrue(sym.symmetry().startsWith("mirror planes x = 0 and y = 0: 4 classes, each on a quarter"), sym.symmetry());
            assertTrue(whole.symmetry().startsWith("none"), whole.symmetry());
            assertSameModes(whole, sym, 1e-9);
            assertTrue(symStats.size() >= 4, "one solve per class at least");
            assertEquals(sym.listed().size(), sym.symmetryClasses().size());
            assertEquals("even-x even-y", sym.symmetryClasses().get(0), "LP01 is even in x and y");
            // the first pair (LP11-like): odd in x and even in y (lobes along x), then its mirror image, equal to rounding
            assertEquals("odd-x even-y", sym.symmetryClasses().get(1));
            assertEquals("even-x odd-y", sym.symmetryClasses().get(2));
            assertEquals(sym.listed().get(1).nEff(), sym.listed().get(2).nEff(), 1e-13);
        }
    }

    @Test
    void unfoldedFieldIsTheWholeWindowsField() {
        FdAnalysisResult whole = run(design("fd-semivector", SQUARE, "[6 um, 6 um]", 0.04, 3, "none", 633), new ArrayList<>());
        FdAnalysisResult sym = run(design("fd-semivector", SQUARE, "[6 um, 6 um]", 0.04, 3, "auto", 633), new ArrayList<>());
        assertSameModes(whole, sym, 1e-9);
        // |E|^2 normalised to its peak, cell by cell, for the non-degenerate fundamental
        double[] a = whole.intensities().get(0);
        double[] b = sym.intensities().get(0);
        double worst = 0;
        for (int p = 0; p < a.length; p++) {
            worst = Math.max(worst, Math.abs(a[p] - b[p]));
        }
        assertTrue(worst < 1e-6, "largest difference of the normalised intensity " + worst);
    }

    @Test
    void vectorSquareClassesMatchTheWholeWindowAndPairsArePolarised() {
        List<EigenStatistics> stats = new ArrayList<>();
        FdAnalysisResult whole = run(design("fd-vector", SQUARE, "[5 um, 5 um]", 0.05, 6, "none", 1000), new ArrayList<>());
        FdAnalysisResult sym = run(design("fd-vector", SQUARE, "[5 um, 5 um]", 0.05, 6, "auto", 1000), stats);
        assertSameModes(whole, sym, 1e-9);
        // HE11: x-polarised (electric wall on x = 0, magnetic on y = 0), then y-polarised, equal to rounding
        assertEquals("x-pec y-pmc", sym.symmetryClasses().get(0));
        assertEquals("x-pmc y-pec", sym.symmetryClasses().get(1));
        assertEquals(sym.listed().get(0).nEff(), sym.listed().get(1).nEff(), 1e-13);
        for (int q = 0; q < 6; q++) {
            assertEquals(whole.vectorModes().get(q).teFraction(), sym.vectorModes().get(q).teFraction(), 1e-6, "TE fraction " + (q + 1));
            // the share in the PML, each unknown flagged at its own staggered position, is the same on a quarter
            double pw = whole.vectorModes().get(q).pmlFraction();
            assertEquals(pw, sym.vectorModes().get(q).pmlFraction(), 1e-6 * pw + 1e-12, "PML share " + (q + 1));
        }
        // the unfolded six components are the whole window's, up to one phase factor
        for (FdVectorModeSolver.Component c : FdVectorModeSolver.Component.values()) {
            double[] u = whole.vectorModes().get(0).field(c);
            double[] v = sym.vectorModes().get(0).field(c);
            double[] o = org.glassguide.solver.special.ComplexMath.conjDot(u, v);
            double nu = org.glassguide.solver.special.ComplexMath.conjDot(u, u)[0];
            double nv = org.glassguide.solver.special.ComplexMath.conjDot(v, v)[0];
            if (nu > 1e-12 * (nu + nv) || nv > 1e-12 * (nu + nv)) {
                assertEquals(1, Math.hypot(o[0], o[1]) / Math.sqrt(nu * nv), 1e-6, c + " of HE11x");
                assertEquals(nu, nv, 1e-6 * nu, c + " power-normalised amplitude of HE11x");
            }
        }
    }

    @Test
    void aRibOnASubstrateHasOneMirrorAndAnOffCentreCoreNone() {
        String rib = "      - rectangle: { width: 6 um, height: 1.5 um, center: [0 um, -1.75 um], material: { index: 1.50 } }\n"
                + "      - rectangle: { width: 1.5 um, height: 1 um, center: [0 um, -0.5 um], material: { index: 1.56 } }";
        FdAnalysisResult whole = run(design("fd-scalar", rib, "[6 um, 5 um]", 0.05, 4, "none", 1000), new ArrayList<>());
        FdAnalysisResult sym = run(design("fd-scalar", rib, "[6 um, 5 um]", 0.05, 4, "auto", 1000), new ArrayList<>());
        assertTrue(sym.symmetry().startsWith("mirror plane x = 0: 2 classes, each on a half"), sym.symmetry());
        assertTrue(sym.symmetry().contains("not symmetric about y = 0"), sym.symmetry());
        assertSameModes(whole, sym, 1e-9);
        // 5.95 um at 0.05 um: 119 cells, x = 0 inside a column; auto widens the window to 120 cells, the whole window's grid
        FdAnalysisResult odd = run(design("fd-scalar", rib, "[5.95 um, 5 um]", 0.05, 4, "auto", 1000), new ArrayList<>());
        assertTrue(odd.symmetry().startsWith("mirror plane x = 0"), odd.symmetry());
        assertTrue(odd.warnings().stream().anyMatch(w -> w.contains("widened from 5.95 x 5 um to 6 x 5 um")), odd.warnings().toString());
        assertSameModes(whole, odd, 1e-9);
        String off = "      - rectangle: { width: 2 um, height: 2 um, center: [0.3 um, 0.2 um], material: { index: 1.56 } }";
        FdAnalysisResult none = run(design("fd-scalar", off, "[6 um, 6 um]", 0.04, 2, "auto", 633), new ArrayList<>());
        assertTrue(none.symmetry().startsWith("none found"), none.symmetry());
        assertFalse(none.symmetryClasses().stream().anyMatch(s -> !s.isEmpty()));
    }

    /** A class asked again for more modes resumes its own iteration and lands on the same modes as a fresh, larger solve. */
    @Test
    void askingASearchForMoreResumesToTheSameModes() {
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 2e-6, 2e-6), 1.56, 0);
        FdScalarModeSolver.Grid g = new FdScalarModeSolver.Grid(0, 0, 0.05e-6, 0.05e-6, 60, 60);
        FdScalarModeSolver solver = new FdScalarModeSolver().withPmlOn(false, true, false, true)
                .withMirrors(FdScalarModeSolver.Mirror.EVEN, FdScalarModeSolver.Mirror.EVEN);
        ModeSearch<FdScalarModeSolver.Mode> search = solver.search(cs, 633e-9, g, new FdScalarModeSolver.Pml(20, 8), 6, 1.56, 1.44,
                ProgressMonitor.NONE);
        search.nearest(2, ProgressMonitor.NONE);
        List<FdScalarModeSolver.Mode> resumed = search.nearest(6, ProgressMonitor.NONE);
        List<FdScalarModeSolver.Mode> fresh = solver.solve(cs, 633e-9, g, new FdScalarModeSolver.Pml(20, 8), 6, 1.56, 1.44, ProgressMonitor.NONE);
        assertEquals(6, resumed.size());
        int guided = 0;
        for (int q = 0; q < 6; q++) {
            // guided modes (above the cladding's 1.44) converge; the continuum below is not waited for
            if (fresh.get(q).nEff() > 1.44) {
                assertEquals(fresh.get(q).nEff(), resumed.get(q).nEff(), 1e-9, "mode " + (q + 1));
                guided++;
            }
        }
        assertTrue(guided >= 3, "the even-even class of the square holds at least three guided modes: " + guided);
        // asked for fewer again: the nearest of those found, no new iteration
        List<FdScalarModeSolver.Mode> two = search.nearest(2, ProgressMonitor.NONE);
        assertEquals(2, two.size());
        assertEquals(fresh.get(0).nEff(), two.get(0).nEff(), 1e-9);
        assertEquals(fresh.get(1).nEff(), two.get(1).nEff(), 1e-9);
    }

    /** The classes' merge: the k nearest over all classes, a class asked again while its farthest mode is still among them. */
    @Test
    void mergeAsksAClassAgainUntilItsFarthestModeIsOutside() {
        // class 0 holds 0.1, 0.2, ..., class 1 holds 0.15, 5, 6, ...: the 4 nearest are 0.1, 0.15, 0.2, 0.3
        List<List<Double>> spectra = List.of(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6), List.of(0.15, 5.0, 6.0, 7.0, 8.0, 9.0));
        int[] asked = new int[2];
        List<MirrorSymmetry.Labelled<Double>> got = MirrorSymmetry.nearest(2, 4, (c, m) -> (count, m2) -> {
            asked[c] = Math.max(asked[c], count);
            return spectra.get(c).subList(0, count);
        }, Double::doubleValue, ProgressMonitor.NONE);
        assertEquals(List.of(0.1, 0.15, 0.2, 0.3), got.stream().map(MirrorSymmetry.Labelled::mode).toList());
        assertTrue(asked[0] > 3, "class 0 had to be asked beyond its first share of 3");
        assertEquals(3, asked[1], "class 1's farthest (6.0) was outside at once");
    }
}
