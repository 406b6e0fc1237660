package org.glassguide.materials.attenuation;

import java.util.List;
import java.util.stream.Collectors;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.WavelengthRange;

/** Sum of independent attenuation mechanisms (absorption, scattering, measured residue). */
public final class TotalAttenuation implements AttenuationModel {
    private final List<AttenuationModel> parts;

    public TotalAttenuation(List<AttenuationModel> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("total attenuation needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    public List<AttenuationModel> parts() {
        return parts;
    }

    @Override
    public double alpha(double wavelength) {
        double s = 0;
        for (AttenuationModel p : parts) {
            s += p.alpha(wavelength);
        }
        return s;
    }

    @Override
    public WavelengthRange validRange() {
        WavelengthRange r = WavelengthRange.ALL;
        for (AttenuationModel p : parts) {
            WavelengthRange i = r.intersect(p.validRange());
            r = i == null ? r : i;
        }
        return r;
    }

    @Override
    public String describe() {
        return parts.stream().map(AttenuationModel::describe).collect(Collectors.joining(" + "));
    }

    @Override
    public String extension(double wavelength) {
        for (AttenuationModel p : parts) {
            String e = p.extension(wavelength);
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
