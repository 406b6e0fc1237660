package org.glassguide.materials.thermal;

import java.util.List;
import java.util.Objects;

/**
 * A glass's viscosity curve and how it was obtained.
 *
 * @param model the curve used
 * @param basis the data it honours, in words ("Tg 595 K and 1e5 Pa s at 694 K, log10 eta_inf -2.93 (universal)")
 * @param assumed true when any ingredient is an assumption (a universal constant, an assumed catalog value)
 * @param notes what a user should know: inconsistencies found, values implied by the fit
 * @param alternative where the data disagree, the curve the other reading of them gives (else null)
 * @param alternativeBasis the alternative's basis ("" when there is none)
 */
public record ViscosityFit(ViscosityModel model, String basis, boolean assumed, List<String> notes, ViscosityModel alternative,
        String alternativeBasis) {
    public ViscosityFit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(basis, "basis");
        notes = List.copyOf(notes);
        alternativeBasis = alternativeBasis == null ? "" : alternativeBasis;
    }
}
