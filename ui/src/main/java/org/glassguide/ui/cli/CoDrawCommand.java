package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.solver.codraw.CoDrawAnalysis;
import org.glassguide.solver.codraw.CoDrawResult;
import org.glassguide.solver.codraw.CoDrawResult.Window;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignReader;
import org.glassguide.ui.report.CoDrawReport;
import org.glassguide.ui.report.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide codraw DESIGN.yaml`: can the core and cladding glasses be drawn together, and what fiber comes out. */
@Command(name = "codraw", mixinStandardHelpOptions = true,
        description = {"Co-draw compatibility of the fiber's core and cladding glasses: viscosity curves, the temperature",
            "windows in which both draw (or the cladding draws a molten core), risks, and the fiber a preform gives",
            "(volume conservation) with its NA, V, modes and diameter tolerance. Writes out/<name>-codraw/."})
public final class CoDrawCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Fiber design file (an optional codraw: section sets the preform).")
    Path designFile;



    @Mixin
    OutputOptions output;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = new DesignReader(libraryOptions.library()).read(designFile);
        Path target = output.target(d.name() + "-codraw");
        CoDrawResult r = new CoDrawAnalysis().analyse(d, d.codraw(), w -> err.println(w), org.glassguide.solver.ProgressMonitor.NONE);
        CoDrawReport.write(d.name(), r, target);
        if (output.json) {
            o.print(Json.write(CoDrawReport.summary(d.name(), r)));
        } else {
            o.printf(Locale.ROOT, "%s: co-viscous window %s, molten-core window %s%n", d.name(), words(r.coViscous()), words(r.moltenCore()));
            r.explanation().forEach(s -> o.println("  " + s));
            o.printf(Locale.ROOT, "wrote %s%n", target);
        }
        o.flush();
        return 0;
    }

    private static String words(Window w) {
        return w.isEmpty() ? "none" : String.format(Locale.ROOT, "%.0f-%.0f K", w.from(), w.to());
    }
}
