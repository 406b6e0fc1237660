package org.glassguide.ui.cli;

import org.glassguide.solver.sensor.SensorSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.sensor.SensorAnalysis;
import org.glassguide.ui.report.SensorReport;

import picocli.CommandLine.Command;

/** `glassguide sensor DESIGN.yaml`: oxygen sensing by the quenched phosphorescence of the fiber's core. */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = {"Oxygen sensing with the core's phosphorescence: Stern-Volmer intensity and lifetime against O2, the detection",
            "limit and resolution under a noise model (or K_SV calibrated to a published detection limit), and the decay once the",
            "excitation stops. Needs a sensor: section. Writes out/<name>-sensor/."})
public final class SensorCommand extends DesignFolderCommand<SensorAnalysis.Result> {
    /** The analysis' name, and the folder's suffix: out/NAME-SUFFIX. */
    @Override
    public String name() {
        return "sensor";
    }

    @Override
    public SensorAnalysis.Result analyse(Design d, Consumer<String> warnings, ProgressMonitor progress) {
        if (SensorSettings.of(d) == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "sensor", designFile + " (sensor needs a sensor: section)");
        }
        return new SensorAnalysis().analyse(d, SensorSettings.of(d));
    }

    @Override
    public void write(String name, SensorAnalysis.Result r, Path target) throws IOException {
        SensorReport.write(name, r, target);
    }

    @Override
    public Object summary(String name, SensorAnalysis.Result r) {
        return SensorReport.summary(name, r);
    }

    @Override
    public void print(PrintWriter o, String name, SensorAnalysis.Result r) {
        int last = r.oxygen().length - 1;
        o.printf(Locale.ROOT, "%s: K_SV %.4g per %% O2 (%s), detection limit %.3g %% O2; at %.3g %% O2 the intensity is %.4f of the unquenched "
                + "and the lifetime %.4g s (resolution %.3g %% O2)%n", name, r.model().kSv(), r.kSource(), r.detectionLimit(), r.oxygen()[last],
                r.relativeIntensity()[last], r.lifetime()[last], r.resolution()[last]);
        r.notes().forEach(n -> o.println("  note: " + n));
    }
}
