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

/** sweep (grid and Monte Carlo) and optimise through the command line: files, JSON, bad input. */
class StudyCliTest {
    @Test
    void monteCarloSummaryHasPercentilesAndMatchesLinearPropagation(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("mc");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sweep", "../examples/core-tolerance-montecarlo.yaml", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(400, j.get("pointsDone").asInt());
        JsonNode v = j.get("statistics").get("vNumber");
        // V = pi d NA / lambda: mean 2.1344 for d 8.2 um, NA 0.12843 (1.4504/1.4447), 1550 nm; to first order its relative sd
        // adds the diameter's (0.15/8.2) and NA's (n1 sd / NA^2 * n1 = 0.0176) in quadrature: 0.0254 -> sd 0.054. 400
        // samples: 5 % (mean 0.2 %) statistical tolerance.
        assertEquals(2.1344, v.get("mean").asDouble(), 0.005);
        assertEquals(0.054, v.get("sd").asDouble(), 0.054 * 0.1);
        assertTrue(v.get("p5").asDouble() < v.get("p50").asDouble() && v.get("p50").asDouble() < v.get("p95").asDouble());
        assertTrue(Files.isRegularFile(out.resolve("vNumber.png")));
        assertEquals(401, Files.readAllLines(out.resolve("results.csv")).size());
    }

    @Test
    void optimiseFindsTheSingleModeCutoff(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("optimise", "../examples/single-mode-core-optimise.yaml", "--out", dir.resolve("o").toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("feasible").asBoolean());
        assertEquals(2.404825557695773, j.get("objective").asDouble(), 1e-6);
        assertTrue(Files.isRegularFile(dir.resolve("o").resolve("path.csv")));
    }

    /** A loss sweep over length: the budget grows by exactly the propagation loss times the added length. */
    @Test
    void lossSweepOverLengthIsLinear(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("../examples/zn-nd-ic-fiber-loss.yaml"), dir.resolve("d.yaml"));
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: d.yaml\nanalysis: loss\nparameters:\n"
                + "  - {path: loss.length, values: [1 mm, 3 mm]}\n  - {path: wavelength, values: [940 nm]}\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sweep", s.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = Files.readAllLines(dir.resolve("o").resolve("results.csv"));
        java.util.List<String> head = java.util.List.of(lines.get(0).split(","));
        String[] a = lines.get(1).split(",");
        String[] b = lines.get(2).split(",");
        int total = head.indexOf("totalDb");
        int prop = head.indexOf("propagationDbPerCm");
        assertEquals(Double.parseDouble(a[prop]) * 0.2, Double.parseDouble(b[total]) - Double.parseDouble(a[total]), 1e-12);
    }

    @Test
    void badSweepValueIsOneLine(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("../examples/smf-constant-index.yaml"), dir.resolve("smf.yaml"));
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: smf.yaml\nanalysis: fiber\nparameters:\n"
                + "  - {path: 'structure.fiber.layers[0].diameter', values: [8 um, 300 um]}\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sweep", s.toString(), "--out", dir.resolve("x").toString());
        GlassGuideCliTest.assertBadInput(r, "sweep point 2", "300 um");
        assertTrue(!Files.exists(dir.resolve("x")));
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: smf.yaml\nanalysis: fibre\nparameters: []\n");
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sweep", s.toString()), "analysis", "fibre");
    }

    /** --device on sweeps: a bpm sweep takes the device (here, without a GPU, gpu is a one-line error); other analyses ignore it. */
    @Test
    void sweepDeviceChoice(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("../examples/few-mode-fiber-bpm.yaml"), dir.resolve("d.yaml"));
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: d.yaml\nanalysis: bpm\nparameters:\n"
                + "  - {path: wavelength, values: [1.55 um]}\n");
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sweep", s.toString(), "--device", "gpu:zero", "--out",
                dir.resolve("x").toString()), "--device", "gpu:zero");
        if (!org.glassguide.solver.compute.ComputeBackends.select("auto", n -> { }).name().equals("gpu")) {
            GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("sweep", s.toString(), "--device", "gpu", "--out", dir.resolve("y").toString()),
                    "--device", "auto or cpu here");
        }
        assertTrue(!Files.exists(dir.resolve("x")) && !Files.exists(dir.resolve("y")));
        Files.copy(Path.of("../examples/zn-nd-ic-fiber-loss.yaml"), dir.resolve("l.yaml"));
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: l.yaml\nanalysis: loss\nparameters:\n"
                + "  - {path: loss.length, values: [1 mm]}\n  - {path: wavelength, values: [940 nm]}\n");
        GlassGuideCliTest.Run r = GlassGuideCliTest.run("sweep", s.toString(), "--device", "gpu", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
    }
}
