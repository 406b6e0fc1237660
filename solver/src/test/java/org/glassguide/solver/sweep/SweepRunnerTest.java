package org.glassguide.solver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    static final String DESIGN = "format: glassguide/1\nname: f\nstructure:\n  fiber:\n    layers:\n"
            + "      - { material: { index: 1.46 }, diameter: 8 um }\n      - { material: { index: 1.45 }, diameter: 125 um }\n"
            + "    surround: air\nwavelengths: [1550 nm]\nanalyses: [fiber]\n";

    static SweepSpec write(Path dir, String sweepBody) throws IOException {
        Files.writeString(dir.resolve("f.yaml"), DESIGN);
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "format: glassguide-sweep/1\nname: s\ndesign: f.yaml\nanalysis: fiber\n" + sweepBody);
        return SweepReader.read(s);
    }

    @Test
    void crossAndZipEnumerateInOrder(@TempDir Path dir) throws IOException {
        SweepSpec cross = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', values: [6 um, 8 um, 10 um]}\n"
                + "  - {path: wavelength, values: [1310 nm, 1550 nm]}\n");
        List<Map<Parameter, Object>> pts = cross.points();
        assertEquals(6, pts.size());
        assertEquals("6 um", pts.get(0).get(cross.parameters().get(0)));
        assertEquals("1550 nm", pts.get(1).get(cross.parameters().get(1)));
        SweepSpec zip = write(dir, "combine: zip\nparameters:\n  - {path: 'structure.fiber.layers[0].diameter', values: [6 um, 8 um]}\n"
                + "  - {path: wavelength, values: [1310 nm, 1550 nm]}\n");
        assertEquals(2, zip.points().size());
        SweepSpec range = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', range: {from: 4 um, to: 16 um, steps: 3, scale: log}}\n");
        assertEquals(List.of("4 um", "8 um", "16 um"), range.parameters().get(0).values());
    }

    @Test
    void badPathAndBadValueNameTheProblem(@TempDir Path dir) throws IOException {
        SweepSpec s = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[3].diameter', values: [6 um]}\n");
        SweepRunner r = new SweepRunner(s, MaterialLibrary.builtIn());
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> r.designs(s.points()));
        assertTrue(e.getMessage().contains("layers[3]") || e.getMessage().contains("no [3]"), e.getMessage());
        SweepSpec v = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', values: [6 um, 200 um]}\n");
        e = assertThrows(GlassGuideException.class, () -> new SweepRunner(v, MaterialLibrary.builtIn()).designs(v.points()));
        assertTrue(e.getMessage().startsWith("sweep point 2 (diameter = 200 um)"), e.getMessage());
        e = assertThrows(GlassGuideException.class, () -> write(dir, "combine: zip\nparameters:\n  - {path: wavelength, values: [1 um, 2 um]}\n"
                + "  - {path: 'structure.fiber.layers[0].diameter', values: [6 um]}\n"));
        assertEquals(Messages.OUT_OF_RANGE, e.key());
    }

    /** An interrupted sweep, run again, computes only the missing points, and its rows equal an uninterrupted run's. */
    @Test
    void interruptedSweepResumesWhereItStopped(@TempDir Path dir) throws IOException {
        SweepSpec s = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', range: {from: 4 um, to: 40 um, steps: 10}}\n");
        AtomicInteger seen = new AtomicInteger();
        ProgressMonitor stopAfter4 = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
                seen.set((int) done);
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= 4;
            }
        };
        Path folder = dir.resolve("out");
        SweepRunner.Outcome first = new SweepRunner(s, MaterialLibrary.builtIn()).run(folder, 1, w -> { }, stopAfter4);
        assertTrue(first.cancelled());
        assertEquals(4, first.results().size());
        SweepRunner.Outcome second = new SweepRunner(s, MaterialLibrary.builtIn()).run(folder, 2, w -> { }, ProgressMonitor.NONE);
        assertEquals(4, second.reused());
        assertEquals(6, second.computed());
        SweepRunner.Outcome fresh = new SweepRunner(s, MaterialLibrary.builtIn()).run(dir.resolve("fresh"), 2, w -> { }, ProgressMonitor.NONE);
        assertEquals(TidyCsv.write(s, fresh.points(), fresh.results()), TidyCsv.write(s, second.points(), second.results()));
        // a changed sweep starts over
        SweepSpec changed = write(dir, "parameters:\n  - {path: 'structure.fiber.layers[0].diameter', range: {from: 4 um, to: 40 um, steps: 5}}\n");
        SweepRunner.Outcome third = new SweepRunner(changed, MaterialLibrary.builtIn()).run(folder, 2, w -> { }, ProgressMonitor.NONE);
        assertTrue(third.restarted());
        assertEquals(0, third.reused());
    }
}
