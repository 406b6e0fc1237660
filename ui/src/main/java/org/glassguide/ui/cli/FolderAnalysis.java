package org.glassguide.ui.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;

/**
 * One analysis a design can list, as the command line runs it: the analysis on the design, then its output folder and
 * its summary. Its own command (`glassguide loss` and the like) writes the folder as out/NAME-ANALYSIS; `glassguide run`
 * writes it as a sub-folder of the run's.
 *
 * @param <R> the analysis result
 */
interface FolderAnalysis<R> {
    /** The analysis' name, as a design lists it. */
    String name();

    /** Runs the analysis; {@code progress} shows its progress and carries Ctrl-C as a cancellation. */
    R analyse(Design d, Consumer<String> warnings, ProgressMonitor progress);

    /** Writes the result's folder (whole or not at all). */
    void write(String designName, R result, Path target) throws IOException;

    /** The folder's summary (what --json prints and the run's summary.json holds). */
    Object summary(String designName, R result);

    /** The human-readable lines after a run (the folder's path follows). */
    void print(java.io.PrintWriter out, String designName, R result);
}
