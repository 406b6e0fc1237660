package org.glassguide.solver.radial;

/**
 * The reported properties of one listed mode.
 *
 * @param lossDbPerCm modal loss from material absorption (first order in k), dB/cm
 * @param effectiveArea (int |E|^2 dA)^2 / int |E|^4 dA in m^2
 * @param confinement fraction of the power in the innermost layer (the core)
 * @param groupIndex n_eff - lambda dn_eff/dlambda with the materials' dispersion; NaN unless asked
 * @param powerFractions power fraction in each layer, innermost first
 */
public record ModeReport(String name, int order, int radialOrder, double nEff, double nEffImag, double lossDbPerCm,
        double effectiveArea, double confinement, double groupIndex, double[] powerFractions) {
}
