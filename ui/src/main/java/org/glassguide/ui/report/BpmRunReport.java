package org.glassguide.ui.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmAnalysis;

/**
 * The report of a propagation run at every design wavelength (what `glassguide bpm` and a run's bpm/ sub-folder hold):
 * {@link BpmReport}'s folder and summary, and the printed lines.
 */
public final class BpmRunReport implements AnalysisReport<List<BpmAnalysis.Result>> {
    @Override
    public String analysis() {
        return BpmAnalysis.NAME;
    }

    @Override
    public void write(String designName, List<BpmAnalysis.Result> results, Path target) throws IOException {
        BpmReport.write(results, target);
    }

    @Override
    public void print(PrintWriter o, String designName, List<BpmAnalysis.Result> results) {
        for (BpmAnalysis.Result r : results) {
            BeamPropagator.Result b = r.run();
            o.printf(Locale.ROOT, "%s at %s nm: %.4g um propagated, power change %.2e, measured NA %.3f, n_ref %.6f, %.3g cell-steps/s%n"
                    + "  core (%s) %s%n", designName, Units.nm(r.wavelength()), b.z()[b.z().length - 1] * 1e6, b.powerChange(), r.measuredNa(),
                    b.referenceIndex(), b.cellStepsPerSecond(), r.region(), b.lossFit().describe());
            BeamPropagator.StepSolve st = b.stepSolve();
            if (!st.method().equals("adi")) {
                o.printf(Locale.ROOT, "  " + st.method() + " step: %d factor solves, %.1f GMRES iterations each (at most %d), worst relative residual"
                        + " %.2e (target %.2e)%n", st.solves(), st.meanIterations(), st.maxIterations(), st.maxResidual(), st.tolerance());
            }
        }
    }

    @Override
    public Object summary(String designName, List<BpmAnalysis.Result> results) {
        return results.size() == 1 ? BpmReport.summary(results.get(0), "") : Map.of("results", results.stream().map(r -> BpmReport.summary(r,
                BpmReport.tag(r))).toList());
    }
}
