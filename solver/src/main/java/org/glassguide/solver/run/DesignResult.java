package org.glassguide.solver.run;

import java.util.List;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.radial.RadialAnalysisResult;

/** Everything a design run computed, per wavelength: exact fiber analyses and mode-solver results, plus warnings. */
public record DesignResult(Design design, List<FiberAnalysis> fiberAnalyses, List<RadialAnalysisResult> modeAnalyses,
        List<FdAnalysisResult> fdAnalyses, List<String> warnings, double elapsedSeconds) {
    public DesignResult {
        fdAnalyses = List.copyOf(fdAnalyses);
        fiberAnalyses = List.copyOf(fiberAnalyses);
        modeAnalyses = List.copyOf(modeAnalyses);
        warnings = List.copyOf(warnings);
    }
}
