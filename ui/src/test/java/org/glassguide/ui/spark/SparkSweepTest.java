package org.glassguide.ui.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.sweep.SweepReader;
import org.glassguide.solver.sweep.SweepRunner;
import org.glassguide.solver.sweep.SweepSpec;
import org.glassguide.solver.sweep.TidyCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep on Spark local[2] and on local threads writes the same results.csv. */
class SparkSweepTest {
    @Test
    void sparkLocalEqualsTheLocalRun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("f.yaml"), "format: glassguide/1\nname: f\nstructure:\n  fiber:\n    layers:\n"
                + "      - { material: ZIF-62, diameter: 8 um }\n      - { material: HFK95N, diameter: 125 um }\n    surround: air\n"
                + "wavelengths: [633 nm]\nanalyses: [fiber]\n");
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "format: glassguide-sweep/1\nname: s\ndesign: f.yaml\nanalysis: fiber\nparameters:\n"
                + "  - {path: 'structure.fiber.layers[0].diameter', range: {from: 1 um, to: 6 um, steps: 6}}\n"
                + "  - {path: wavelength, values: [589 nm, 650 nm]}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSweep.run(new String[] {sweep.toString(), "--out", dir.resolve("spark").toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "local[2]");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        SweepSpec spec = SweepReader.read(sweep);
        SweepRunner.Outcome local = new SweepRunner(spec, MaterialLibrary.builtIn()).run(dir.resolve("local"), 2, w -> { }, ProgressMonitor.NONE);
        String expected = TidyCsv.write(spec, local.points(), local.results());
        assertEquals(13, expected.lines().count());
        assertEquals(expected, Files.readString(dir.resolve("spark").resolve("results.csv")));
        // the same folder as a local sweep: summary with statistics, pictures, provenance
        for (String f : new String[] {"summary.json", "provenance.json", "numericalAperture.png"}) {
            org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(dir.resolve("spark").resolve(f)), f);
        }
        // run again: every point is kept from the progress file, none computed
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        code = SparkSweep.run(new String[] {sweep.toString(), "--out", dir.resolve("spark").toString()}, new PrintStream(again, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "local[2]");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertTrue(again.toString(StandardCharsets.UTF_8).contains("(0 computed, 12 reused)"),
                again.toString(StandardCharsets.UTF_8));
        assertEquals(expected, Files.readString(dir.resolve("spark").resolve("results.csv")));
    }

    @Test
    void badSweepIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "format: glassguide-sweep/1\nname: s\ndesign: missing.yaml\nanalysis: fiber\nparameters: []\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSweep.run(new String[] {sweep.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), "local[1]");
        assertEquals(2, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count());
    }
}
