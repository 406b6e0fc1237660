package org.glassguide.solver.radial;

import java.util.List;

/** The radial mode analysis of a design at one wavelength: every guided mode, and the listed ones in detail. */
public record RadialAnalysisResult(double wavelength, RadialModes modes, List<ModeReport> listed, List<String> warnings) {
    public RadialAnalysisResult {
        listed = List.copyOf(listed);
        warnings = List.copyOf(warnings);
    }
}
