package org.glassguide.ui.cli;

import org.glassguide.solver.gain.GainSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.gain.Channel;
import org.glassguide.solver.gain.GainAnalysis;
import org.glassguide.ui.report.GainReport;

import picocli.CommandLine.Command;

/** `glassguide gain DESIGN.yaml`: a rare-earth-doped fiber amplifier by the steady-state rate equations. */
@Command(name = "gain", mixinStandardHelpOptions = true,
        description = {"Rare-earth gain (Nd3+, Yb3+, Eu3+, ...) by the steady-state rate equations with forward and backward ASE",
            "(Giles-Desurvire): pump, signal and ASE power along the fiber, the inversion, the small-signal gain spectrum, and gain",
            "against length, concentration and pump power. Cross sections and lifetime come from the catalog (gain: block of the",
            "dopant glass). Needs a gain: section. Writes out/<name>-gain/."})
public final class GainCommand extends DesignFolderCommand<GainAnalysis.Result> {
    /** The analysis' name, and the folder's suffix: out/NAME-SUFFIX. */
    @Override
    public String name() {
        return "gain";
    }

    @Override
    public GainAnalysis.Result analyse(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        if (GainSettings.of(d) == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "gain", designFile + " (gain needs a gain: section)");
        }
        return new GainAnalysis().analyse(d, GainSettings.of(d), warnings, progress);
    }

    @Override
    public void write(String name, GainAnalysis.Result r, Path target) throws IOException {
        GainReport.write(name, r, target);
    }

    @Override
    public Object summary(String name, GainAnalysis.Result r) {
        return GainReport.summary(name, r);
    }

    @Override
    public void print(PrintWriter o, String name, GainAnalysis.Result r) {
        o.printf(Locale.ROOT, "%s: %s in %s, %.3g m^-3, %.4g m long, mean excited fraction %.4f%n", name, r.spectroscopy().ion(), r.dopant(),
                r.concentration(), r.length(), r.profile().meanExcitation());
        for (int k = 0; k < r.channels().size(); k++) {
            Channel c = r.channels().get(k);
            if (c.kind() == Channel.Kind.ASE) {
                continue;
            }
            o.printf(Locale.ROOT, "  %-24s %-8s in %.5g W -> out %.5g W (%+.3f dB)%n", c.label(), c.forward() ? "forward" : "backward", c.inputPower(),
                    r.profile().output(k), r.profile().gainDb(k));
        }
        if (r.aseWavelengths().length > 0) {
            o.printf(Locale.ROOT, "  ASE out: %.4g W forward, %.4g W backward%n", r.aseOutput(true), r.aseOutput(false));
        }
        r.notes().forEach(n -> o.println("  note: " + n));
    }
}
