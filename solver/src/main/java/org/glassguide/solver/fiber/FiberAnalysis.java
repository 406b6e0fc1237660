package org.glassguide.solver.fiber;

import java.util.List;

/**
 * Result of the exact step-index analysis at one wavelength.
 *
 * @param wavelength vacuum wavelength (m)
 * @param nLaunch index of the launch medium used for the acceptance angle
 * @param acceptanceHalfAngleDeg asin(NA / n_launch) in degrees; 90 when NA &ge; n_launch
 * @param cutoffWavelengthLP11 wavelength (m) at which V = 2.405 with the materials' dispersion
 * @param cutoffNote empty, or why the cutoff is an estimate (outside the materials' valid range)
 * @param modeFieldDiameter Petermann II diameter of LP01 (m)
 */
public record FiberAnalysis(double wavelength, double coreRadius, double claddingRadius, String coreMaterial,
        String claddingMaterial, String launchMaterial, double nCore, double nClad, double nLaunch,
        double numericalAperture, double acceptanceHalfAngleDeg, double vNumber, double cutoffWavelengthLP11,
        String cutoffNote, double modeFieldDiameter, StepIndexModes modes, List<String> warnings) {
    public FiberAnalysis {
        warnings = List.copyOf(warnings);
    }

    public StepIndexFiber fiber() {
        return modes.fiber();
    }
}
