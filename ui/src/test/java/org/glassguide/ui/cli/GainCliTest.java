package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glassguide gain: the published Yb case end to end, the Nd guide's folder, bad input. */
class GainCliTest {
    @Test
    void ybDoubleCladExampleMatchesPyFiberAmpWithinTwoPercent(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("gain", "../examples/yb-double-clad-amplifier.yaml", "--out", dir.resolve("g").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode ch = j.get("channels");
        assertEquals(19.685, ch.get(0).get("outputW").asDouble(), 0.02 * 19.685);
        assertEquals(25.248, ch.get(1).get("outputW").asDouble(), 0.02 * 25.248);
        assertTrue(Math.abs(j.get("photonBalanceError").asDouble()) < 1e-6);
        for (String f : new String[] {"power.csv", "power.png", "gain-spectrum.png", "study-length.csv", "study-pump.png", "report.html"}) {
            assertTrue(Files.isRegularFile(dir.resolve("g").resolve(f)), f);
        }
    }

    @Test
    void ndGuideReportsItsAssumptionsAndTheTransparencyThreshold(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("gain", "../examples/zn-nd-ic-waveguide-gain.yaml", "--out", dir.resolve("g").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("assumed") && r.out().contains("transparency needs"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("g").resolve("ase-spectrum-vs-length.png")));
    }

    @Test
    void badGainInputIsOneLineExitTwo(@TempDir Path dir) throws IOException {
        String base = Files.readString(Path.of("../examples/yb-double-clad-amplifier.yaml"));
        String[][] cases = {
            {"concentration: 3e25 m^-3", "concentration: -3e25 m^-3", "concentration"},
            {"power: 47.2 W", "power: -1 W", "power"},
            {"wavelength: 914 nm, power: 47.2 W", "wavelength: 1500 nm, power: 47.2 W", "absorbs"},
            {"  length: 3 m\n", "  length: 3 m\n  steps: 10\n", "steps"},
            {"mode: cladding }", "mode: sideways }", "auto, fundamental, equal, filled, cladding"},
        };
        for (String[] c : cases) {
            assertTrue(base.contains(c[0]), c[0]);
            Path d = dir.resolve("d.yaml");
            Files.writeString(d, base.replace(c[0], c[1]));
            Path out = dir.resolve("x");
            GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("gain", d.toString(), "--out", out.toString()), c[2]);
            assertFalse(Files.exists(out), "nothing written for " + c[1]);
        }
    }

    @Test
    void plqyAboveOneIsRejected(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("nd.yaml");
        Files.writeString(m, "format: glassguide-material/1\nname: Nd test\nindex: 1.5\nluminescence:\n  plqy: { value: 120 %, assumed: test }\n");
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("materials", "show", m.toString()), "plqy");
    }
}
