package org.glassguide.solver.radial;

/**
 * A scalar (LP) mode of an axisymmetric profile from the radial solver; its field, power fractions
 * and effective area come from {@link RadialModes}.
 *
 * @param order azimuthal order l
 * @param radialOrder m, 1 for the highest n_eff of its order
 * @param nEff real effective index
 * @param nEffImag imaginary part of n_eff from material extinction, first order in k (0 if lossless)
 * @param eigenvalue the discrete eigenvalue n_eff^2 (kept to recompute the field exactly)
 */
public record RadialMode(int order, int radialOrder, double nEff, double nEffImag, double eigenvalue) {
    public String name() {
        String sep = order > 9 || radialOrder > 9 ? "," : "";
        return "LP" + order + sep + radialOrder;
    }

    /** Power loss in dB per metre: 10 log10(e) * 2 k0 Im(n_eff). */
    public double lossDbPerMetre(double wavelength) {
        return org.glassguide.solver.ModalLoss.dbPerMetre(nEffImag, wavelength);
    }

    public int degeneracy() {
        return order == 0 ? 2 : 4;
    }
}
