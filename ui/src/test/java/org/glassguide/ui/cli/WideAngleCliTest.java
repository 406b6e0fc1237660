package org.glassguide.ui.cli;

import static org.glassguide.ui.cli.GlassGuideCliTest.assertBadInput;
import static org.glassguide.ui.cli.GlassGuideCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 3D wide-angle step as a user meets it: unsplit by default with its solve reported, split only when asked and warned. */
class WideAngleCliTest {
    static String design(String extra) {
        return "format: glassguide/1\nname: hi\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1.2 um, height: 0.6 um, center: [0 um, 0 um], material: { index: 2.0 } }\n"
                + "wavelengths: [1.55 um]\nanalyses: [bpm]\npropagation:\n  length: 1 um\n  dz: 0.1 um\n  window: [5 um, 4.4 um]\n"
                + "  step: 0.05 um\n  pml: 1.1 um\n  wide-angle: pade11\n  launch: { mode: 1 }\n" + extra;
    }

    @Test
    void unsplitByDefaultWithItsResidualReported(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("hi.yaml");
        Files.writeString(d, design(""));
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode step = new ObjectMapper().readTree(r.out()).get("stepSolve");
        assertEquals("unsplit", step.get("method").asText());
        assertEquals(10, step.get("factorSolves").asLong(), "1 um in 0.1 um steps, one Pade (1,1) factor each");
        assertTrue(step.get("worstRelativeResidual").asDouble() <= step.get("relativeResidualTarget").asDouble(), step.toString());
        assertTrue(step.get("meanIterations").asDouble() >= 1, step.toString());
    }

    @Test
    void splitOnlyWhenAskedAndWarned(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("hi.yaml");
        Files.writeString(d, design("  wide-angle-solve: split\n"));
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("adi", new ObjectMapper().readTree(r.out()).get("stepSolve").get("method").asText());
        assertTrue(r.err().contains("split drops each Pade factor's P_x P_y cross term"), r.err());
        Files.writeString(d, design("  wide-angle-solve: splitted\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o2").toString()), "wide-angle-solve", "splitted", "unsplit");
        Files.writeString(d, design("  branch-cut: 120 deg\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o3").toString()), "branch-cut", "0 to 90 deg");
    }

    /** The coarse-sampling warning states the stencil's real errors: 1 - sinc(pi/N) in k_perp, 1 - cos(pi/N) in walk-off. */
    @Test
    void coarseSamplingStatesTheStencilsRealError(@TempDir Path dir) throws IOException {
        double[] at8 = org.glassguide.solver.bpm.BpmAnalysis.stencilErrors(8);
        assertEquals(0.0254, at8[0], 5e-4);
        assertEquals(0.0761, at8[1], 5e-4);
        Path d = dir.resolve("hi.yaml");
        Files.writeString(d, design("").replace("step: 0.05 um", "step: 0.1 um").replace("pml: 1.1 um", "pml: 1.2 um")
                .replace("window: [5 um, 4.4 um]", "window: [6 um, 5.4 um]"));
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("points per shortest transverse period") && r.err().contains("% low") && r.err().contains("walk-off"), r.err());
    }

    /**
     * A steep launch with Pade (2,2) and a rotated branch cut: warned before the run; not with the default (plain, unitary)
     * approximant; a y tilt is refused in 2D.
     */
    @Test
    void rotatedCutGainIsWarnedAndAzimuthNeedsThreeDimensions(@TempDir Path dir) throws IOException {
        String base = "format: glassguide/1\nname: tilt\nstructure:\n  waveguide:\n    background: { index: 1.56 }\n    shapes:\n"
                + "      - rectangle: { width: 1 um, height: 1 um, material: { index: 1.56 } }\nwavelengths: [1 um]\nanalyses: [bpm]\n"
                + "propagation:\n  length: 0.5 um\n  dz: 0.1 um\n  step: 0.1 um\n  pml: 1 um\n  wide-angle: pade22\n";
        Path d = dir.resolve("tilt.yaml");
        Files.writeString(d, base + "  window: [8 um, 8 um]\n  launch: { gaussian: { waist: 1.5 um, tilt: 30 deg, azimuth: 45 deg } }\n");
        GlassGuideCliTest.Run plain = run("bpm", d.toString(), "--out", dir.resolve("o0").toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(!plain.err().contains("rotated branch cut"), plain.err());
        Files.writeString(d, base + "  branch-cut: 45 deg\n  window: [8 um, 8 um]\n  launch: { gaussian: { waist: 1.5 um, tilt: 30 deg, azimuth: 45 deg } }\n");
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("rotated branch cut (45 deg)"), r.err());
        Files.writeString(d, base + "  window: 8 um\n  launch: { gaussian: { waist: 1.5 um, tilt: 30 deg, azimuth: 45 deg } }\n");
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o2").toString()), "azimuth", "45 deg", "2D");
    }

    /**
     * transverse: fourth-order through the design file: 3D and 2D runs solve every step unsplit with the compact operator
     * and say so; with it the coarse-sampling warning goes (0.4 % walk-off at 8 points against 7.6 %); a bad value, a
     * semi-vectorial run and the split step are refused with the field named.
     */
    @Test
    void fourthOrderTransverseOperatorFromTheDesign(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("hi.yaml");
        Files.writeString(d, design("  transverse: fourth-order\n"));
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode step = new ObjectMapper().readTree(r.out()).get("stepSolve");
        assertEquals("unsplit, fourth-order", step.get("method").asText());
        assertTrue(step.get("worstRelativeResidual").asDouble() <= step.get("relativeResidualTarget").asDouble(), step.toString());
        // a paraxial 2D run: each step solved unsplit as well
        Files.writeString(d, design("  transverse: fourth-order\n").replace("  window: [5 um, 4.4 um]\n", "  window: [5 um]\n")
                .replace("  wide-angle: pade11\n", "  wide-angle: none\n"));
        r = run("bpm", d.toString(), "--out", dir.resolve("o2").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("unsplit, fourth-order", new ObjectMapper().readTree(r.out()).get("stepSolve").get("method").asText());
        // coarse sampling: warned with the 3-point stencil, not with the compact operator
        String coarse = design("").replace("step: 0.05 um", "step: 0.1 um").replace("pml: 1.1 um", "pml: 1.2 um")
                .replace("window: [5 um, 4.4 um]", "window: [6 um, 5.4 um]");
        Files.writeString(d, coarse);
        r = run("bpm", d.toString(), "--out", dir.resolve("o3").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("transverse: fourth-order to"), r.err());
        Files.writeString(d, coarse + "  transverse: fourth-order\n");
        r = run("bpm", d.toString(), "--out", dir.resolve("o4").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.err().contains("points per shortest transverse period"), r.err());
        // 5.6 points per period: refused with the 3-point stencil (8 needed), run with the compact operator (4.0 needed)
        String sparse = design("").replace("step: 0.05 um", "step: 0.2 um").replace("pml: 1.1 um", "pml: 1.6 um")
                .replace("window: [5 um, 4.4 um]", "window: [8 um, 8 um]").replace("launch: { mode: 1 }", "launch: { gaussian: { waist: 1 um } }");
        Files.writeString(d, sparse);
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o8").toString()), "propagation.step", "8.0 needed", "fourth-order needs 4.0");
        Files.writeString(d, sparse + "  transverse: fourth-order\n");
        r = run("bpm", d.toString(), "--out", dir.resolve("o9").toString());
        assertEquals(0, r.code(), r.err());
        // 5.1 points per period with the compact operator: warned in its own terms (walk-off 2.6 %), with the step that fixes it
        Files.writeString(d, sparse.replace("step: 0.2 um", "step: 0.22 um").replace("pml: 1.6 um", "pml: 1.76 um")
                .replace("window: [8 um, 8 um]", "window: [8.8 um, 8.8 um]") + "  transverse: fourth-order\n");
        r = run("bpm", d.toString(), "--out", dir.resolve("o10").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("the fourth-order operator puts") && r.err().contains("a step of 203 nm"), r.err());
        Files.writeString(d, design("  transverse: sixth-order\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o5").toString()), "transverse", "sixth-order", "fourth-order");
        Files.writeString(d, design("  transverse: fourth-order\n  polarization: te\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o6").toString()), "transverse", "polarization: te", "scalar");
        Files.writeString(d, design("  transverse: fourth-order\n  wide-angle-solve: split\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o7").toString()), "transverse", "split", "unsplit");
    }
}
