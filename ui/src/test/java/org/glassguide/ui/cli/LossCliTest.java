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
        // the budget is the guide loss measured (978 and 5100 dB/m), and every equally good calibration agrees there; between
        // the points they part (Rayleigh or a floor under the band): the budget shows the range, not one of them alone
        JsonNode at819 = j.get("budget").get(0);
        JsonNode at940 = j.get("budget").get(1);
        JsonNode at1048 = j.get("budget").get(2);
        assertEquals(9.78, at819.get("propagationDbPerCm").asDouble(), 1e-8);
        assertEquals(51.0, at1048.get("propagationDbPerCm").asDouble(), 1e-7);
        for (JsonNode row : new JsonNode[] {at819, at1048}) {
            JsonNode range = row.get("propagationDbPerCmRange");
            assertEquals(range.get(0).asDouble(), range.get(1).asDouble(), 1e-6 * range.get(1).asDouble(), row.toString());
        }
        JsonNode range = at940.get("propagationDbPerCmRange");
        double p940 = at940.get("propagationDbPerCm").asDouble();
        assertTrue(range.get(0).asDouble() <= p940 && p940 <= range.get(1).asDouble() && range.get(1).asDouble() > 1.3 * range.get(0).asDouble(),
                at940.toString());
        // two points, three mechanisms, no stated errors: the uncertainty is unknown, not zero
        for (JsonNode m : j.get("calibration").get("mechanisms")) {
            assertTrue(m.get("uncertaintyDbPerM").isNull(), m.toString());
        }
    }

    /** The ZIF-62 fiber lit by an NA 0.8 LED: Fresnel averaged over the launched cone exceeds the normal-incidence value. */
    @Test
    void fresnelAveragedOverTheLaunchedCone(@TempDir Path dir) throws IOException {
        String base = Files.readString(Path.of("../examples/zif62-hfk95n-loss.yaml"));
        Path avg = dir.resolve("avg.yaml");
        Files.writeString(avg, base.replace("  end-faces: both", "  end-faces: both\n  fresnel: averaged"));
        GlassGuideCliTest.Run normal = GlassGuideCliTest.run("loss", "../examples/zif62-hfk95n-loss.yaml", "--out", dir.resolve("n").toString(), "--json");
        GlassGuideCliTest.Run averaged = GlassGuideCliTest.run("loss", avg.toString(), "--out", dir.resolve("a").toString(), "--json");
        assertEquals(0, averaged.code(), averaged.err());
        double fn = new ObjectMapper().readTree(normal.out()).get("budget").get(0).get("fresnelDb").asDouble();
        double fa = new ObjectMapper().readTree(averaged.out()).get("budget").get(0).get("fresnelDb").asDouble();
        assertTrue(fa > fn && fa < 2 * fn, fn + " " + fa);
        Files.writeString(avg, base.replace("  end-faces: both", "  end-faces: both\n  fresnel: oblique"));
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("loss", avg.toString(), "--out", dir.resolve("b").toString()), "loss.fresnel",
                "oblique", "averaged");
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

    /**
     * The catalog's ZIF-62 loss is a guide loss measured on the 150 um ZIF-62/HFK95N fiber: on that fiber the budget gives
     * it back (0.72 dB/cm); on a 50 um core the glass's loss (guide loss over the measured fiber's core share) is weighted
     * by the new core's share.
     */
    @Test
    void catalogGuideLossIsGivenBackOnItsOwnFiberAndRescaledOnAnother(@TempDir Path dir) throws IOException {
        String design = "format: glassguide/1\nname: g\nstructure:\n  fiber:\n    layers:\n      - { material: ZIF-62, diameter: CORE }\n"
                + "      - { material: HFK95N, diameter: 680 um }\n    surround: air\nwavelengths: [650 nm]\nanalyses: [loss]\n"
                + "loss: { length: 1 cm, end-faces: none, mode-power: equal }\n";
        Path same = dir.resolve("same.yaml");
        Files.writeString(same, design.replace("CORE", "150 um"));
        Path small = dir.resolve("small.yaml");
        Files.writeString(small, design.replace("CORE", "8 um"));
        GlassGuideCliTest.Run a = GlassGuideCliTest.run("loss", same.toString(), "--out", dir.resolve("a").toString(), "--json");
        assertEquals(0, a.code(), a.err());
        GlassGuideCliTest.Run b = GlassGuideCliTest.run("loss", small.toString(), "--out", dir.resolve("b").toString(), "--json");
        assertEquals(0, b.code(), b.err());
        JsonNode ja = new ObjectMapper().readTree(a.out());
        JsonNode jb = new ObjectMapper().readTree(b.out());
        assertEquals(0.72, ja.get("budget").get(0).get("propagationDbPerCm").asDouble(), 1e-12);
        assertTrue(ja.get("notes").toString().contains("guide loss, measured on a fiber"), ja.get("notes").toString());
        double shareA = ja.get("budget").get(0).get("coreFraction").asDouble();
        double shareB = jb.get("budget").get(0).get("coreFraction").asDouble();
        assertTrue(shareB < shareA - 0.01, shareA + " " + shareB);
        assertEquals(0.72 * shareB / shareA, jb.get("budget").get(0).get("propagationDbPerCm").asDouble(), 1e-12);
    }

    /** A calibration on a guide that leaks into its coating: the measured point is the guide loss, leakage included. */
    @Test
    void calibrationOnALeakyGuideReproducesTheMeasuredPoint(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("leaky.yaml");
        Files.writeString(d, "format: glassguide/1\nname: leaky\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: ZIF-62, diameter: 1.8 um }\n      - { material: HFK95N, diameter: 12 um }\n"
                + "    surround: { index: 1.50 }\nwavelengths: [1.5 um, 1.55 um]\nanalyses: [loss]\n"
                + "loss:\n  length: 1 m\n  end-faces: none\n  calibrate:\n    material: ZIF-62\n    points: [[1.55 um, 3 dB/m]]\n"
                + "    mechanisms: [floor]\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("loss", d.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get("budget").get(1);
        double leak = row.get("propagationDbPerM").get("leakage (tunnelling into the surround)").asDouble();
        assertTrue(leak > 0.01 && leak < 3, "the guide must leak, but less than it loses in all: " + leak);
        assertEquals(3.0, row.get("propagationDbPerCm").asDouble() * 100, 1e-9);
    }

    @Test
    void aBendTighterThanTheLastModeIsBadInput(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("../examples/zif62-hfk95n-loss.yaml")).replace("bend: { radius: 1 cm }", "bend: { radius: 0.5 mm }");
        Path d = dir.resolve("d.yaml");
        Files.writeString(d, text);
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("loss", d.toString(), "--out", dir.resolve("x").toString()), "loss.bend.radius");
    }
}
