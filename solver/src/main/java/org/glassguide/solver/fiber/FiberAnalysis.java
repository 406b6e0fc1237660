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

    /** The scalar results by name, in SI (counts as numbers): what sweeps tabulate and reports list. */
    public java.util.Map<String, Double> outputs() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("wavelengthM", wavelength);
        m.put("nCore", nCore);
        m.put("nClad", nClad);
        m.put("numericalAperture", numericalAperture);
        m.put("acceptanceHalfAngleDeg", acceptanceHalfAngleDeg);
        m.put("vNumber", vNumber);
        m.put("cutoffWavelengthLP11M", cutoffWavelengthLP11);
        m.put("modeFieldDiameterM", modeFieldDiameter);
        m.put("guidedLpModeCount", (double) modes.lpGroupCount());
        m.put("guidedLpModeTotal", (double) modes.lpModeCount());
        if (modes.vectorSolved()) {
            m.put("guidedVectorModeCount", (double) modes.vectorModeCount());
        }
        return m;
    }
}
