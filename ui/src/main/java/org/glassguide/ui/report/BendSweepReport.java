package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.run.BendSweep;

/** A bend-loss sweep's folder: bend-sweep.csv and bend-loss.png (the fundamental's loss against the radius). */
public final class BendSweepReport {
    private BendSweepReport() {
    }

    /** Writes the folder whole or not at all. */
    public static void write(String designName, List<BendSweep.Row> rows, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            StringBuilder csv = new StringBuilder("bend_radius_um,wavelength_nm,n_eff,n_eff_imag,loss_dB_per_cm,loss_dB_per_90deg\n");
            for (BendSweep.Row r : rows) {
                csv.append(String.format(Locale.ROOT, "%.6g,%s,%.10f,%.6e,%.6e,%.6e%n", r.radius() * 1e6, Units.nm(r.wavelength()), r.nEff(),
                        r.nEffImag(), r.lossDbPerCm(), r.lossDbPer90Degrees()));
            }
            Files.writeString(tmp.resolve("bend-sweep.csv"), csv.toString(), StandardCharsets.UTF_8);
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i).radius() * 1e6;
                y[i] = rows.get(i).lossDbPerCm();
            }
            Plot.lines(tmp.resolve("bend-loss.png"), "Bend loss of the fundamental mode of " + designName, "bend radius (um)", "loss (dB/cm)",
                    List.of(new Plot.Series("", x, y, true)));
        });
    }
}
