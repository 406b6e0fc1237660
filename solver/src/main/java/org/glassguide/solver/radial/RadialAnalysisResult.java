package org.glassguide.solver.radial;

import java.util.List;

/**
 * The radial mode analysis of a design at one wavelength: every guided LP mode, the listed ones in
 * detail, and the full-vectorial modes when asked (else empty).
 */
public record RadialAnalysisResult(double wavelength, RadialModes modes, List<ModeReport> listed,
        List<RadialVectorModeSolver.VectorMode> vectorModes, List<String> warnings) {
    public RadialAnalysisResult {
        listed = List.copyOf(listed);
        vectorModes = List.copyOf(vectorModes);
        warnings = List.copyOf(warnings);
    }
}
