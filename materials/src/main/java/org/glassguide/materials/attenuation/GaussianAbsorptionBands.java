package org.glassguide.materials.attenuation;

import java.util.List;
import java.util.Locale;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.units.Units;

/** A sum of Gaussian absorption bands in wavelength: peak alpha, centre and full width at half maximum. */
public final class GaussianAbsorptionBands implements AttenuationModel {
    /** One band; all SI (alpha in 1/m, centre and FWHM in m). */
    public record Band(double peakAlpha, double centre, double fwhm) {
        public Band {
            if (!(peakAlpha >= 0) || !(centre > 0) || !(fwhm > 0)) {
                throw new IllegalArgumentException("band needs peak >= 0, centre > 0 and FWHM > 0");
            }
        }
    }

    private static final double FWHM_TO_SIGMA = 1 / (2 * Math.sqrt(2 * Math.log(2)));
    private final List<Band> bands;

    public GaussianAbsorptionBands(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    public List<Band> bands() {
        return bands;
    }

    @Override
    public double alpha(double wavelength) {
        double s = 0;
        for (Band b : bands) {
            double sigma = b.fwhm() * FWHM_TO_SIGMA;
            double x = (wavelength - b.centre()) / sigma;
            s += b.peakAlpha() * Math.exp(-0.5 * x * x);
        }
        return s;
    }

    @Override
    public WavelengthRange validRange() {
        return WavelengthRange.ALL;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("absorption bands:");
        for (Band b : bands) {
            sb.append(String.format(Locale.ROOT, " %.4g dB/m at %s nm (FWHM %s nm);", b.peakAlpha() * Units.DB_PER_NEPER_POWER,
                    Units.nm(b.centre()), Units.nm(b.fwhm())));
        }
        return sb.toString();
    }
}
