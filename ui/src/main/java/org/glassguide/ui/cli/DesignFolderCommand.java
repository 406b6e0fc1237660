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
 * A command that reads a design, runs one analysis on it and writes one output folder, out/NAME-SUFFIX (codraw, loss,
 * emission): the design is read and checked before anything is written, and --json prints the folder's summary.
 *
 * @param <R> the analysis result
 */
abstract class DesignFolderCommand<R> implements Callable<Integer>, FolderAnalysis<R> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Design file (format: glassguide/1).")
    Path designFile;

    @Mixin
    OutputOptions output;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public final Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = new DesignReader(libraryOptions.library()).read(designFile);
        if (libraryOptions.allowExtrapolation) {
            org.glassguide.solver.design.DesignOptions p = d.options();
            d = d.with(d.analyses(), new org.glassguide.solver.design.DesignOptions(p.vector(), true, p.launch(), p.maxModes()), d.solver());
        }
        Path target = output.target(d.name() + "-" + name());
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        R r;
        // Ctrl-C cancels the analysis; during the writing the hook waits, so the folder lands whole or not at all
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            try (progress) {
                r = analyse(d, w -> err.println(w), progress);
            }
            write(d.name(), r, target);
        }
        if (output.json) {
            o.print(Json.write(summary(d.name(), r)));
        } else {
            print(o, d.name(), r);
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }
}
