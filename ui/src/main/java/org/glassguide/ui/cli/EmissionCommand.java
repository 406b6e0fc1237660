package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignReader;
import org.glassguide.solver.emission.EmissionAnalysis;
import org.glassguide.ui.report.EmissionReport;
import org.glassguide.ui.report.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide emission DESIGN.yaml`: Monte Carlo ray tracing of the luminescence a multimode fiber guides to its end face. */
@Command(name = "emission", mixinStandardHelpOptions = true,
        description = {"Guided luminescence of a fiber with a luminescent core by Monte Carlo ray tracing: trapping (bound, tunnelling,",
            "refracting rays), attenuation, self-absorption and re-emission, Fresnel at the faces; the output spectrum and its CIE xy",
            "colour per length, far field with its NA, end-face near field. Needs an emission: section. Writes out/<name>-emission/."})
public final class EmissionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Fiber design with an emission: section.")
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
        if (d.emission() == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "emission", designFile + " (emission needs an emission: section)");
        }
        Path target = output.target(d.name() + "-emission");
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        EmissionAnalysis.Result r;
        try (progress) {
            r = new EmissionAnalysis().analyse(d, d.emission(), w -> err.println(w), progress);
        }
        EmissionReport.write(d.name(), r, target);
        if (output.json) {
            o.print(Json.write(EmissionReport.summary(d.name(), r)));
        } else {
            for (EmissionAnalysis.LengthResult l : r.lengths()) {
                o.printf(Locale.ROOT, "%.4g cm: trapped %.4f bound + %.4f tunnelling, out of the end face %.4f, peak %.0f nm, CIE (%.4f, %.4f), "
                        + "NA95 %.3f (bound rays %.3f)%n", l.length() * 100, l.fraction(l.tally().firstBound), l.fraction(l.tally().firstTunnelling),
                        l.fraction(l.tally().output), l.peakWavelength() * 1e9, l.chromaticity()[0], l.chromaticity()[1], l.na95(), l.na95Bound());
            }
            o.printf(Locale.ROOT, "%.3g rays/s; wrote %s%n", r.raysPerSecond(), target);
        }
        o.flush();
        return 0;
    }
}
