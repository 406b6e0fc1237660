package org.glassguide.materials.index;

import java.util.function.DoubleUnaryOperator;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;

/**
 * Real index from one model and extinction from another (a tabulated-k file, or a bulk
 * attenuation turned into k = alpha lambda / 4 pi), added to the first model's own k.
 */
public final class CompositeIndexModel implements RefractiveIndexModel {
    private final RefractiveIndexModel real;
    private final DoubleUnaryOperator extraK;
    private final WavelengthRange range;
    private final String description;

    private CompositeIndexModel(RefractiveIndexModel real, DoubleUnaryOperator extraK, WavelengthRange range,
            String description) {
        this.real = real;
        this.extraK = extraK;
        this.range = range;
        this.description = description;
    }

    public static RefractiveIndexModel withExtinction(RefractiveIndexModel real, RefractiveIndexModel extinction) {
        WavelengthRange r = real.validRange().intersect(extinction.validRange());
        return new CompositeIndexModel(real, extinction::k, r == null ? real.validRange() : r,
                real.describe() + "; k from " + extinction.describe());
    }

    /** Real index with the bulk attenuation folded in as imaginary index; validity stays the index model's. */
    public static RefractiveIndexModel withAttenuation(RefractiveIndexModel real, AttenuationModel attenuation) {
        return new CompositeIndexModel(real, attenuation::k, real.validRange(),
                real.describe() + "; k from attenuation " + attenuation.describe());
    }

    @Override
    public double n(double wavelength) {
        return real.n(wavelength);
    }

    @Override
    public double k(double wavelength) {
        return real.k(wavelength) + extraK.applyAsDouble(wavelength);
    }

    @Override
    public WavelengthRange validRange() {
        return range;
    }

    @Override
    public String describe() {
        return description;
    }
}
