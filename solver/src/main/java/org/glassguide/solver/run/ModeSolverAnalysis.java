package org.glassguide.solver.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysisResult;

/**
 * "modes": the numerical mode solver of the design's solver: settings (radial for a fiber, finite differences on a
 * cross-section) at each design wavelength. Its report is the run's own folder, shared with "fiber".
 */
public final class ModeSolverAnalysis implements Analysis<DesignResult> {
    public static final String NAME = "modes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DesignResult run(Design design, AnalysisContext context) {
        return new DesignRunner().run(design.withAnalyses(List.of(NAME)), context.warnings(), context.progress());
    }

    /** The count of modes and the first two modes' n_eff, loss, effective area, confinement and group index. */
    @Override
    public List<Map<String, Double>> outputs(DesignResult result) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (RadialAnalysisResult a : result.modeAnalyses()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wavelengthM", a.wavelength());
            m.put("guidedModeCount", (double) a.modes().modeCount());
            modes(m, a.listed());
            rows.add(m);
        }
        for (FdAnalysisResult a : result.fdAnalyses()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wavelengthM", a.wavelength());
            m.put("modesFound", (double) a.listed().size());
            modes(m, a.listed());
            rows.add(m);
        }
        return rows;
    }

    private static void modes(Map<String, Double> m, List<ModeReport> listed) {
        for (int i = 0; i < Math.min(2, listed.size()); i++) {
            ModeReport r = listed.get(i);
            String k = "mode" + (i + 1) + ".";
            m.put(k + "nEff", r.nEff());
            m.put(k + "lossDbPerCm", r.lossDbPerCm());
            m.put(k + "effectiveAreaM2", r.effectiveArea());
            m.put(k + "confinement", r.confinement());
            m.put(k + "groupIndex", r.groupIndex());
        }
    }
}
