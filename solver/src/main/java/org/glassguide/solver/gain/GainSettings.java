package org.glassguide.solver.gain;

import java.util.List;
import java.util.Objects;

/**
 * A rare-earth amplifier run (the design's gain: section). SI units; NaN means "from the catalog" or "automatic".
 *
 * @param dopant the material whose gain: data to use (resolved from the catalog by name), or null for the core's
 * @param concentration ion density (1/m^3), NaN for the catalog's
 * @param dopedDiameter doped region diameter (m), NaN for the core's
 * @param length fiber length (m)
 * @param steps uniform z steps of the solver, 0 to choose them (at least 100, and enough for the strongest channel)
 * @param backgroundLoss power attenuation (1/m) for every channel, NaN for the core material's catalog attenuation
 * @param launches signals and pumps
 * @param ase spectrally resolved ASE bins, or null for none
 * @param lengths lengths of the length study (m), empty for automatic
 * @param concentrations ion densities of the concentration study (1/m^3), empty for automatic
 * @param pumpScales factors on every pump's power for the pump study, empty for automatic
 */
public record GainSettings(org.glassguide.materials.Material dopant, double concentration, double dopedDiameter, double length, int steps, double backgroundLoss,
        List<Launch> launches, Ase ase, List<Double> lengths, List<Double> concentrations, List<Double> pumpScales) {
    /** The design section this record is read from. */
    public static final String SECTION = "gain";

    /** The design's gain: section, or null when it has none. */
    public static GainSettings of(org.glassguide.solver.design.Design design) {
        return design.section(SECTION, GainSettings.class);
    }


    /** How a channel's overlap with the doped region is found. */
    /**
     * How a channel's overlap with the doped region is found: AUTO (LP01 only, as FUNDAMENTAL), the exact guided modes under
     * a stated launch (FUNDAMENTAL, EQUAL, FILLED: see ModePowerShares.Launch), the pump cladding, a Gaussian of given
     * MFD, or a given number.
     */
    public enum ModeKind { AUTO, FUNDAMENTAL, EQUAL, FILLED, CLADDING, GAUSSIAN, GIVEN }

    /**
     * A signal or pump at the fiber's input.
     *
     * @param modeValue the Gaussian mode-field diameter (m) for GAUSSIAN, the overlap for GIVEN, the pump-cladding
     *        diameter (m, NaN for the second layer's) for CLADDING
     */
    public record Launch(boolean pump, double wavelength, double power, boolean forward, ModeKind mode, double modeValue, String label) {
        public Launch {
            Objects.requireNonNull(mode, "mode");
            if (!(wavelength > 0) || !(power >= 0) || !Double.isFinite(power)) {
                throw new IllegalArgumentException("a launch needs a positive wavelength and a power of 0 or more");
            }
        }
    }

    /** ASE collected in `bins` equal wavelength bins from `from` to `to`, both directions, in the core's guided modes. */
    public record Ase(double from, double to, int bins) {
        public Ase {
            if (!(from > 0) || !(to > from) || bins < 1 || bins > 1000) {
                throw new IllegalArgumentException("ASE needs 0 < from < to and 1..1000 bins");
            }
        }
    }

    public GainSettings {
        launches = List.copyOf(launches);
        lengths = List.copyOf(lengths);
        concentrations = List.copyOf(concentrations);
        pumpScales = List.copyOf(pumpScales);
        if (!(length > 0) || (steps != 0 && steps < 8) || steps > 200000) {
            throw new IllegalArgumentException("gain needs a positive length and 8..200000 steps");
        }
        if (launches.isEmpty()) {
            throw new IllegalArgumentException("gain needs at least one signal or pump");
        }
        if (!Double.isNaN(concentration) && !(concentration > 0)) {
            throw new IllegalArgumentException("ion concentration must be positive");
        }
    }
}
