package org.glassguide.solver.designfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.bpm.PropagationSettings;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.SolverSettings;
import org.junit.jupiter.api.Test;

class DesignReaderTest {
    private static org.glassguide.materials.yaml.YamlNode node(String yaml) {
        return org.glassguide.materials.yaml.YamlNode.parse("test", new java.io.StringReader(yaml)).require("solver");
    }

    private static final String GOOD = "format: glassguide/1\nname: zif\nstructure:\n  fiber:\n    layers:\n"
            + "      - { material: ZIF-62, diameter: 150 um }\n      - { material: HFK95N, diameter: 680 um }\n"
            + "    surround: air\nwavelengths: [589 nm, 633 nm]\nanalyses: [fiber]\n";

    private static Design read(String text) {
        return new DesignReader(MaterialLibrary.builtIn()).read("d.yaml", new StringReader(text), Path.of("."));
    }

    private static GlassGuideException fails(String text) {
        return assertThrows(GlassGuideException.class, () -> read(text));
    }

    @Test
    void readsTheDocumentedExample() {
        Design d = read(GOOD);
        assertEquals("zif", d.name());
        assertEquals(75e-6, d.fiber().core().outerRadius(), 1e-18);
        assertEquals(340e-6, d.fiber().layers().get(1).outerRadius(), 1e-18);
        assertEquals(2, d.wavelengths().size());
        assertEquals("air", d.fiber().surround().name());
    }

    @Test
    void wavelengthRangesAndInlineMaterials() {
        Design d = read(GOOD.replace("[589 nm, 633 nm]", "{ from: 450 nm, to: 1100 nm, step: 10 nm }")
                .replace("material: HFK95N", "material: { index: 1.44, k: 1e-7 }"));
        assertEquals(66, d.wavelengths().size());
        assertEquals(1100e-9, d.wavelengths().get(65), 1e-15);
        assertEquals(1.44, d.fiber().layers().get(1).material().index().n(1e-6), 0);
    }

    @Test
    void gradedLayersAndSolverSettings() {
        Design d = read(GOOD.replace("diameter: 150 um }", "diameter: 150 um, grade: 2 }").replace("analyses: [fiber]",
                "analyses: [modes]\nsolver: { kind: radial, points-per-period: 30, domain: 400 um, modes: 7, group-index: true }"));
        assertEquals(2.0, d.fiber().core().gradeExponent(), 0);
        assertEquals(30, d.solver().pointsPerPeriod(), 0);
        assertEquals(400e-6, d.solver().domainRadius(), 1e-18);
        assertEquals(7, d.solver().modes());
        assertTrue(d.solver().groupIndex());
        assertEquals(Messages.OUT_OF_RANGE, fails(GOOD.replace("diameter: 680 um }", "diameter: 680 um, grade: 2 }")).key());
        assertEquals(Messages.BAD_CHOICE, fails(GOOD + "solver: { kind: fd-magic }\n").key());
        String vec = "solver: { kind: fd-vector, window: [6 um, 6 um], step: 0.05 um, symmetry: ";
        SolverSettings sv = DesignReader.readSolver(node(vec + "x-pec y-pmc }"), true);
        assertEquals("pec", sv.wallX());
        assertEquals("pmc", sv.wallY());
        assertEquals(Messages.BAD_CHOICE, fails(GOOD + vec + "even-x }\n").key());
        SolverSettings sides = DesignReader.readSolver(node("solver: { kind: fd-scalar, window: [6 um, 6 um], step: 0.05 um, pml-sides: [right, top] }"),
                true);
        assertTrue(sides.pmlOn("right") && sides.pmlOn("top") && !sides.pmlOn("left") && !sides.pmlOn("bottom"));
        assertEquals(Messages.BAD_CHOICE, fails(GOOD + "solver: { kind: fd-scalar, window: [6 um, 6 um], step: 0.05 um, pml-sides: [outside] }\n").key());
        assertEquals(Messages.BAD_CHOICE, fails(GOOD + vec + "x-pec x-pmc }\n").key());
        assertEquals(Messages.BAD_CHOICE, fails(GOOD + "solver: { kind: fd-scalar, window: [6 um, 6 um], step: 0.05 um, symmetry: x-pec }\n").key());
        assertEquals(Messages.OUT_OF_RANGE, fails(GOOD + "solver: { points-per-period: 2 }\n").key());
    }

    @Test
    void negativeDiameterNamesFileLineKeyAndValue() {
        GlassGuideException e = fails(GOOD.replace("diameter: 150 um", "diameter: -150 um"));
        assertEquals(Messages.NOT_POSITIVE, e.key());
        assertTrue(e.getMessage().startsWith("d.yaml:6:"), e.getMessage());
        assertTrue(e.getMessage().contains("structure.fiber.layers[0].diameter (-150 um)"), e.getMessage());
    }

    @Test
    void claddingSmallerThanCore() {
        GlassGuideException e = fails(GOOD.replace("diameter: 680 um", "diameter: 100 um"));
        assertEquals(Messages.CLAD_NOT_LARGER, e.key());
        assertTrue(e.getMessage().contains("layers[1].diameter (100 um) must be larger than"), e.getMessage());
    }

    @Test
    void unknownMaterialSuggests() {
        GlassGuideException e = fails(GOOD.replace("material: HFK95N", "material: HFK59N"));
        assertEquals(Messages.UNKNOWN_MATERIAL, e.key());
        assertTrue(e.getMessage().contains("did you mean HFK95N"), e.getMessage());
        assertTrue(e.getMessage().startsWith("d.yaml:7:"), e.getMessage());
    }

    @Test
    void wrongUnitUnknownKeyMissingKeyAndBadFormat() {
        assertEquals(Messages.BAD_UNIT, fails(GOOD.replace("150 um", "150 uF")).key());
        assertEquals(Messages.UNKNOWN_KEY, fails(GOOD.replace("analyses:", "analysis:")).key());
        assertEquals(Messages.MISSING_KEY, fails(GOOD.replace("wavelengths: [589 nm, 633 nm]\n", "")).key());
        assertEquals(Messages.UNSUPPORTED_FORMAT, fails(GOOD.replace("glassguide/1", "glassguide/9")).key());
        assertEquals(Messages.BAD_CHOICE, fails(GOOD.replace("[fiber]", "[magic]")).key());
        assertEquals(Messages.MISSING_KEY, fails(GOOD.replace("[fiber]", "[bpm]")).key(), "bpm needs a propagation section");
        assertEquals(Messages.MALFORMED_YAML, fails(GOOD.replace("[589 nm, 633 nm]", "[589 nm, 633 nm")).key());
    }

    @Test
    void splicesAlongThePropagation() {
        String bpm = GOOD.replace("[fiber]", "[bpm]") + "propagation:\n  length: 1 mm\n  dz: 1 um\n  window: [200 um, 200 um]\n"
                + "  step: 0.5 um\n  launch: { gaussian: { waist: 20 um } }\n"
                + "  splices:\n    - { at: 400 um, offset: [3 um, -1 um], tilt: 1.5 deg }\n    - { at: 100 um, tilt: [0.5, -0.25] }\n";
        PropagationSettings p = PropagationSettings.of(read(bpm));
        assertEquals(2, p.splices().size());
        assertEquals(400e-6, p.splices().get(0).z(), 1e-18);
        assertEquals(-1e-6, p.splices().get(0).dy(), 1e-18);
        assertEquals(1.5, p.splices().get(0).tiltXDegrees(), 0);
        assertEquals(-0.25, p.splices().get(1).tiltYDegrees(), 0);
        GlassGuideException beyond = fails(bpm.replace("at: 400 um", "at: 2 mm"));
        assertEquals(Messages.OUT_OF_RANGE, beyond.key());
        assertTrue(beyond.getMessage().contains("propagation.splices"), beyond.getMessage());
        assertEquals(Messages.OUT_OF_RANGE, fails(bpm.replace("tilt: 1.5 deg", "tilt: 45 deg")).key());
        assertEquals(Messages.UNKNOWN_KEY, fails(bpm.replace("offset:", "shift:")).key());
    }

    @Test
    void indexFunctionReplacingOrAdded() {
        String bpm = GOOD.replace("[fiber]", "[bpm]") + "propagation:\n  length: 1 mm\n  dz: 1 um\n  window: [200 um, 200 um]\n"
                + "  step: 0.5 um\n  launch: { gaussian: { waist: 20 um } }\n";
        PropagationSettings p = PropagationSettings.of(read(bpm + "  index-function: { n: \"1.5 - 0.01 * (x^2 + y^2) / (50 um)^2\", k: \"1e-6\" }\n"));
        assertEquals(1.5, p.indexFunction().n().eval(0, 0, 0), 1e-15);
        assertTrue(!p.indexFunction().delta() && !p.indexFunction().dependsOnZ());
        double[] eps = {2.0, 0};
        p.indexFunction().apply(0, 0, 0, eps);
        assertEquals(1.5 * 1.5 - 1e-12, eps[0], 1e-15);
        assertEquals(2 * 1.5 * 1e-6, eps[1], 1e-18);
        PropagationSettings q = PropagationSettings.of(read(bpm + "  index-function: { delta-n: \"0.01 * step(z - 0.5 mm)\" }\n"));
        assertTrue(q.indexFunction().delta() && q.indexFunction().dependsOnZ());
        double[] e2 = {1.44 * 1.44, 0};
        q.indexFunction().apply(0, 0, 1e-3, e2);
        assertEquals(1.45 * 1.45, e2[0], 1e-12);
        GlassGuideException bad = fails(bpm + "  index-function: { n: \"1.5 + * x\" }\n");
        assertEquals(Messages.OUT_OF_RANGE, bad.key());
        assertTrue(bad.getMessage().contains("propagation.index-function.n") && bad.getMessage().contains("column"), bad.getMessage());
        assertEquals(Messages.BAD_CHOICE, fails(bpm + "  index-function: { n: \"1.5\", delta-n: \"0.1\" }\n").key());
    }

    @Test
    void semiVectorialPolarization() {
        String bpm = GOOD.replace("[fiber]", "[bpm]") + "propagation:\n  length: 1 mm\n  dz: 1 um\n  window: [200 um, 200 um]\n"
                + "  step: 0.5 um\n  launch: { gaussian: { waist: 20 um } }\n";
        assertEquals("scalar", PropagationSettings.of(read(bpm)).polarization());
        assertEquals("te", PropagationSettings.of(read(bpm + "  polarization: te\n  wide-angle: none\n")).polarization());
        assertEquals(Messages.BAD_CHOICE, fails(bpm + "  polarization: x\n").key());
        // 3D semi-vectorial runs: paraxial or an unsplit wide-angle step (the default); not the split one; a 2D run any
        assertEquals("tm", PropagationSettings.of(read(bpm + "  polarization: tm\n")).polarization());
        assertEquals("tm", PropagationSettings.of(read(bpm + "  polarization: tm\n  wide-angle: pade22\n")).polarization());
        GlassGuideException split = fails(bpm + "  polarization: te\n  wide-angle-solve: split\n");
        assertEquals(Messages.BAD_CHOICE, split.key());
        assertTrue(split.getMessage().contains("wide-angle-solve: unsplit (the default)"), split.getMessage());
        assertEquals(Messages.BAD_CHOICE, fails(bpm + "  polarization: tm\n  wide-angle: pade22\n  wide-angle-solve: split\n").key());
        assertEquals("te", PropagationSettings.of(read(bpm.replace("[200 um, 200 um]", "200 um") + "  polarization: te\n  wide-angle: pade22\n")).polarization());
        assertEquals("te", PropagationSettings.of(read(bpm.replace("[200 um, 200 um]", "200 um") + "  polarization: te\n")).polarization());
    }
}
