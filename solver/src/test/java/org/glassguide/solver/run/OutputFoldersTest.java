package org.glassguide.solver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFoldersTest {
    @Test
    void onlyMissingEmptyOrOwnFoldersAreWritable(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("new");
        assertEquals(missing, OutputFolders.checkWritable("--out", missing));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        OutputFolders.checkWritable("--out", empty);
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("summary.json"), "{}");
        Files.createDirectories(own.resolve("pictures"));
        Files.writeString(own.resolve("pictures/a.png"), "x");
        OutputFolders.mark(own);
        OutputFolders.checkWritable("--out", own);
        Files.writeString(own.resolve("pictures/mine.txt"), "user's");
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> OutputFolders.checkWritable("--out", own));
        assertEquals(Messages.OUTPUT_REFUSED, e.key());
        assertEquals(List.of("pictures/mine.txt"), OutputFolders.foreignEntries(own));
        // a forged marker (not GlassGuide's header) makes nothing ours
        Path forged = Files.createDirectories(dir.resolve("forged"));
        Files.writeString(forged.resolve("data.csv"), "1,2");
        Files.writeString(forged.resolve(OutputFolders.MARKER), "data.csv\n");
        assertThrows(GlassGuideException.class, () -> OutputFolders.checkWritable("--out", forged));
    }

    @Test
    void memoryBudgetRefusesWithTheNeedAndTheHeap() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> MemoryBudget.require("a test grid", 1e15, "use less"));
        assertEquals(Messages.NOT_ENOUGH_MEMORY, e.key());
        assertThrows(GlassGuideException.class, () -> MemoryBudget.require("a test grid", Double.NaN, "use less"));
        MemoryBudget.require("a small grid", 1e6, "use less");
    }
}
