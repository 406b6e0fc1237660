package org.glassguide.ui.cli;

import org.glassguide.solver.codraw.DrawSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.codraw.CoDrawAnalysis;
import org.glassguide.solver.codraw.CoDrawResult;
import org.glassguide.solver.codraw.CoDrawResult.Window;
import org.glassguide.solver.design.Design;
import org.glassguide.ui.report.CoDrawReport;

import picocli.CommandLine.Command;

/** `glassguide codraw DESIGN.yaml`: can the core and cladding glasses be drawn together, and what fiber comes out. */
@Command(name = "codraw", mixinStandardHelpOptions = true,
        description = {"Co-draw compatibility of the fiber's core and cladding glasses: viscosity curves, the temperature",
            "windows in which both draw (or the cladding draws a molten core), risks, and the fiber a preform gives",
            "(volume conservation) with its NA, V, modes and diameter tolerance. Writes out/<name>-codraw/."})
public final class CoDrawCommand extends DesignFolderCommand<CoDrawResult> {
    /** The analysis' name, and the folder's suffix: out/NAME-SUFFIX. */
    @Override
    public String name() {
        return "codraw";
    }

    @Override
    public CoDrawResult analyse(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        return new CoDrawAnalysis().analyse(d, DrawSettings.of(d), warnings, progress);
    }

    @Override
    public void write(String design, CoDrawResult r, Path target) throws IOException {
        CoDrawReport.write(design, r, target);
    }

    @Override
    public Object summary(String design, CoDrawResult r) {
        return CoDrawReport.summary(design, r);
    }

    @Override
    public void print(PrintWriter o, String name, CoDrawResult r) {
        o.printf(Locale.ROOT, "%s: co-viscous window %s, molten-core window %s%n", name, words(r.coViscous()), words(r.moltenCore()));
        r.explanation().forEach(s -> o.println("  " + s));
    }

    private static String words(Window w) {
        return w.isEmpty() ? "none" : String.format(Locale.ROOT, "%.0f-%.0f K", w.from(), w.to());
    }
}
