package org.glassguide.ui.cli;

import org.glassguide.solver.loss.LossSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.loss.LossBudget;
import org.glassguide.solver.loss.LossResult;
import org.glassguide.ui.report.LossReport;

import picocli.CommandLine.Command;

/** `glassguide loss DESIGN.yaml`: the fiber's loss budget per wavelength, with an optional calibration of a material's loss. */
@Command(name = "loss", mixinStandardHelpOptions = true,
        description = {"Loss budget of a step-index fiber at each design wavelength: material absorption and scattering of core and",
            "cladding weighted by the guided power's share, Fresnel loss at the end faces, launch coupling loss; a loss: section",
            "adds the source, the length and a calibration of a material's loss to measured points. Writes out/<name>-loss/."})
public final class LossCommand extends DesignFolderCommand<LossResult> {
    /** The analysis' name, and the folder's suffix: out/NAME-SUFFIX. */
    @Override
    public String name() {
        return "loss";
    }

    @Override
    public LossResult analyse(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        return new LossBudget().analyse(d, LossSettings.of(d), warnings, progress);
    }

    @Override
    public void write(String name, LossResult r, Path target) throws IOException {
        LossReport.write(name, r, target);
    }

    @Override
    public Object summary(String name, LossResult r) {
        return LossReport.summary(name, r);
    }

    @Override
    public void print(PrintWriter o, String name, LossResult r) {
        for (LossResult.Row row : r.rows()) {
            o.printf(Locale.ROOT, "%s nm: propagation %.4g dB/cm (core share %.4f), Fresnel %.3f dB, coupling %.3f dB, bend %.4g dB; %.4g dB over "
                    + "%.4g cm%n", Units.nm(row.wavelength()), row.propagationTotalDbPerM() / 100, row.coreFraction(), row.fresnelDb(), row.couplingDb(),
                    row.bendDb(), row.totalDb(), r.length() * 100);
        }
        r.notes().forEach(n -> o.println("  note: " + n));
    }
}
