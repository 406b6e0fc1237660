package org.glassguide.solver;

import org.glassguide.materials.units.Units;

/** Losses shared by every mode solver and every PML. */
public final class ModalLoss {
    private ModalLoss() {
    }

    /** Power loss in dB/m of a mode with imaginary effective index Im n_eff: 10 log10(e) 2 k0 Im n_eff. */
    public static double dbPerMetre(double nEffImag, double wavelength) {
        return Units.DB_PER_NEPER_POWER * 2 * (2 * Math.PI / wavelength) * nEffImag;
    }

    /**
     * Peak imaginary stretch S of a PML with s = 1 + i S t^2 (t the normalised depth) that attenuates a
     * wave of index n at normal incidence by the given decades of amplitude across its thickness.
     */
    public static double pmlPeakStretch(double decades, double k0, double n, double thickness) {
        return 3 * decades * Math.log(10) / (k0 * n * thickness);
    }
}
