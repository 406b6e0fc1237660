package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlassGuideCliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GlassGuideCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Bad input: exit 2, one line on stderr naming the problem, no stack trace. */
    static void assertBadInput(Run r, String... mustContain) {
        assertEquals(2, r.code(), r.err());
        String e = r.err().strip();
        assertEquals(1, e.lines().count(), "one line: " + e);
        assertTrue(e.startsWith("error: "), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        for (String s : mustContain) {
            assertTrue(e.contains(s), "'" + s + "' in: " + e);
        }
    }

    @Test
    void fiberJsonHasTheDocumentedFields() throws IOException {
        Run r = run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "150um", "--clad-diameter", "680um",
                "--wavelength", "589nm", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.600, j.get("numericalAperture").asDouble(), 1e-3);
        double na = j.get("numericalAperture").asDouble();
        assertEquals(Math.toDegrees(Math.asin(na / j.get("nLaunch").asDouble())), j.get("acceptanceHalfAngleDeg").asDouble(), 1e-9);
        double v = j.get("vNumber").asDouble();
        assertEquals(2 * Math.PI * 75e-6 * na / 589e-9, v, 1e-9 * v);
        assertTrue(j.get("cutoffWavelengthLP11M").asDouble() > 0);
        long lp = j.get("guidedLpModeCount").asLong();
        long vec = j.get("guidedVectorModeCount").asLong();
        assertEquals(v * v / 2, vec, 0.02 * v * v / 2);
        assertTrue(lp > 20000);
        JsonNode modes = j.get("modes");
        assertEquals(1000, modes.size());
        assertEquals("LP01", modes.get(0).get("name").asText());
        for (int i = 1; i < modes.size(); i++) {
            assertTrue(modes.get(i).get("nEff").asDouble() <= modes.get(i - 1).get("nEff").asDouble());
        }
    }

    @Test
    void fiberVectorListsHybridModesForASmallFiber() throws IOException {
        Run r = run("fiber", "--core", "1.448918", "--clad", "1.444418", "--core-diameter", "9um", "--wavelength", "800nm",
                "--vector", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("HE11", j.get("modes").get(0).get("name").asText());
        assertEquals(1.4479082, j.get("modes").get(0).get("nEff").asDouble(), 1e-7);
        long total = 0;
        for (JsonNode m : j.get("modes")) {
            String n = m.get("name").asText();
            total += n.startsWith("TE") || n.startsWith("TM") ? 1 : 2;
        }
        assertEquals(j.get("guidedVectorModeCount").asLong(), total);
    }

    @Test
    void fiberTextShowsTheHeadlineNumbers() {
        Run r = run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "150um", "--wavelength", "589nm");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("numerical aperture              0.600000"), r.out());
        assertTrue(r.out().contains("LP01"), r.out());
    }

    @Test
    void badFiberInputs() {
        assertBadInput(run("fiber", "--core", "1.56", "--clad", "1.44", "--core-diameter", "-150um", "--wavelength", "589nm"),
                "--core-diameter", "-150um", "positive");
        assertBadInput(run("fiber", "--core", "1.56", "--clad", "1.44", "--core-diameter", "0um", "--wavelength", "589nm"),
                "--core-diameter");
        assertBadInput(run("fiber", "--core", "1.56", "--clad", "1.44", "--core-diameter", "150um", "--clad-diameter", "100um",
                "--wavelength", "589nm"), "--clad-diameter (100um) must be larger than --core-diameter");
        assertBadInput(run("fiber", "--core", "1.44", "--clad", "1.56", "--core-diameter", "150um", "--wavelength", "589nm"),
                "does not guide by total internal reflection", "NA is undefined");
        assertBadInput(run("fiber", "--core", "ZIF-26", "--clad", "HFK95N", "--core-diameter", "150um", "--wavelength", "589nm"),
                "unknown material \"ZIF-26\"", "did you mean ZIF-62");
        assertBadInput(run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "150um", "--wavelength", "2500nm"),
                "2500 nm", "outside the valid range of ZIF-62", "--allow-extrapolation");
        assertBadInput(run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "150 parsecs", "--wavelength", "589nm"),
                "unknown unit");
        assertBadInput(run("fiber", "--core", "ZIF-62"), "Missing required option");
    }

    @Test
    void extrapolationWarnsInsteadOfFailing() {
        Run r = run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "8um", "--wavelength", "2000nm",
                "--allow-extrapolation");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: extrapolating ZIF-62"), r.err());
    }

    @Test
    void unsupportedRefractiveIndexInfoFormula(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("weird.yml"), "DATA:\n  - type: formula 11\n    wavelength_range: 0.3 2\n    coefficients: 1 2 3\n");
        assertBadInput(run("materials", "list", "--materials", dir.toString()), "formula 11", "is not supported", "weird.yml:2:");
    }

    @Test
    void userMaterialFolderAddsMaterials(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bk7.yml"), "REFERENCES: SCHOTT\nDATA:\n  - type: formula 2\n    wavelength_range: 0.3 2.5\n"
                + "    coefficients: 0 1.03961212 0.00600069867 0.231792344 0.0200179144 1.01046945 103.560653\n");
        Run r = run("fiber", "--core", "bk7", "--clad", "fused silica", "--core-diameter", "50um", "--wavelength", "1064nm",
                "--materials", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"coreMaterial\": \"bk7\""), r.out());
    }

    @Test
    void runWritesTheWholeOutputFolder(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("d.yaml");
        Files.writeString(design, "format: glassguide/1\nname: smf\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: { index: 1.4504 }, diameter: 8.2 um }\n      - { material: fused silica, diameter: 125 um }\n"
                + "wavelengths: [1310 nm, 1550 nm]\nanalyses: [fiber]\n");
        Path out = dir.resolve("out");
        Run r = run("run", design.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.json", "modes.csv", "report.md", "report.html", "index-profile.png", "mode-LP01.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, s.get("fiber").size());
        assertEquals(1310e-9, s.get("fiber").get(0).get("wavelengthM").asDouble(), 1e-15);
        List<String> csv = Files.readAllLines(out.resolve("modes.csv"));
        assertTrue(csv.get(0).startsWith("wavelength_nm,family,name"));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("1550,LP,LP01,")));
    }

    @Test
    void badDesignLeavesNoOutputFolder(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("bad.yaml");
        Files.writeString(design, "format: glassguide/1\nname: bad\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: ZIF-62, diameter: 150 um }\n      - { material: HFK95N, diameter: 100 um }\n"
                + "wavelengths: [589 nm]\n");
        Path out = dir.resolve("out");
        assertBadInput(run("run", design.toString(), "--out", out.toString()), "bad.yaml:7:", "layers[1].diameter (100 um)");
        assertFalse(Files.exists(out));
        Files.writeString(design, "format: glassguide/1\nname: bad\nstructure: [unclosed\n");
        assertBadInput(run("run", design.toString(), "--out", out.toString()), "bad.yaml:", "malformed YAML");
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")));
        }
    }

    @Test
    void modesCommandListsTheDocumentedFields(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("g.yaml");
        Files.writeString(design, "format: glassguide/1\nname: graded\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: ZIF-62, diameter: 20 um, grade: 2 }\n      - { material: HFK95N, diameter: 125 um }\n"
                + "wavelengths: [650 nm]\nanalyses: [modes]\nsolver: { kind: radial, modes: 5 }\n");
        Path out = dir.resolve("out");
        Run r = run("modes", design.toString(), "--json", "--out", out.toString(), "--group-index");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(5, j.get("modes").size());
        JsonNode m = j.get("modes").get(0);
        assertEquals("LP01", m.get("name").asText());
        for (String f : List.of("nEffReal", "nEffImag", "lossDbPerCm", "effectiveAreaM2", "confinement", "groupIndex")) {
            assertTrue(m.has(f) && m.get(f).isNumber(), f);
        }
        // the catalog's 0.72 dB/cm in the core at 650 nm: a fully confined mode loses Gamma * n_core/n_eff * 0.72 dB/cm
        assertEquals(0.72, m.get("lossDbPerCm").asDouble(), 0.01);
        assertTrue(m.get("groupIndex").asDouble() > m.get("nEffReal").asDouble());
        for (String f : List.of("summary.json", "radial-modes.csv", "report.html", "radial-LP01.png", "index-profile.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        assertBadInput(run("modes", design.toString(), "--solver", "fd-magic", "--out", out.toString()),
                "--solver (\"fd-magic\") is not accepted", "radial");
    }

    @Test
    void modesVectorListsHybridModes(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("v.yaml");
        Files.writeString(design, "format: glassguide/1\nname: hc\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: { index: 1.56 }, diameter: 3 um }\n      - { material: { index: 1.44 }, diameter: 125 um }\n"
                + "wavelengths: [1 um]\nanalyses: [modes]\n");
        Run r = run("modes", design.toString(), "--vector", "--json", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode v = new ObjectMapper().readTree(r.out()).get("vectorModes");
        assertEquals("HE11", v.get(0).get("name").asText());
        assertEquals(12, v.size());
    }

    @Test
    void fullVectorialModesWithSymmetryWalls(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("v.yaml");
        String base = "format: glassguide/1\nname: chan\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 2 um, height: 1 um, center: [0 um, 0 um], material: { index: 1.56 } }\n"
                + "wavelengths: [1.55 um]\n";
        Path out = dir.resolve("o");
        Files.writeString(design, base + "solver: { kind: fd-vector, window: [6 um, 5 um], step: 0.08 um, modes: 1, symmetry: x-pec y-pmc }\n");
        Run te = run("modes", design.toString(), "--json", "--out", out.toString());
        assertEquals(0, te.code(), te.err());
        JsonNode m = new ObjectMapper().readTree(te.out()).get("modes").get(0);
        assertTrue(m.get("teFraction").asDouble() > 0.9, "x-polarised family: " + m);
        for (String f : List.of("fd-mode-1.png", "fd-mode-1-ex.png", "fd-mode-1-ey.png", "fd-modes.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        Files.writeString(design, base + "solver: { kind: fd-vector, window: [6 um, 5 um], step: 0.08 um, modes: 1, symmetry: x-pmc y-pec }\n");
        Run tm = run("modes", design.toString(), "--json", "--out", dir.resolve("o2").toString());
        assertEquals(0, tm.code(), tm.err());
        JsonNode n = new ObjectMapper().readTree(tm.out()).get("modes").get(0);
        assertTrue(n.get("teFraction").asDouble() < 0.1, "y-polarised family: " + n);
        // quasi-TE above quasi-TM for a guide wider than tall
        assertTrue(m.get("nEffReal").asDouble() > n.get("nEffReal").asDouble());
        Files.writeString(design, base + "solver: { kind: fd-vector, window: [6 um, 5 um], step: 0.08 um, symmetry: even-x }\n");
        assertBadInput(run("modes", design.toString(), "--out", dir.resolve("o3").toString()), "symmetry", "x-pec");
    }

    @Test
    void bpmRunsTheExampleAndRejectsBadInput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("bpm");
        Run r = run("bpm", "../examples/few-mode-fiber-bpm.yaml", "--json", "--out", out.toString(), "--precision", "float");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : List.of("lossDbPerCm", "powerConservationError", "measuredNA", "referenceIndex", "cellStepsPerSecond")) {
            assertTrue(j.has(k), k);
        }
        // the fiber's NA is 0.17: the end face's light stays within it
        assertTrue(j.get("measuredNA").asDouble() > 0.05 && j.get("measuredNA").asDouble() < 0.2, j.toString());
        for (String f : List.of("summary.json", "monitors.csv", "xz-slice.png", "near-field.png", "far-field.png", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        String base = Files.readString(Path.of("../examples/few-mode-fiber-bpm.yaml"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, base.replace("step: 0.2 um", "step: 2 um"));
        assertBadInput(run("bpm", bad.toString(), "--out", dir.resolve("b1").toString()), "propagation.step", "transverse period");
        Files.writeString(bad, base.replace("pml: 3 um", "pml: 0.3 um"));
        assertBadInput(run("bpm", bad.toString(), "--out", dir.resolve("b2").toString()), "propagation.pml", "wavelength");
        Files.writeString(bad, base.replace("waist: 3 um", "waist: 30 um"));
        assertBadInput(run("bpm", bad.toString(), "--out", dir.resolve("b3").toString()), "waist", "inside the window");
        Files.writeString(bad, base.replace("wide-angle: pade11", "wide-angle: pade33"));
        assertBadInput(run("bpm", bad.toString(), "--out", dir.resolve("b4").toString()), "wide-angle", "pade22");
        assertFalse(Files.exists(dir.resolve("b1")) || Files.exists(dir.resolve("b4")), "nothing written on bad input");
        // --device: gpu:N must name a number; where no GPU is usable, gpu is an error giving the reason
        assertBadInput(run("bpm", "../examples/few-mode-fiber-bpm.yaml", "--device", "gpu:one", "--out", dir.resolve("b6").toString()),
                "--device", "gpu:one");
        if (!org.glassguide.solver.compute.ComputeBackends.select("auto", n -> { }).name().equals("gpu")) {
            assertBadInput(run("bpm", "../examples/few-mode-fiber-bpm.yaml", "--device", "gpu", "--out", dir.resolve("b7").toString()),
                    "--device", "auto or cpu here");
            assertTrue(r.err().contains("note: running on the CPU"), "auto falls back with a notice: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("b6")) || Files.exists(dir.resolve("b7")), "nothing written on a bad device");
        Files.writeString(bad, base.replace("  launch:", "  index-function: { n: \"1.46 + * x\" }\n  launch:"));
        assertBadInput(run("bpm", bad.toString(), "--out", dir.resolve("b5").toString()), "index-function", "column");
        // the propagation constants of the run: its correlation spectrum's strongest peak is LP01, whose
        // n_eff the imaginary-distance finder on the same grid gives as well
        double lp01 = j.get("propagationConstants").get("modes").get(0).get("nEff").asDouble();
        Path modeOut = dir.resolve("mode");
        Run m = run("bpm", "../examples/few-mode-fiber-bpm.yaml", "--find-mode", "--json", "--out", modeOut.toString());
        assertEquals(0, m.code(), m.err());
        double found = new ObjectMapper().readTree(m.out()).get("nEff").asDouble();
        double resolution = j.get("propagationConstants").get("indexResolution").asDouble();
        assertEquals(found, lp01, 0.05 * resolution);
        assertTrue(Files.size(modeOut.resolve("mode.png")) > 100);
    }

    @Test
    void bpmSpliceReportsThePowerTheJointKeeps(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("splice");
        Run r = run("bpm", "../examples/spliced-fiber-bpm.yaml", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode joint = j.get("splices").get(0);
        // Gaussian-mode estimate for this joint (the example's comment): 0.897; the true mode is not Gaussian
        double kept = joint.get("mode1PowerKept").asDouble();
        assertTrue(kept > 0.85 && kept < 0.94, joint.toString());
        assertEquals(-10 * Math.log10(kept), joint.get("mode1LossDb").asDouble(), 1e-12);
        // a joint moves power out of the core, never into a lossless guide's total
        assertTrue(joint.get("regionPowerAfter").asDouble() < joint.get("regionPowerBefore").asDouble());
        assertFalse(j.has("propagationConstants"), "a spliced guide is not z-invariant: no correlation spectrum");
    }

    @Test
    void bpmSemiVectorialRunsThroughTheDesign(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("te.yaml");
        Files.writeString(design, "format: glassguide/1\nname: te\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1.2 um, height: 0.6 um, material: { index: 2.0 } }\nwavelengths: [1.55 um]\nanalyses: [bpm]\n"
                + "propagation:\n  length: 20 um\n  dz: 0.1 um\n  window: [4 um, 3.2 um]\n  step: 0.04 um\n  pml: 0 um\n"
                + "  wide-angle: none\n  polarization: te\n  modal-spectrum: 1\n  monitor-every: 1 um\n  launch: { mode: 1 }\n");
        Run r = run("bpm", design.toString(), "--json", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("te", j.get("polarization").asText());
        // the quasi-TE mode launched with the same polarization stays that mode
        JsonNode m = j.get("modalSpectrum").get(0);
        assertEquals(1, m.get("endPower").asDouble() / m.get("launchPower").asDouble(), 1e-4);
        assertTrue(j.get("powerConservationError").asDouble() < 1e-4, j.toString());
        // wide-angle: the unsplit Pade (1,1) and (2,2) steps run semi-vectorially; the split step is refused with what is accepted
        Files.writeString(design, Files.readString(design).replace("wide-angle: none", "wide-angle: pade11").replace("length: 20 um", "length: 2 um"));
        for (String wa : List.of("pade11", "pade22")) {
            Files.writeString(design, Files.readString(design).replace("wide-angle: pade11", "wide-angle: " + wa));
            Run wide = run("bpm", design.toString(), "--json", "--out", dir.resolve("o1" + wa).toString());
            assertEquals(0, wide.code(), wide.err());
            JsonNode w = new ObjectMapper().readTree(wide.out()).get("modalSpectrum").get(0);
            assertEquals(1, w.get("endPower").asDouble() / w.get("launchPower").asDouble(), 1e-4, wa);
        }
        Files.writeString(design, Files.readString(design).replace("wide-angle: pade22", "wide-angle: pade22\n  wide-angle-solve: split"));
        assertBadInput(run("bpm", design.toString(), "--out", dir.resolve("o2").toString()), "polarization", "wide-angle-solve: unsplit");
    }

    @Test
    void benchBpmPrintsOneJsonObject() throws IOException {
        Run r = run("bench", "bpm", "--grid", "64", "--threads", "1", "--precision", "double", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : List.of("cellStepsPerSecond", "cellStepsPerSecondSlowest", "cellStepsPerSecondFastest", "grid", "precision",
                "threads", "steps", "heapBytesPerCell")) {
            assertTrue(j.has(k), k);
        }
        assertEquals(64, j.get("grid").asInt());
        double median = j.get("cellStepsPerSecond").asDouble();
        assertTrue(j.get("cellStepsPerSecondSlowest").asDouble() <= median && median <= j.get("cellStepsPerSecondFastest").asDouble());
        assertBadInput(run("bench", "bpm", "--grid", "2"), "--grid", "");
    }

    @Test
    void modesOnAWaveguideCrossSection(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("w.yaml");
        String base = "format: glassguide/1\nname: chan\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 2 um, height: 1 um, center: [0 um, 0 um], material: { index: 1.56 } }\n"
                + "wavelengths: [1.55 um]\n";
        Files.writeString(design, base + "solver: { kind: fd-scalar, window: [6 um, 5 um], step: 0.08 um, modes: 2 }\n");
        Path out = dir.resolve("o");
        Run r = run("modes", design.toString(), "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode m = j.get("modes").get(0);
        assertEquals("FD1", m.get("name").asText());
        assertTrue(m.get("nEffReal").asDouble() > 1.44 && m.get("nEffReal").asDouble() < 1.56);
        assertEquals(0, m.get("nEffImag").asDouble(), 1e-12, "lossless guide with metal walls");
        for (String f : List.of("summary.json", "fd-modes.csv", "index-map.png", "fd-mode-1.png", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        Files.writeString(design, base + "solver: { kind: fd-scalar, window: [6 um, 5 um], step: 0.2 um }\n");
        assertBadInput(run("modes", design.toString(), "--out", out.toString()), "solver.step", "points per wavelength");
        Files.writeString(design, base + "solver: { kind: fd-scalar, window: [6 um, 5 um], step: 0.08 um, pml: 0.5 um }\n");
        assertBadInput(run("modes", design.toString(), "--out", out.toString()), "solver.pml", "at least one wavelength");
        Files.writeString(design, base + "solver: { kind: fd-scalar, window: [6 um, 5 um], step: 0.08 um, target: 1.7 }\n");
        assertBadInput(run("modes", design.toString(), "--out", out.toString()), "solver.target", "between the lowest");
        Files.writeString(design, base + "solver: { kind: radial }\n");
        assertBadInput(run("modes", design.toString(), "--out", out.toString()), "radial needs a fiber");
    }

    @Test
    void bendRadiusSweepWritesTheLossCurve(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sweep");
        Run r = run("modes", Path.of(System.getProperty("user.dir")).getParent().resolve("examples/bent-channel.yaml").toString(),
                "--bend-radius", "30um,20um", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("bend-sweep.csv"));
        assertEquals(3, csv.size());
        double loss30 = Double.parseDouble(csv.get(1).split(",")[4]);
        double loss20 = Double.parseDouble(csv.get(2).split(",")[4]);
        assertTrue(loss20 > loss30, csv.toString());
        assertTrue(Files.size(out.resolve("bend-loss.png")) > 1000);
    }

    @Test
    void indexMapFromCsv(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("# 8 x 6 cells, 1 = core\n");
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 8; c++) {
                csv.append(c >= 3 && c <= 4 && r >= 2 && r <= 3 ? 1 : 0).append(c < 7 ? "," : "\n");
            }
        }
        Files.writeString(dir.resolve("guide.csv"), csv.toString());
        Path design = dir.resolve("m.yaml");
        String head = "format: glassguide/1\nname: mapped\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n";
        Files.writeString(design, head + "      - map: { file: guide.csv, x: [-4 um, 4 um], y: [-3 um, 3 um], materials: { 0: { index: 1.44 }, 1: { index: 1.56 } } }\n"
                + "wavelengths: [1.55 um]\nsolver: { kind: fd-scalar, window: [8 um, 6 um], step: 0.08 um, modes: 1 }\n");
        Run r = run("modes", design.toString(), "--json", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        double n = new ObjectMapper().readTree(r.out()).get("modes").get(0).get("nEffReal").asDouble();
        assertTrue(n > 1.44 && n < 1.56);
        Files.writeString(dir.resolve("guide.csv"), csv.toString().replaceFirst(",1,", ",7,"));
        assertBadInput(run("modes", design.toString(), "--out", dir.resolve("o").toString()), "guide.csv:4:4", "material id (\"7\")");
    }

    @Test
    void mirrorSymmetryKeepsTheModeAndReportsTheWholeWindow(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("s.yaml");
        String base = "format: glassguide/1\nname: sym\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 2 um, height: 1 um, center: [0 um, 0 um], material: { index: 1.56 } }\n"
                + "wavelengths: [1.55 um]\nsolver: { kind: fd-semivector, window: [8 um, 6 um], step: 0.08 um, pml: 1.6 um, modes: 1";
        Files.writeString(design, base + ", symmetry: none }\n");
        JsonNode whole = new ObjectMapper().readTree(run("modes", design.toString(), "--json", "--out", dir.resolve("a").toString()).out());
        JsonNode full = whole.get("modes").get(0);
        assertTrue(whole.get("symmetry").asText().startsWith("none"), whole.get("symmetry").asText());
        // one class: solved on half of the window, reported on all of it
        Files.writeString(design, base + ", symmetry: even-x }\n");
        Run r = run("modes", design.toString(), "--json", "--out", dir.resolve("b").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode half = new ObjectMapper().readTree(r.out());
        assertEquals(100, half.get("gridNx").asInt());
        assertEquals(75, half.get("gridNy").asInt());
        assertEquals("even-x", half.get("modes").get(0).get("symmetryClass").asText());
        assertEquals(full.get("nEffReal").asDouble(), half.get("modes").get(0).get("nEffReal").asDouble(), 1e-10);
        assertEquals(full.get("effectiveAreaM2").asDouble(), half.get("modes").get(0).get("effectiveAreaM2").asDouble(),
                1e-6 * full.get("effectiveAreaM2").asDouble());
        // auto: 75 rows put y = 0 inside a row, so the window grows by one row (6.08 um) and a quarter is solved; the same
        // mode as the whole 6.08 um window
        Files.writeString(design, base.replace("window: [8 um, 6 um]", "window: [8 um, 6.08 um]") + ", symmetry: none }\n");
        JsonNode tall = new ObjectMapper().readTree(run("modes", design.toString(), "--json", "--out", dir.resolve("c").toString()).out())
                .get("modes").get(0);
        Files.writeString(design, base + " }\n");
        r = run("modes", design.toString(), "--json", "--out", dir.resolve("d").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode auto = new ObjectMapper().readTree(r.out());
        assertEquals(76, auto.get("gridNy").asInt());
        assertTrue(auto.get("symmetry").asText().startsWith("mirror planes x = 0 and y = 0"), auto.get("symmetry").asText());
        assertTrue(auto.get("warnings").toString().contains("widened from 8 x 6 um to 8 x 6.08 um"), auto.get("warnings").toString());
        assertEquals("even-x even-y", auto.get("modes").get(0).get("symmetryClass").asText());
        assertEquals(tall.get("nEffReal").asDouble(), auto.get("modes").get(0).get("nEffReal").asDouble(), 1e-10);
    }

    @Test
    void gradedLayersAreRefusedByTheExactStepIndexAnalysis(@TempDir Path dir) throws IOException {
        Path design = dir.resolve("g.yaml");
        Files.writeString(design, "format: glassguide/1\nname: graded\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: ZIF-62, diameter: 20 um, grade: 2 }\n      - { material: HFK95N, diameter: 125 um }\n"
                + "wavelengths: [650 nm]\nanalyses: [fiber]\n");
        assertBadInput(run("run", design.toString(), "--out", dir.resolve("o").toString()), "graded", "analyses: [modes]");
    }

    @Test
    void validatePrintsItsTableAndExitCode() {
        // every case is run by ValidationCasesTest (and `glassguide validate` in CI): here the command's own contract
        Run r = run("validate", "--case", "lp-cutoffs");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("PASS") && r.out().contains("| lp-cutoffs"), r.out());
        assertFalse(r.out().contains("FAIL"));
        assertBadInput(run("validate", "--case", "no-such-case"), "--case", "no-such-case");
    }

    @Test
    void materialsListShowAndPlot(@TempDir Path dir) throws IOException {
        Run list = run("materials", "list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("ZIF-62") && list.out().contains("HFK95N") && list.out().contains("assumed"));
        Run show = run("materials", "show", "Zn-Nd-IC");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("Dai, Zhou, Yan"), show.out());
        assertTrue(show.out().contains("plqy = 0.057"), show.out());
        Path png = dir.resolve("nd.png");
        Run plot = run("materials", "plot", "Zn-Nd-IC", "--out", png.toString());
        assertEquals(0, plot.code(), plot.err());
        assertTrue(Files.size(png) > 1000);
        assertBadInput(run("materials", "show", "ZIF62x"), "did you mean");
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version").code());
        for (String c : List.of("fiber", "run", "modes", "materials", "validate", "bench")) {
            Run r = run(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().contains("Usage:"), c);
        }
    }
}
