package org.glassguide.solver.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.index.DispersionFormula;
import org.glassguide.materials.source.Provenance;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.junit.jupiter.api.Test;

class StepIndexAnalysisTest {
    private static FiberStructure fiber(Material core, Material clad, double coreRadius) {
        return new FiberStructure(List.of(new Layer(core, coreRadius), new Layer(clad, 62.5e-6)), Material.constant(1.0, 0, "test"));
    }

    @Test
    void dispersionFreeCutoffIsTheClosedForm() {
        FiberAnalysis a = new StepIndexAnalysis().analyse(fiber(Material.constant(1.4504, 0, "t"), Material.constant(1.4447, 0, "t"), 4.1e-6),
                1550e-9, DesignOptions.defaults(), w -> { }, ProgressMonitor.NONE);
        double na = Math.sqrt(1.4504 * 1.4504 - 1.4447 * 1.4447);
        assertEquals(2 * Math.PI * 4.1e-6 * na / StepIndexAnalysis.J0_FIRST_ZERO, a.cutoffWavelengthLP11(), 1e-15);
        assertEquals(Math.toDegrees(Math.asin(na)), a.acceptanceHalfAngleDeg(), 1e-12);
        assertEquals(1, a.modes().lpGroupCount());
    }

    @Test
    void cutoffWithDispersionSolvesVEquals2405() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        Material silica = lib.get("fused silica");
        // a doped-silica core: Malitson's Sellmeier raised by 0.0165 in n^2 - 1 (about +0.0057 in n)
        Material core = new Material("doped silica", List.of(), "", new DispersionFormula(1, new double[] {0.0165, 0.6961663,
            0.0684043, 0.4079426, 0.1162414, 0.8974794, 9.896161}, new WavelengthRange(210e-9, 6.7e-6)),
                Provenance.assumed("test"), null, null, Map.of(), null, "test");
        FiberAnalysis a = new StepIndexAnalysis().analyse(fiber(core, silica, 4.1e-6), 1550e-9, DesignOptions.defaults(),
                w -> { }, ProgressMonitor.NONE);
        double lc = a.cutoffWavelengthLP11();
        assertTrue(lc > 1.0e-6 && lc < 1.4e-6, "cutoff of a standard single-mode fiber design: " + lc);
        double n1 = core.index().n(lc);
        double n2 = silica.index().n(lc);
        double v = 2 * Math.PI * 4.1e-6 / lc * Math.sqrt(n1 * n1 - n2 * n2);
        assertEquals(StepIndexAnalysis.J0_FIRST_ZERO, v, 1e-9);
        assertTrue(a.cutoffNote().isEmpty());
    }

    @Test
    void zif62FiberNaAndAcceptanceFromTheCatalog() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        List<String> warnings = new ArrayList<>();
        FiberAnalysis a = new StepIndexAnalysis().analyse(new FiberStructure(List.of(new Layer(lib.get("ZIF-62"), 75e-6),
                new Layer(lib.get("HFK95N"), 340e-6)), lib.get("air")), 589e-9, DesignOptions.defaults(), warnings::add,
                ProgressMonitor.NONE);
        assertEquals(0.600, a.numericalAperture(), 1e-3);
        // asin(NA / n_air): slightly below asin(0.6) = 36.87 deg because n_air > 1
        assertEquals(Math.toDegrees(Math.asin(0.6 / a.nLaunch())), a.acceptanceHalfAngleDeg(), 1e-9);
        assertTrue(a.modeFieldDiameter() > 0 && a.modeFieldDiameter() < 150e-6);
    }

    @Test
    void nonGuidingMaterialsAreRejected() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> new StepIndexAnalysis().analyse(
                fiber(Material.constant(1.44, 0, "t"), Material.constant(1.56, 0, "t"), 5e-6), 1e-6, DesignOptions.defaults(),
                w -> { }, ProgressMonitor.NONE));
        assertEquals(Messages.NOT_GUIDING, e.key());
        assertTrue(e.getMessage().contains("NA is undefined"));
    }
}
