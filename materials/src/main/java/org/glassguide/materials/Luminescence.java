package org.glassguide.materials;

import java.util.List;
import java.util.Map;

import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;

/**
 * Luminescence of a glass: excitation and emission bands, photoluminescence quantum yield, lifetime
 * and any further scalar data (e.g. energy-transfer efficiency), each with its provenance.
 */
public record Luminescence(List<SpectralBand> excitation, List<SpectralBand> emission, Map<String, SourcedValue> properties,
        String note) {
    public Luminescence {
        excitation = List.copyOf(excitation);
        emission = List.copyOf(emission);
        properties = Map.copyOf(properties);
        note = note == null ? "" : note;
    }

    /** Relative emission spectrum (sum of the bands) at a wavelength. */
    public double emissionSpectrum(double wavelength) {
        double s = 0;
        for (SpectralBand b : emission) {
            s += b.shape(wavelength);
        }
        return s;
    }
}
