package org.glassguide.solver.radial;

/**
 * A scalar (LP) mode of an axisymmetric profile from the radial solver.
 *
 * @param order azimuthal order l
 * @param radialOrder m, 1 for the highest n_eff of its order
 * @param nEff real effective index
 * @param nEffImag imaginary part of n_eff from material extinction, first order in k (0 if lossless)
 * @param powerFractions fraction of the mode's power in each layer (null unless computed)
 * @param field radial amplitude psi(r) on the solver's grid, unit norm int psi^2 r dr = 1 (null unless asked)
 */
public record RadialMode(int order, int radialOrder, double nEff, double nEffImag, double[] powerFractions, double[] field) {
    public String name() {
        String sep = order > 9 || radialOrder > 9 ? "," : "";
        return "LP" + order + sep + radialOrder;
    }

    /** Power loss in dB per metre from the imaginary part of n_eff: 20 log10(e) k0 Im(n_eff). */
    public double lossDbPerMetre(double wavelength) {
        return 20 / Math.log(10) * 2 * Math.PI / wavelength * nEffImag;
    }

    public int degeneracy() {
        return order == 0 ? 2 : 4;
    }
}
