package org.glassguide.solver.gain;

import java.util.Objects;

/**
 * One optical channel of the rate equations: a signal, a pump or one spectral bin of amplified spontaneous emission,
 * travelling forward (+z) or backward. SI units.
 *
 * @param overlap fraction of the channel's power in the doped region (Gamma)
 * @param sigmaA ground-state absorption cross section at the wavelength (m^2)
 * @param sigmaE emission cross section (m^2)
 * @param antennaAbsorption absorption coefficient of an organic antenna in the doped region (1/m), 0 when none
 * @param loss background power attenuation coefficient (1/m) over the whole mode
 * @param bandwidth optical bandwidth (Hz) into which spontaneous emission is collected; 0 except for ASE bins
 * @param modes guided modes (polarisations included) that collect spontaneous emission: 2 for a single-mode fiber
 */
public record Channel(String label, Kind kind, double wavelength, double inputPower, boolean forward, double overlap, String overlapBasis,
        double sigmaA, double sigmaE, double antennaAbsorption, double loss, double bandwidth, int modes) {
    public enum Kind { SIGNAL, PUMP, ASE }

    public Channel {
        Objects.requireNonNull(kind, "kind");
        label = label == null ? kind.name().toLowerCase(java.util.Locale.ROOT) : label;
        overlapBasis = overlapBasis == null ? "" : overlapBasis;
        if (!(wavelength > 0) || !(inputPower >= 0) || !Double.isFinite(inputPower)) {
            throw new IllegalArgumentException("channel " + label + " needs a positive wavelength and a finite power >= 0");
        }
        if (!(overlap > 0 && overlap <= 1)) {
            throw new IllegalArgumentException("channel " + label + ": overlap must lie in (0, 1], got " + overlap);
        }
        if (!(sigmaA >= 0) || !(sigmaE >= 0) || !(antennaAbsorption >= 0) || !(loss >= 0) || !(bandwidth >= 0) || modes < 1) {
            throw new IllegalArgumentException("channel " + label + ": cross sections, losses and bandwidth must be >= 0");
        }
    }

    /** Photon energy h nu (J). */
    public double photonEnergy() {
        return RateEquations.H * RateEquations.C / wavelength;
    }
}
