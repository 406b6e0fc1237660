package org.glassguide.ui.cli;

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

/**
 * Bends as a user meets them: `--find-mode` and `launch: {mode: 1}` land on the bend mode of the mode solver (not on a
 * mode of the outer wall, whose index the conformal map lifts above the core's), and the loss a run reports is the
 * settled decay, with its window.
 */
class BendLaunchCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bent-channel example (1.56/1.44, R = 20 um): find-mode against `glassguide modes` on the bent-channel example. */
    @Test
    void findModeInABendLandsOnTheBendModeSolversMode(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run found = run("bpm", "../examples/bent-channel-bpm.yaml", "--find-mode", "--out", dir.resolve("f").toString(), "--json");
        assertEquals(0, found.code(), found.err());
        JsonNode f = JSON.readTree(found.out());
        GlassGuideCliTest.Run modes = run("modes", "../examples/bent-channel.yaml", "--out", dir.resolve("m").toString(), "--json");
        assertEquals(0, modes.code(), modes.err());
        JsonNode m = JSON.readTree(modes.out());
        JsonNode first = m.findValues("nEffReal").get(0);
        double solver = first.asDouble();
        double nEff = f.get("nEff").asDouble();
        assertTrue(nEff < 1.56, "a bend mode lies below the core index, not at the wall: " + nEff);
        // the two grids differ (0.1 and 0.08 um): the bound, 5e-3
        assertEquals(solver, nEff, 5e-3, "find-mode " + nEff + " vs modes " + solver);
        double lossSolver = m.findValues("lossDbPerCm").get(0).asDouble();
        assertEquals(lossSolver, f.get("lossDbPerCm").asDouble(), 0.05 * lossSolver);
        assertTrue(f.get("method").asText().contains("bend mode"), f.toString());
    }

    /** The launched bend mode decays at its own loss: the BPM's settled fit against the mode's Im n_eff on the same grid. */
    @Test
    void launchedBendModeDecaysAtItsModalLoss(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run found = run("bpm", "../examples/bent-channel-bpm.yaml", "--find-mode", "--out", dir.resolve("f").toString(), "--json");
        double modal = JSON.readTree(found.out()).get("lossDbPerCm").asDouble();
        GlassGuideCliTest.Run r = run("bpm", "../examples/bent-channel-bpm.yaml", "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("launched bend mode 1"), r.err());
        JsonNode s = JSON.readTree(r.out());
        assertEquals("settled", s.get("lossFit").get("verdict").asText(), s.get("lossFit").toString());
        assertEquals(modal, s.get("lossDbPerCm").asDouble(), 0.03 * modal, "BPM vs modal loss");
    }

    /** A 2D (x-z) run launches the slab's mode; the straight slab keeps it, and its loss reads below resolution. */
    @Test
    void slabModeLaunchInTwoDimensions(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("slab.yaml");
        Files.writeString(d, "format: glassguide/1\nname: slab\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1.0 um, height: 100 um, center: [0 um, 0 um], material: { index: 2.0 } }\n"
                + "wavelengths: [1.55 um]\nanalyses: [bpm]\npropagation:\n  length: 100 um\n  dz: 0.2 um\n  window: 12 um\n"
                + "  step: 0.025 um\n  pml: 2 um\n  wide-angle: pade22\n  monitor-every: 2 um\n  launch: { mode: 1 }\n");
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("slab (1D) mode solver"), r.err());
        JsonNode s = JSON.readTree(r.out());
        assertEquals(1, s.get("finalPower").asDouble(), 1e-3);
        String verdict = s.get("lossFit").get("verdict").asText();
        assertTrue(verdict.equals("below-resolution") || Math.abs(s.get("lossDbPerCm").asDouble()) < 0.05, s.get("lossFit").toString());
    }
}
