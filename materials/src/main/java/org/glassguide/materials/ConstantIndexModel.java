package org.glassguide.materials;

/** A dispersion-free index n + i k, valid at every wavelength. */
public record ConstantIndexModel(double nValue, double kValue) implements RefractiveIndexModel {
    public ConstantIndexModel {
        if (!(nValue > 0) || !Double.isFinite(nValue)) {
            throw new IllegalArgumentException("index n (" + nValue + ") must be positive");
        }
        if (!(kValue >= 0) || !Double.isFinite(kValue)) {
            throw new IllegalArgumentException("extinction k (" + kValue + ") must be >= 0");
        }
    }

    @Override
    public double n(double wavelength) {
        return nValue;
    }

    @Override
    public double k(double wavelength) {
        return kValue;
    }

    @Override
    public WavelengthRange validRange() {
        return WavelengthRange.ALL;
    }

    @Override
    public String describe() {
        return kValue == 0 ? "constant n = " + nValue : "constant n = " + nValue + ", k = " + kValue;
    }
}
