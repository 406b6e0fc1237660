package org.glassguide.solver.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.radial.ModeReport;

/** The fundamental bend mode of a 2D guide at each of several bend radii (conformal map, outside towards +x). */
public final class BendSweep {
    private BendSweep() {
    }

    /**
     * One radius at one wavelength: the fundamental bend mode.
     *
     * @param radius bend radius (m)
     * @param wavelength (m)
     * @param lossDbPerCm the mode's loss from Im n_eff
     */
    public record Row(double radius, double wavelength, double nEff, double nEffImag, double lossDbPerCm) {
        /** The loss over a quarter circle of this radius (dB). */
        public double lossDbPer90Degrees() {
            return lossDbPerCm * (Math.PI / 2 * radius * 100);
        }
    }

    /** Solves the design's 2D guide bent to each radius, every design wavelength, in order. */
    public static List<Row> run(Design d, List<Double> radii, Consumer<String> warnings, ProgressMonitor progress) {
        List<Row> rows = new ArrayList<>();
        for (double r : radii) {
            Design bent = d.with(d.analyses(), d.options(), d.solver().withBendRadius(r));
            DesignResult res = new DesignRunner().run(bent, warnings, progress);
            for (FdAnalysisResult a : res.fdAnalyses()) {
                ModeReport m = a.listed().get(0);
                rows.add(new Row(r, a.wavelength(), m.nEff(), m.nEffImag(), m.lossDbPerCm()));
            }
        }
        return rows;
    }
}
