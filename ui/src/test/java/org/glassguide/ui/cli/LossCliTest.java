package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glassguide loss on the examples: calibrated points reproduced, the ambiguity reported, the budget adds up; bad input. */
class LossCliTest {
    @Test
    void znNdIcCalibrationReproducesItsPointsAndSaysWhatItCannotTell(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("l");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("loss", "../examples/zn-nd-ic-fiber-loss.yaml", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (JsonNode p : j.get("calibration").get("points")) {
            assertEquals(p.get("measuredDbPerM").asDouble(), p.get("fittedDbPerM").asDouble(), 1e-9 * p.get("measuredDbPerM").asDouble());
        }
        assertTrue(j.get("notes").toString().contains("cannot separate"), j.get("notes").toString());
        // total = sum of propagation parts x length + Fresnel + coupling
        for (JsonNode row : j.get("budget")) {
            double sum = 0;
            for (JsonNode v : row.get("propagationDbPerM")) {
                sum += v.asDouble();
            }
            assertEquals(sum * j.get("lengthM").asDouble() + row.get("fresnelDb").asDouble() + row.get("couplingDb").asDouble(),
                    row.get("totalDb").asDouble(), 1e-12);
        }
        for (String f : new String[] {"budget.csv", "budget.png", "calibration.png", "summary.json", "report.md", "report.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void badLossSectionIsOneLine(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, "format: glassguide/1\nname: d\nstructure:\n  fiber:\n    layers:\n      - { material: ZIF-62, diameter: 150 um }\n"
                + "      - { material: HFK95N, diameter: 680 um }\nwavelengths: [650 nm]\nloss:\n  calibrate:\n    material: ZIF-62\n"
                + "    points: [[650 nm, -0.72 dB/cm]]\n    mechanisms: [rayleigh]\n");
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("loss", d.toString(), "--out", dir.resolve("x").toString()), "points", "-0.72 dB/cm");
        assertTrue(!Files.exists(dir.resolve("x")));
    }
}
