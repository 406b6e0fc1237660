package org.glassguide.solver.fd;

import java.util.List;

import org.glassguide.solver.radial.ModeReport;

/**
 * The 2D finite-difference mode analysis of a design at one wavelength: the grid, the listed modes,
 * |E|^2 of each (row-major, index i + nx j, normalised to a peak of 1), the real index map and, from
 * the full-vectorial solver, each listed mode with its six field components (empty otherwise), always on
 * the whole window (a mode solved next to mirror planes is unfolded). Each mode's power fractions follow
 * {@code regions}: the materials of the cross-section, highest index first. {@code symmetry} says which
 * mirror planes the solve used (or why none), {@code symmetryClasses} each listed mode's class ("odd-x even-y",
 * "x-pec y-pmc"; empty without mirrors).
 */
public record FdAnalysisResult(String solver, double wavelength, FdScalarModeSolver.Grid grid, List<ModeReport> listed,
        List<double[]> intensities, double[] indexMap, List<FdVectorModeSolver.Mode> vectorModes, List<String> regions,
        List<String> warnings, String symmetry, List<String> symmetryClasses) {
    public FdAnalysisResult {
        listed = List.copyOf(listed);
        intensities = List.copyOf(intensities);
        vectorModes = List.copyOf(vectorModes);
        regions = List.copyOf(regions);
        warnings = List.copyOf(warnings);
        symmetryClasses = List.copyOf(symmetryClasses);
    }
}
