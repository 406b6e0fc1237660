package org.glassguide.materials.gain;

import java.util.Objects;

import org.glassguide.materials.source.Provenance;
import org.glassguide.materials.source.SourcedValue;

/**
 * An organic antenna that absorbs pump light and hands the energy to the rare-earth ions (e.g. the linker's triplet state
 * to Nd3+). The antenna's absorption coefficient spectrum alpha(lambda) (1/m, in the doped glass) is carried as a band
 * spectrum whose band weights are peak absorption coefficients.
 *
 * @param absorption the antenna's absorption coefficient spectrum (1/m) in the doped region
 * @param efficiency antenna-to-ion energy-transfer efficiency, 0..1, with its provenance
 */
public record Sensitiser(String label, CrossSectionSpectrum absorption, Provenance absorptionProvenance, SourcedValue efficiency) {
    public Sensitiser {
        Objects.requireNonNull(absorption, "absorption");
        Objects.requireNonNull(absorptionProvenance, "absorptionProvenance");
        Objects.requireNonNull(efficiency, "efficiency");
        label = label == null ? "antenna" : label;
        if (!(efficiency.value() >= 0 && efficiency.value() <= 1)) {
            throw new IllegalArgumentException("energy-transfer efficiency must lie in 0..1");
        }
    }
}
