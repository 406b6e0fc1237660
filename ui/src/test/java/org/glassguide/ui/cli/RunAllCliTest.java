package org.glassguide.ui.cli;

import static org.glassguide.ui.cli.GlassGuideCliTest.assertBadInput;
import static org.glassguide.ui.cli.GlassGuideCliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** `glassguide run` runs every analysis a design lists: the others into sub-folders, the same files their own commands write. */
class RunAllCliTest {
    @Test
    void runWritesEveryListedAnalysisAsItsOwnCommandDoes(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("cl.yaml");
        Files.writeString(d, Files.readString(Path.of("../examples/zif62-hfk95n-codraw.yaml")).replace("analyses: [codraw]",
                "analyses: [codraw, loss]"));
        GlassGuideCliTest.Run r = run("run", d.toString(), "--out", dir.resolve("all").toString());
        assertEquals(0, r.code(), r.err());
        // each analysis' own lines, then where its folder went
        assertTrue(r.out().contains("dB/cm") && r.out().contains("loss: ") && r.out().contains("codraw: "), r.out());
        Path all = dir.resolve("all");
        JsonNode summary = new ObjectMapper().readTree(all.resolve("summary.json").toFile());
        for (String a : new String[] {"codraw", "loss"}) {
            assertTrue(Files.isRegularFile(all.resolve(a).resolve("summary.json")), a);
            assertEquals(a + "/", summary.get("analyses").get(a).get("folder").asText());
            assertTrue(summary.get("analyses").get(a).get("summary").size() > 0, a);
            assertTrue(Files.readString(all.resolve("report.md")).contains("(" + a + "/report.md)"), a);
        }
        // the same numbers as the analysis' own command
        GlassGuideCliTest.Run own = run("loss", d.toString(), "--out", dir.resolve("own").toString());
        assertEquals(0, own.code(), own.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("own").resolve("budget.csv")), Files.readAllBytes(all.resolve("loss").resolve("budget.csv")));
        own = run("codraw", d.toString(), "--out", dir.resolve("own-codraw").toString(), "--json");
        assertEquals(0, own.code(), own.err());
        JsonNode ownSummary = new ObjectMapper().readTree(own.out());
        assertEquals(ownSummary.toString(), summary.get("analyses").get("codraw").get("summary").toString());
    }

    @Test
    void aListedAnalysisThatCannotRunStopsTheWholeRunWithNothingWritten(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("cl.yaml");
        // bpm needs a propagation: section, which this design lacks
        Files.writeString(d, Files.readString(Path.of("../examples/zif62-hfk95n-codraw.yaml")).replace("analyses: [codraw]",
                "analyses: [codraw, bpm]"));
        assertBadInput(run("run", d.toString(), "--out", dir.resolve("all").toString()), "propagation");
        assertFalse(Files.exists(dir.resolve("all")));
    }

    /** A propagation through run: its sub-folder holds what `glassguide bpm` writes, and its summary the same loss reading. */
    @Test
    void propagationThroughRunMatchesTheBpmCommand(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("fm.yaml");
        Files.writeString(d, Files.readString(Path.of("../examples/few-mode-fiber-bpm.yaml")).replace("length: 2 mm", "length: 100 um"));
        GlassGuideCliTest.Run r = run("run", d.toString(), "--out", dir.resolve("all").toString());
        assertEquals(0, r.code(), r.err());
        Path bpm = dir.resolve("all").resolve("bpm");
        for (String f : new String[] {"monitors.csv", "end-field.npy", "xz-slice.png", "summary.json", "report.md"}) {
            assertTrue(Files.isRegularFile(bpm.resolve(f)), f);
        }
        GlassGuideCliTest.Run own = run("bpm", d.toString(), "--out", dir.resolve("own").toString());
        assertEquals(0, own.code(), own.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("own").resolve("monitors.csv")), Files.readAllBytes(bpm.resolve("monitors.csv")));
    }
}
