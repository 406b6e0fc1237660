package org.glassguide.ui.cli;

import static org.glassguide.ui.cli.GlassGuideCliTest.assertBadInput;
import static org.glassguide.ui.cli.GlassGuideCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.glassguide.solver.run.OutputFolders;
import org.glassguide.ui.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection as a careless user (and an unlucky machine) would do it: every case in a folder of its own, and
 * each checks the promise, not only the exit code — a refusal is one line with exit 2, and no file the user owns
 * (outside an output folder GlassGuide made) changes by a byte.
 */
class FaultInjectionTest {
    static final String DESIGN = "format: glassguide/1\nname: smf\nstructure:\n  fiber:\n    layers:\n"
            + "      - { material: { index: 1.4504 }, diameter: 8.2 um }\n      - { material: fused silica, diameter: 125 um }\n"
            + "wavelengths: [1550 nm]\nanalyses: [fiber]\n";

    /** Every regular file under a folder with its bytes: compared before and after a case. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : "<dir>");
            }
        }
        return m;
    }

    static Path design(Path dir) throws IOException {
        Path d = dir.resolve("smf.yaml");
        Files.writeString(d, DESIGN);
        return d;
    }

    @Test
    void outNeverReplacesAFolderGlassGuideDidNotWrite(@TempDir Path dir) throws IOException {
        Path d = design(dir);
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
        Map<String, String> before = snapshot(dir);
        assertBadInput(run("run", d.toString(), "--out", precious.toString()), "--out", "precious", "did not write", "thesis.tex");
        // the folder holding the design
        assertBadInput(run("run", d.toString(), "--out", dir.toString()), "--out", "smf.yaml");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void dangerousOutNamesAreRefused(@TempDir Path dir) throws IOException {
        Path d = design(dir);
        Map<String, String> before = snapshot(dir);
        assertBadInput(run("run", d.toString(), "--out", ""), "--out", "empty name");
        assertBadInput(run("run", d.toString(), "--out", "/"), "root folder");
        assertBadInput(run("run", d.toString(), "--out", "."), "working folder");
        assertBadInput(run("run", d.toString(), "--out", ".."), "working folder");
        assertBadInput(run("run", d.toString(), "--out", System.getProperty("user.home")), "home folder");
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, Files.createDirectories(dir.resolve("target")));
        assertBadInput(run("run", d.toString(), "--out", link.toString()), "symbolic link");
        Files.writeString(dir.resolve("plain"), "a file");
        assertBadInput(run("run", d.toString(), "--out", dir.resolve("plain").toString()), "not a folder");
        before.put("link", "<dir>");
        before.put("target", "<dir>");
        before.put("plain", "a file");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void ownOutputFolderIsReplacedButNotWhatTheUserAddedToIt(@TempDir Path dir) throws IOException {
        Path d = design(dir);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", d.toString(), "--out", out.toString()).code());
        assertTrue(Files.isRegularFile(out.resolve(OutputFolders.MARKER)));
        assertEquals(0, run("run", d.toString(), "--out", out.toString()).code(), "an earlier output folder is replaced");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Map<String, String> before = snapshot(dir);
        assertBadInput(run("run", d.toString(), "--out", out.toString()), "notes.txt", "did not write");
        assertEquals(before, snapshot(dir));
        // an empty folder the user made is fine
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, run("run", d.toString(), "--out", empty.toString()).code());
        assertTrue(Files.isRegularFile(empty.resolve("summary.json")));
    }

    @Test
    void aLoneOutputFileReplacesOnlyGlassGuidesOwnPicture(@TempDir Path dir) throws IOException {
        Path mine = dir.resolve("mine.png");
        Files.writeString(mine, "not a GlassGuide picture");
        Path folder = Files.createDirectories(dir.resolve("folder.png"));
        Map<String, String> before = snapshot(dir);
        assertBadInput(run("materials", "plot", "ZIF-62", "--out", mine.toString()), "not a picture GlassGuide wrote");
        assertBadInput(run("materials", "plot", "ZIF-62", "--out", folder.toString()), "a folder");
        if (Files.exists(Path.of("/dev/null"))) {
            assertBadInput(run("materials", "plot", "ZIF-62", "--out", "/dev/null"), "not a regular file");
        }
        assertBadInput(run("materials", "plot", "ZIF-62", "--out", ""), "name a file");
        assertEquals(before, snapshot(dir));
        Path own = dir.resolve("own.png");
        assertEquals(0, run("materials", "plot", "ZIF-62", "--out", own.toString()).code());
        assertEquals(0, run("materials", "plot", "ZIF-62", "--out", own.toString()).code(), "its own picture is replaced");
    }

    @Test
    void fullDiskOrReadOnlyTargetLeavesNothingHalfWritten(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        RunReport.writeFolder(out, tmp -> Files.writeString(tmp.resolve("a.txt"), "first"));
        Map<String, String> before = snapshot(dir);
        for (String reason : List.of("No space left on device", "Read-only file system")) {
            FileSystemException full = new FileSystemException(out.resolve("b.png").toString(), null, reason);
            IOException e = assertThrows(IOException.class, () -> RunReport.writeFolder(out, tmp -> {
                Files.writeString(tmp.resolve("b.png"), "half");
                throw full;
            }));
            String line = GlassGuideCli.environmentProblem(e);
            assertTrue(line != null && line.contains(reason.startsWith("No") ? "no space left" : "read-only") && !line.contains("\n"), line);
            // the earlier folder is whole and no hidden partial folder is left beside it
            assertEquals(before, snapshot(dir));
        }
        assertTrue(GlassGuideCli.environmentProblem(new OutOfMemoryError()).contains("GLASSGUIDE_JAVA_OPTS"));
        assertTrue(GlassGuideCli.environmentProblem(new java.nio.file.AccessDeniedException("/x")).contains("permission denied"));
    }

    @Test
    void brokenInputFilesAreOneLineRefusals(@TempDir Path dir) throws IOException {
        Path alias = dir.resolve("alias.yaml");
        Files.writeString(alias, "format: glassguide/1\nname: x\ndescription: &r [*r]\n");
        assertBadInput(run("run", alias.toString(), "--out", dir.resolve("o").toString()), "contains itself through an alias");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "format: glassguide/1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(run("run", latin1.toString(), "--out", dir.resolve("o").toString()), "not UTF-8", "save it as UTF-8");
        Path folder = Files.createDirectories(dir.resolve("folder.yaml"));
        assertBadInput(run("run", folder.toString(), "--out", dir.resolve("o").toString()), "is a folder");
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(9 << 20) + "\n");
        long t0 = System.nanoTime();
        assertBadInput(run("run", huge.toString(), "--out", dir.resolve("o").toString()), "too large", "8 MiB");
        assertTrue(System.nanoTime() - t0 < 10e9, "refused before parsing");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void absurdSizesAndIndicesAreRefusedUpFront() {
        assertBadInput(run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "1e300um", "--wavelength", "589nm"),
                "needs about", "memory");
        assertBadInput(run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "10mm", "--wavelength", "589nm"),
                "V = 3.200e+04", "needs about");
        assertBadInput(run("fiber", "--core", "1e308", "--clad", "HFK95N", "--core-diameter", "10um", "--wavelength", "589nm"),
                "refractive index", "up to 20");
    }

    @Test
    void hugeGridsAreRefusedBeforeAllocation(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("bpm.yaml");
        String text = Files.readString(Path.of("../examples/few-mode-fiber-bpm.yaml")).replace("step: 0.2 um", "step: 0.0015 um");
        Files.writeString(d, text);
        long t0 = System.nanoTime();
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o").toString()), "propagation grid 20000 x 20000", "needs about", "-Xmx");
        assertBadInput(run("bpm", d.toString(), "--find-mode", "--out", dir.resolve("o").toString()), "needs about");
        assertTrue(System.nanoTime() - t0 < 20e9, "refused at once");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void badRefractiveIndexInfoPagesAreRefused(@TempDir Path dir) throws IOException {
        Map<String, String> pages = Map.of(
                "nan.yml", "DATA:\n  - type: tabulated n\n    data: |\n      0.5 1.5\n      0.6 NaN\n",
                "hex.yml", "DATA:\n  - type: tabulated n\n    data: |\n      0.5 0x1.8p0\n      0.6 1.5\n",
                "negk.yml", "DATA:\n  - type: tabulated nk\n    data: |\n      0.5 1.5 -0.1\n      0.6 1.5 0\n",
                "negwl.yml", "DATA:\n  - type: tabulated n\n    data: |\n      -0.5 1.5\n      0.6 1.5\n",
                "count.yml", "DATA:\n  - type: formula 2\n    wavelength_range: 0.3 2.5\n    coefficients: 0 1.04 0.006 0.23\n",
                "pole.yml", "DATA:\n  - type: formula 2\n    wavelength_range: 0.3 2.5\n    coefficients: 0 1.0 1.0\n");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Path f = dir.resolve(p.getKey());
            Files.writeString(f, p.getValue());
            assertBadInput(run("materials", "import", f.toString(), "--into", dir.resolve("mats").toString()), p.getKey());
        }
        assertFalse(Files.exists(dir.resolve("mats")), "nothing imported");
    }

    @Test
    void echoedValuesAreCappedAndEscaped(@TempDir Path dir) {
        GlassGuideCliTest.Run r = run("fiber", "--core", "ZIF-62", "--clad", "HFK95N", "--core-diameter", "x".repeat(100_000),
                "--wavelength", "589nm");
        assertBadInput(r, "characters)");
        assertTrue(r.err().length() < 2000, "capped: " + r.err().length());
        GlassGuideCliTest.Run bidi = run("fiber", "--core", "ZIF\u202E-62", "--clad", "HFK95N", "--core-diameter", "10um", "--wavelength", "589nm");
        assertBadInput(bidi, "\\u202E");
        assertFalse(bidi.err().contains("\u202E"));
    }

    @Test
    void uselessOrBadOptionsAreRefusedOrNoted() {
        assertBadInput(run("bench", "fiber", "--repeat", "0"), "--repeat", "1 to 1000");
    }

    @Test
    void gainRefusesPowersAndDensitiesNoGlassReaches(@TempDir Path dir) throws IOException {
        String base = Files.readString(Path.of("../examples/yb-double-clad-amplifier.yaml"));
        Path d = dir.resolve("g.yaml");
        Files.writeString(d, base.replace("concentration: 3e25 m^-3", "concentration: 3e28 m^-3"));
        assertBadInput(run("gain", d.toString(), "--out", dir.resolve("o").toString()), "concentration", "1e28");
        Files.writeString(d, base.replaceFirst("power: [0-9.]+ ?[mW]+", "power: 1e30 W"));
        assertBadInput(run("gain", d.toString(), "--out", dir.resolve("o").toString()), "power", "1 MW");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aSweepWithAWrongOutputNameStopsWithExit2(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.yaml"), DESIGN);
        Files.writeString(dir.resolve("s.yaml"), "format: glassguide-sweep/1\nname: s\ndesign: d.yaml\nanalysis: fiber\n"
                + "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', values: [6 um, 8 um]}\noutputs: [noSuchOutput]\n");
        GlassGuideCliTest.Run r = run("sweep", dir.resolve("s.yaml").toString(), "--out", dir.resolve("o").toString());
        assertBadInput(r, "noSuchOutput");
    }

    @Test
    void hiddenPartialFoldersNeverStayBehind(@TempDir Path dir) throws IOException {
        Path d = design(dir);
        run("run", d.toString(), "--out", dir.resolve("out").toString());
        Files.createDirectories(dir.resolve("precious")).resolve("keep.txt").toFile().createNewFile();
        run("run", d.toString(), "--out", dir.resolve("precious").toString());
        List<String> hidden = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().contains(".partial-") || p.getFileName().toString().contains(".old-"))
                    .forEach(p -> hidden.add(p.toString()));
        }
        assertEquals(List.of(), hidden);
    }

    @Test
    void fdSolversRefuseGridsThatCannotFit(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("fd.yaml");
        Files.writeString(d, Files.readString(Path.of("../examples/buried-channel.yaml")).replace("step: 0.06 um", "step: 0.0004 um"));
        assertBadInput(run("modes", d.toString(), "--out", dir.resolve("o").toString()), "25000 x 25000", "needs about");
        Files.writeString(d, Files.readString(Path.of("../examples/buried-channel-vector.yaml")).replace("step: 0.02 um", "step: 0.001 um"));
        assertBadInput(run("modes", d.toString(), "--out", dir.resolve("o").toString()), "needs about", "memory");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void physicalImpossibilitiesAreRefusedOrFlagged(@TempDir Path dir) throws IOException {
        String fmf = Files.readString(Path.of("../examples/few-mode-fiber-bpm.yaml"));
        Path d = dir.resolve("d.yaml");
        // an anti-guide has no fundamental mode, whatever the imaginary-distance search settles on
        Files.writeString(d, fmf.replace("index: 1.46 }, diameter: 8 um", "index: 1.44 }, diameter: 8 um"));
        assertBadInput(run("bpm", d.toString(), "--find-mode", "--out", dir.resolve("o").toString()), "guides no mode");
        // a reference index far above every index in the window is flagged
        Files.writeString(d, fmf.replace("wide-angle: pade11", "wide-angle: pade11\n  reference-index: 3.0").replace("length: 2 mm", "length: 20 um")
                .replace("modal-spectrum: 4", "modal-spectrum: 0"));
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("reference-index 3.0000 lies outside the indices of the window"), r.err());
        // an index function leaving n > 0
        Files.writeString(d, Files.readString(Path.of("../examples/grin-lens-bpm.yaml")).replaceFirst("n: \"[^\"]+\"", "n: \"-1.45\""));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o2").toString()), "index-function", "n = -1.45");
        // a calibration point at 1e-300 nm
        Files.writeString(d, Files.readString(Path.of("../examples/zn-nd-ic-fiber-loss.yaml")).replace("[819 nm, 0.978 dB/mm]", "[1e-300 nm, 0.978 dB/mm]"));
        assertBadInput(run("loss", d.toString(), "--out", dir.resolve("o3").toString()), "1e-300 nm", "1 nm to 1 mm");
        assertFalse(Files.exists(dir.resolve("o2")) || Files.exists(dir.resolve("o3")));
    }

    @Test
    void materialFilesWithPolesOrShadowsAreRefusedOrNamed(@TempDir Path dir) throws IOException {
        Path mats = Files.createDirectories(dir.resolve("mats"));
        // a Sellmeier term with its pole (B/(lambda^2 - C), C = 1 um^2) inside 0.4-2 um
        Files.writeString(mats.resolve("polar.yaml"), "format: glassguide-material/1\nname: polar\nindex:\n  model: sellmeier\n"
                + "  B: [1.0]\n  C: [1.0]\n  range: [400 nm, 2000 nm]\n  assumed: a test glass\n");
        GlassGuideCliTest.Run r = run("materials", "list", "--materials", mats.toString());
        assertBadInput(r, "polar.yaml", "pole");
        Files.delete(mats.resolve("polar.yaml"));
        Files.writeString(mats.resolve("zif.yml"), "REFERENCES: a test\nDATA:\n  - type: tabulated n\n    data: |\n      0.5 1.5\n      0.7 1.49\n"
                + "  - type: formula 1\n    wavelength_range: 0.4 0.8\n    coefficients: 0 1.2 0.01\n");
        Files.move(mats.resolve("zif.yml"), mats.resolve("ZIF-62.yml"));
        r = run("materials", "show", "ZIF-62", "--materials", mats.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("replaces \"ZIF-62\""), r.err());
        r = run("materials", "import", mats.resolve("ZIF-62.yml").toString(), "--check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("shadows the catalog material") && r.err().contains("n from DATA[1] (formula 1)")
                && r.err().contains("DATA[0] (tabulated n) not used"), r.err());
    }

    @Test
    void sweepsSayWhatTheyIgnoreAndFailLoudly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.yaml"), DESIGN);
        // every point's core index below the cladding's: every point fails at its analysis
        Files.writeString(dir.resolve("s.yaml"), "format: glassguide-sweep/1\nname: s\ndesign: d.yaml\nanalysis: fiber\n"
                + "parameters:\n  - {path: 'structure.fiber.layers[0].material.index', values: [1.40, 1.41]}\n");
        GlassGuideCliTest.Run r = run("sweep", dir.resolve("s.yaml").toString(), "--device", "gpu", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--device gpu is ignored"), r.err());
        assertTrue(r.err().contains("every point of the sweep failed"), r.err());
    }

    @Test
    void aTornResumeLineIsRecomputedNotRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.yaml"), DESIGN);
        Files.writeString(dir.resolve("s.yaml"), "format: glassguide-sweep/1\nname: s\ndesign: d.yaml\nanalysis: fiber\n"
                + "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', values: [6 um, 7 um, 8 um]}\n");
        Path out = dir.resolve("o");
        assertEquals(0, run("sweep", dir.resolve("s.yaml").toString(), "--threads", "1", "--out", out.toString()).code());
        String fresh = Files.readString(out.resolve("results.csv"));
        Path progress = out.resolve("points.partial");
        String text = Files.readString(progress);
        // power lost while the last record was written: its line ends in the middle of a number
        Files.writeString(progress, text.substring(0, text.stripTrailing().lastIndexOf("E-") + 1));
        GlassGuideCliTest.Run r = run("sweep", dir.resolve("s.yaml").toString(), "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 computed now") && r.out().contains("2 from an earlier run"), r.out());
        assertEquals(fresh, Files.readString(out.resolve("results.csv")));
    }
}
