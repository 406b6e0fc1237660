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

    /** Leakage into a high-index surround equals the leaky LP01 of the radial mode solver on the same three regions. */
    @Test
    void leakageEqualsTheLeakyModeOfTheRadialSolver(@TempDir Path dir) throws IOException {
        String fiber = "format: glassguide/1\nname: coat\nstructure:\n  fiber:\n    layers:\n      - { material: { index: 1.46 }, diameter: 6 um }\n"
                + "      - { material: { index: 1.45 }, diameter: 20 um }\n";
        Path loss = dir.resolve("loss.yaml");
        Files.writeString(loss, fiber + "    surround: { index: 1.47 }\nwavelengths: [1.55 um]\nanalyses: [loss]\n"
                + "loss: { length: 1 m, end-faces: none, bend: { radius: 2 cm, length: 10 cm } }\n");
        Path modes = dir.resolve("modes.yaml");
        Files.writeString(modes, fiber + "      - { material: { index: 1.47 }, diameter: 250 um }\n    surround: { index: 1.47 }\n"
                + "wavelengths: [1.55 um]\nanalyses: [modes]\nsolver: { kind: radial, modes: 1 }\n");
        GlassGuideCliTest.Run l = GlassGuideCliTest.run("loss", loss.toString(), "--out", dir.resolve("l").toString(), "--json");
        assertEquals(0, l.code(), l.err());
        GlassGuideCliTest.Run m = GlassGuideCliTest.run("modes", modes.toString(), "--out", dir.resolve("m").toString(), "--json");
        assertEquals(0, m.code(), m.err());
        com.fasterxml.jackson.databind.JsonNode lj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(l.out()).get("budget").get(0);
        com.fasterxml.jackson.databind.JsonNode mj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.out());
        double leak = lj.get("propagationDbPerM").get("leakage (tunnelling into the surround)").asDouble();
        assertEquals(mj.get("modes").get(0).get("lossDbPerM").asDouble(), leak, 1e-9 * leak);
        assertTrue(lj.get("bendBasis").asText().contains("Marcuse"));
    }

    @Test
    void aBendTighterThanTheLastModeIsBadInput(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("../examples/zif62-hfk95n-loss.yaml")).replace("bend: { radius: 1 cm }", "bend: { radius: 0.5 mm }");
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, text);
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("loss", d.toString(), "--out", dir.resolve("x").toString()), "loss.bend.radius");
    }
}
