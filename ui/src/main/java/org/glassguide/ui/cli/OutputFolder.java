package org.glassguide.ui.cli;

import java.nio.file.Path;

import org.glassguide.solver.run.OutputFolders;

/** Where a command writes its output folder: --out, or out/NAME; anything but a missing, empty or GlassGuide output folder is bad input. */
final class OutputFolder {
    private OutputFolder() {
    }

    /** The default folder name for an analysis: NAME-ANALYSIS, or NAME alone when the design's name already ends so (no "x-bpm-bpm"). */
    static String name(String designName, String analysis) {
        return designName.endsWith("-" + analysis) ? designName : designName + "-" + analysis;
    }

    static Path resolve(Path out, String defaultName) {
        Path target = out != null ? out : Path.of("out", defaultName);
        // refused before any work starts: missing, empty or an earlier GlassGuide output folder only
        return OutputFolders.checkWritable("--out", target);
    }
}
