package org.glassguide.materials.gain;

import java.util.Objects;
import java.util.Optional;

import org.glassguide.materials.source.Provenance;
import org.glassguide.materials.source.SourcedValue;

/**
 * The laser spectroscopy of a rare-earth ion in a host glass, as the rate equations need it: ground-state absorption and
 * emission cross sections, the upper (metastable) level's lifetime, optionally a typical concentration and an organic
 * antenna. Two effective manifolds (Giles and Desurvire, J. Lightwave Technol. 9 (1991) 271): a four-level ion such as
 * Nd3+ is the case where the emission lines have no ground-state absorption, because their lower levels empty in
 * nanoseconds.
 *
 * @param ion "Nd3+", "Yb3+", "Eu3+"
 * @param lifetime upper-level lifetime (s), with provenance (derived ones say how)
 * @param concentration typical ion density (1/m^3) or null (then the design must give one)
 * @param sensitiser organic antenna, or null
 */
public record GainSpectroscopy(String ion, CrossSectionSpectrum absorption, Provenance absorptionProvenance, CrossSectionSpectrum emission,
        Provenance emissionProvenance, SourcedValue lifetime, SourcedValue concentration, Sensitiser sensitiser, String note) {
    public GainSpectroscopy {
        Objects.requireNonNull(ion, "ion");
        Objects.requireNonNull(absorption, "absorption");
        Objects.requireNonNull(absorptionProvenance, "absorptionProvenance");
        Objects.requireNonNull(emission, "emission");
        Objects.requireNonNull(emissionProvenance, "emissionProvenance");
        Objects.requireNonNull(lifetime, "lifetime");
        if (!(lifetime.value() > 0)) {
            throw new IllegalArgumentException("upper-level lifetime must be positive");
        }
        if (concentration != null && !(concentration.value() > 0)) {
            throw new IllegalArgumentException("ion concentration must be positive");
        }
        note = note == null ? "" : note;
    }

    public Optional<Sensitiser> antenna() {
        return Optional.ofNullable(sensitiser);
    }

    /** Whether any number here is assumed rather than published. */
    public boolean hasAssumptions() {
        return absorptionProvenance.isAssumed() || emissionProvenance.isAssumed() || lifetime.provenance().isAssumed()
                || (concentration != null && concentration.provenance().isAssumed())
                || (sensitiser != null && (sensitiser.absorptionProvenance().isAssumed() || sensitiser.efficiency().provenance().isAssumed()));
    }
}
