package org.glassguide.solver.emission;

import java.util.List;

/**
 * A guided-luminescence run (the design's emission: section). SI units.
 *
 * @param excitationWavelength the pump (m)
 * @param excitationAbsorption the dopant's absorption coefficient at the pump (1/m); its wavelength shape is the
 *     material's excitation bands, which also gives the self-absorption at the emission wavelengths
 * @param sideExcitation true: emitters uniform along the fiber; false: the pump enters the input face (z = 0)
 * @param lengths fiber lengths to trace (m), each a separate run with the same seed
 * @param rays emission events started per length
 * @param plqy the quantum yield to use instead of the catalog's (NaN: the catalog's)
 * @param claddingGuided true: the fiber's outer surface guides light refracted out of the core (a bare fiber, or a
 *     coating of lower index); false: that light is lost (a high-index coating or a mode stripper)
 */
public record EmissionSettings(double excitationWavelength, double excitationAbsorption, boolean sideExcitation, List<Double> lengths,
        long rays, long seed, double plqy, boolean claddingGuided) {
    /** The design section this record is read from. */
    public static final String SECTION = "emission";

    /** The design's emission: section, or null when it has none. */
    public static EmissionSettings of(org.glassguide.solver.design.Design design) {
        return design.section(SECTION, EmissionSettings.class);
    }

    public EmissionSettings {
        lengths = List.copyOf(lengths);
        if (!(excitationWavelength > 0) || !(excitationAbsorption > 0) || !Double.isFinite(excitationAbsorption)) {
            throw new IllegalArgumentException("excitation wavelength and absorption must be positive");
        }
        if (lengths.isEmpty() || lengths.stream().anyMatch(l -> !(l > 0))) {
            throw new IllegalArgumentException("lengths must be positive");
        }
        if (!Double.isNaN(plqy) && !(plqy >= 0 && plqy <= 1)) {
            throw new IllegalArgumentException("quantum yield must be within 0 and 1");
        }
        if (rays < 1) {
            throw new IllegalArgumentException("rays must be positive");
        }
    }
}
