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
     * The loss of a mode of a passive guide (no glass with gain), as reported: an Im n_eff below zero — a gain — is
     * numerical (the eigen-solve's accuracy, the PML's discretisation) and reads 0. The sink gets a note saying so, or a
     * warning when the computed gain is beyond what rounding explains (|Im n_eff| above 1e-6 of n_eff: refine the grid
     * or move the PML out).
     *
     * @return the loss to report (dB/m): the computed one when positive, else 0
     */
    public static double passiveDbPerMetre(String mode, double nEff, double nEffImag, double wavelength, java.util.function.Consumer<String> sink) {
        double db = dbPerMetre(nEffImag, wavelength);
        if (db >= 0) {
            return db;
        }
        if (-nEffImag > 1e-6 * Math.abs(nEff)) {
            sink.accept(String.format(java.util.Locale.ROOT, "warning: mode %s at %s nm gains %.3g dB/cm (Im n_eff = %.3g): a passive guide cannot, so "
                    + "the grid or the PML is too coarse for it; reported as 0 — refine solver.grid or widen solver.pml", mode, Units.nm(wavelength),
                    -db / 100, nEffImag));
        } else {
            sink.accept(String.format(java.util.Locale.ROOT, "note: mode %s at %s nm: computed Im n_eff %.2g (a gain of %.2g dB/cm) is within the "
                    + "solver's accuracy of zero for a passive guide: reported as 0", mode, Units.nm(wavelength), nEffImag, -db / 100));
        }
        return 0;
    }

    /**
     * Peak imaginary stretch S of a PML with s = 1 + i S t^2 (t the normalised depth) that attenuates a
     * wave of index n at normal incidence by the given decades of amplitude across its thickness.
     */
    public static double pmlPeakStretch(double decades, double k0, double n, double thickness) {
        return 3 * decades * Math.log(10) / (k0 * n * thickness);
    }
}
