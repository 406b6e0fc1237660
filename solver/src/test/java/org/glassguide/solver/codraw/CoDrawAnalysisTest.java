package org.glassguide.solver.codraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.junit.jupiter.api.Test;

class CoDrawAnalysisTest {
    static final String BASE = "format: glassguide/1\nname: t\nstructure:\n  fiber:\n    layers:\n"
            + "      - { material: ZIF-62, diameter: 150 um }\n      - { material: HFK95N, diameter: 680 um }\n    surround: air\n"
            + "wavelengths: [650 nm]\nanalyses: [codraw]\n";

    static Design read(String extra) {
        return new DesignReader(MaterialLibrary.builtIn()).read("d.yaml", new StringReader(BASE + extra), Path.of("."));
    }

    static CoDrawResult run(String extra) {
        Design d = read(extra);
        return new CoDrawAnalysis().analyse(d, DrawSettings.of(d), w -> { }, ProgressMonitor.NONE);
    }

    @Test
    void windowEdgesLieWhereTheCurvesMeetTheSpan() {
        CoDrawResult r = run("");
        // each glass's drawable span ends where its curve crosses the span's limits
        for (CoDrawResult.Glass g : new CoDrawResult.Glass[] {r.core(), r.cladding()}) {
            assertEquals(r.drawLog10Max(), g.log10Viscosity(g.drawableFrom()), 1e-9);
            assertEquals(r.drawLog10Min(), g.log10Viscosity(g.drawableTo()), 1e-9);
        }
        // ZIF-62 (through its melt point) is too fluid before HFK95N softens: no co-viscous window; the molten-core
        // window starts at the cladding's softening point and ends at ZIF-62's decomposition onset (694 + 150 K)
        assertTrue(r.coViscous().isEmpty());
        assertEquals(758, r.moltenCore().from(), 1e-6);
        assertEquals(844, r.moltenCore().to(), 1e-9);
        assertTrue(r.moltenCore().log10RatioAtFrom() < 0 && r.moltenCore().log10RatioAtTo() < 0);
        // with the fragility-based curve ZIF-62 is stiffer: both draw together from where ZIF-62 reaches 10^6.6
        assertTrue(!r.alternativeCoViscous().isEmpty());
        assertEquals(844, r.alternativeCoViscous().to(), 1e-9);
    }

    @Test
    void widerSpanWidensTheWindowsAndPreformSetsTheFiber() {
        CoDrawResult r = run("codraw:\n  draw-viscosity: [1e2 Pa s, 1e8 Pa s]\n  preform: {core-diameter: 10 mm, outer-diameter: 40 mm}\n"
                + "  feed-speed: 1 mm/min\n  draw-speed: 4 m/min\n  tolerance: 10 %\n");
        assertTrue(!r.coViscous().isEmpty(), "10^2..10^8 Pa s overlaps");
        double ratio = Math.sqrt(1e-3 / 4.0 * 60 / 60);
        assertEquals(10e-3 * ratio, r.drawn().coreDiameter(), 1e-15);
        assertEquals(40e-3 * ratio, r.drawn().outerDiameter(), 1e-15);
        // V scales with the core diameter at fixed NA
        var tol = r.drawn().tolerance();
        assertEquals(3, tol.size());
        assertEquals(0.9 * tol.get(1).vNumber(), tol.get(0).vNumber(), 1e-9 * tol.get(1).vNumber());
        assertEquals(1.1 * tol.get(1).vNumber(), tol.get(2).vNumber(), 1e-9 * tol.get(1).vNumber());
    }

    @Test
    void badCoDrawInputNamesTheField() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> read("codraw:\n  draw-viscosity: [1e7 Pa s, 1e4 Pa s]\n"));
        assertEquals(Messages.OUT_OF_RANGE, e.key());
        assertTrue(e.getMessage().contains("codraw.draw-viscosity"), e.getMessage());
        e = assertThrows(GlassGuideException.class, () -> read("codraw:\n  preform: {core-diameter: 10 mm, outer-diameter: 40 mm}\n"
                + "  feed-speed: 1 mm/min\n  draw-speed: 0.5 mm/min\n"));
        assertTrue(e.getMessage().contains("codraw.draw-speed"), e.getMessage());
        e = assertThrows(GlassGuideException.class, () -> read("codraw:\n  feed-speed: 1 mm/min\n"));
        assertTrue(e.getMessage().contains("preform"), e.getMessage());
    }
}
