package org.glassguide.ui.cli;

import org.glassguide.solver.emission.EmissionSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.emission.EmissionAnalysis;
import org.glassguide.ui.report.EmissionReport;

import picocli.CommandLine.Command;

/** `glassguide emission DESIGN.yaml`: Monte Carlo ray tracing of the luminescence a multimode fiber guides to its end face. */
@Command(name = "emission", mixinStandardHelpOptions = true,
        description = {"Guided luminescence of a fiber with a luminescent core by Monte Carlo ray tracing: trapping (bound, tunnelling,",
            "refracting rays), attenuation, self-absorption and re-emission, Fresnel at the faces; the output spectrum and its CIE xy",
            "colour per length, far field with its NA, end-face near field. Needs an emission: section. Writes out/<name>-emission/."})
public final class EmissionCommand extends DesignFolderCommand<EmissionAnalysis.Result> {
    /** The analysis' name, and the folder's suffix: out/NAME-SUFFIX. */
    @Override
    public String name() {
        return "emission";
    }

    @Override
    public EmissionAnalysis.Result analyse(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        if (EmissionSettings.of(d) == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "emission", designFile + " (emission needs an emission: section)");
        }
        return new EmissionAnalysis().analyse(d, EmissionSettings.of(d), warnings, progress);
    }

    @Override
    public void write(String name, EmissionAnalysis.Result r, Path target) throws IOException {
        EmissionReport.write(name, r, target);
    }

    @Override
    public Object summary(String name, EmissionAnalysis.Result r) {
        return EmissionReport.summary(name, r);
    }

    @Override
    public void print(PrintWriter o, String name, EmissionAnalysis.Result r) {
        for (EmissionAnalysis.LengthResult l : r.lengths()) {
            o.printf(Locale.ROOT, "%.4g cm: trapped %.4f bound + %.4f tunnelling, out of the end face %.4f, peak %.0f nm, CIE (%.4f, %.4f), "
                    + "NA95 %.3f (bound rays %.3f)%n", l.length() * 100, l.fraction(l.tally().firstBound), l.fraction(l.tally().firstTunnelling),
                    l.fraction(l.tally().output), l.peakWavelength() * 1e9, l.chromaticity()[0], l.chromaticity()[1], l.na95(), l.na95Bound());
        }
        o.printf(Locale.ROOT, "%.3g rays/s%n", r.raysPerSecond());
    }
}
