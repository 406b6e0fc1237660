package org.glassguide.solver.run;

import java.util.List;

import org.glassguide.solver.design.Design;
import org.glassguide.solver.fiber.FiberAnalysis;

/** Everything a design run computed: one fiber analysis per wavelength, plus warnings. */
public record DesignResult(Design design, List<FiberAnalysis> fiberAnalyses, List<String> warnings, double elapsedSeconds) {
    public DesignResult {
        fiberAnalyses = List.copyOf(fiberAnalyses);
        warnings = List.copyOf(warnings);
    }
}
