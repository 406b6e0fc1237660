package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.ui.report.Json;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that reads a design, runs one registered analysis on it and writes its folder, out/NAME-ANALYSIS (codraw,
 * loss, emission, sensor, gain): the shortcut for `glassguide run` of that analysis alone, through the same code. The
 * design is read and checked before anything is written, and --json prints the folder's summary.
 */
abstract class DesignFolderCommand implements Callable<Integer> {
    private final String analysis;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Design file (format: glassguide/1).")
    Path designFile;

    @Mixin
    OutputOptions output;

    @Mixin
    LibraryOptions libraryOptions;

    DesignFolderCommand(String analysis) {
        this.analysis = analysis;
    }

    @Override
    public final Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = libraryOptions.apply(new DesignReader(libraryOptions.library()).read(designFile));
        AnalysisRun<?> run = AnalysisRun.of(analysis, d, designFile.toString(), "auto");
        Path target = output.target(OutputFolder.name(d.name(), analysis));
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        // Ctrl-C cancels the analysis; during the writing the hook waits, so the folder lands whole or not at all
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            try (progress) {
                run.run(d, w -> err.println(w), progress);
            }
            run.write(d.name(), target);
        }
        if (output.json) {
            o.print(Json.write(run.summary(d.name())));
        } else {
            run.print(o, d.name());
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }
}
