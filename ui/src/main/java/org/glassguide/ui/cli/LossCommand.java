package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignReader;
import org.glassguide.solver.loss.LossBudget;
import org.glassguide.solver.loss.LossResult;
import org.glassguide.ui.report.Json;
import org.glassguide.ui.report.LossReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide loss DESIGN.yaml`: the fiber's loss budget per wavelength, with an optional calibration of a material's loss. */
@Command(name = "loss", mixinStandardHelpOptions = true,
        description = {"Loss budget of a step-index fiber at each design wavelength: material absorption and scattering of core and",
            "cladding weighted by the guided power's share, Fresnel loss at the end faces, launch coupling loss; a loss: section",
            "adds the source, the length and a calibration of a material's loss to measured points. Writes out/<name>-loss/."})
public final class LossCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Fiber design file (an optional loss: section).")
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
        Path target = output.target(d.name() + "-loss");
        LossResult r = new LossBudget().analyse(d, d.loss(), w -> err.println(w), ProgressMonitor.NONE);
        LossReport.write(d.name(), r, target);
        if (output.json) {
            o.print(Json.write(LossReport.summary(d.name(), r)));
        } else {
            for (LossResult.Row row : r.rows()) {
                o.printf(Locale.ROOT, "%s nm: propagation %.4g dB/cm (core share %.4f), Fresnel %.3f dB, coupling %.3f dB; %.4g dB over %.4g cm%n",
                        Units.nm(row.wavelength()), row.propagationTotalDbPerM() / 100, row.coreFraction(), row.fresnelDb(), row.couplingDb(),
                        row.totalDb(), r.length() * 100);
            }
            r.notes().forEach(n -> o.println("  note: " + n));
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }
}
