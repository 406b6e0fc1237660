package org.glassguide.materials.attenuation;

import java.util.Locale;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.units.Units;

/**
 * Attenuation measured at discrete wavelengths, interpolated linearly in log(alpha) between points
 * (loss spectra are closer to exponential than linear between bands); held at the nearest measured value outside
 * them. That one rule serves every command and view; a value outside the measured span is an assumption, and
 * {@link #extension} says so for each output that uses one.
 */
public final class MeasuredAttenuation implements AttenuationModel {
    private final double[] wl;
    private final double[] logAlpha;
    private final double[] alpha;
    private final LossMeasurement measuredOn;

    public MeasuredAttenuation(double[] wavelengths, double[] alphaPerMetre) {
        this(wavelengths, alphaPerMetre, null);
    }

    /** @param measuredOn what the loss was measured on (bulk glass or a guide), or null when the source does not say */
    public MeasuredAttenuation(double[] wavelengths, double[] alphaPerMetre, LossMeasurement measuredOn) {
        if (wavelengths.length == 0 || wavelengths.length != alphaPerMetre.length) {
            throw new IllegalArgumentException("measured attenuation needs equal-length, non-empty columns");
        }
        for (int i = 0; i < wavelengths.length; i++) {
            if (!(alphaPerMetre[i] > 0) || !Double.isFinite(alphaPerMetre[i])) {
                throw new IllegalArgumentException("measured attenuation must be positive, got " + alphaPerMetre[i]);
            }
            if (i > 0 && !(wavelengths[i] > wavelengths[i - 1])) {
                throw new IllegalArgumentException("measured attenuation wavelengths must increase strictly");
            }
        }
        this.measuredOn = measuredOn;
        this.wl = wavelengths.clone();
        this.alpha = alphaPerMetre.clone();
        this.logAlpha = new double[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            logAlpha[i] = Math.log(alpha[i]);
        }
    }

    /** What the loss was measured on, or null when the source does not say. */
    public LossMeasurement measuredOn() {
        return measuredOn;
    }

    public double[] wavelengths() {
        return wl.clone();
    }

    public double[] alphas() {
        return alpha.clone();
    }

    @Override
    public double alpha(double wavelength) {
        int last = wl.length - 1;
        if (wavelength <= wl[0]) {
            return alpha[0];
        }
        if (wavelength >= wl[last]) {
            return alpha[last];
        }
        int i = 1;
        while (wl[i] < wavelength) {
            i++;
        }
        double t = (wavelength - wl[i - 1]) / (wl[i] - wl[i - 1]);
        return Math.exp(logAlpha[i - 1] + t * (logAlpha[i] - logAlpha[i - 1]));
    }

    /** Every wavelength: outside the measured span the nearest measured value is held (see {@link #extension}). */
    @Override
    public WavelengthRange validRange() {
        return WavelengthRange.ALL;
    }

    /** The wavelengths the measurements span (a single point's width is zero). */
    public double[] span() {
        return new double[] {wl[0], wl[wl.length - 1]};
    }

    @Override
    public String extension(double wavelength) {
        int last = wl.length - 1;
        if (wavelength >= wl[0] * (1 - 1e-9) && wavelength <= wl[last] * (1 + 1e-9)) {
            return null;
        }
        int i = wavelength < wl[0] ? 0 : last;
        String span = last == 0 ? "a single measurement" : "the measured " + Units.nm(wl[0]) + "-" + Units.nm(wl[last]) + " nm";
        return String.format(Locale.ROOT, "held at %.4g dB/m, its value measured at %s nm (outside %s: assumed)", alpha[i] * Units.DB_PER_NEPER_POWER,
                Units.nm(wl[i]), span);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("measured: ");
        for (int i = 0; i < wl.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%.4g dB/m at %s nm", alpha[i] * Units.DB_PER_NEPER_POWER, Units.nm(wl[i])));
        }
        return sb.toString();
    }
}
