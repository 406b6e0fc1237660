package org.glassguide.solver.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.fiber.FiberAnalysis;

/**
 * "fiber": the exact step-index analysis (numerical aperture, V number, every guided LP and vector mode) at each design
 * wavelength. Its report is the run's own folder (summary, modes.csv, pictures), shared with "modes".
 */
public final class StepIndexFiberAnalysis implements Analysis<DesignResult> {
    public static final String NAME = "fiber";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public DesignResult run(Design design, AnalysisContext context) {
        return new DesignRunner().run(design.withAnalyses(List.of(NAME)), context.warnings(), context.progress());
    }

    @Override
    public List<Map<String, Double>> outputs(DesignResult result) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (FiberAnalysis a : result.fiberAnalyses()) {
            rows.add(a.outputs());
        }
        return rows;
    }
}
