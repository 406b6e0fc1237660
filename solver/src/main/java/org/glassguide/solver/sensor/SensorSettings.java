package org.glassguide.solver.sensor;

import java.util.List;

/**
 * An oxygen-sensing run (the design's sensor: section): Stern-Volmer quenching of the core's phosphorescence over one
 * or more sites, its temperature dependence and how fast O2 diffusing into the glass lets the light follow a step.
 * Oxygen is given as a partial pressure in per cent of one atmosphere (21 % is air).
 *
 * @param kSv one-site Stern-Volmer constant per % O2, or NaN (calibrated to detectionLimit, or sites given)
 * @param sites the sites of a multi-site (Demas) model, or empty for one site
 * @param detectionLimit the O2 level (%) the sensor must resolve (used when kSv is NaN and no sites; else reported)
 * @param relativeNoise one-sigma relative noise of an intensity reading
 * @param sigmas how many sigmas make a detection
 * @param maxOxygen the O2 range studied, 0 .. maxOxygen (%)
 * @param lifetime unquenched lifetime (s), or NaN for the catalog's
 * @param temperature the operating and reference temperatures and the activation energies
 * @param diffusion where and how fast O2 enters the glass
 */
public record SensorSettings(double kSv, List<SternVolmer.Site> sites, double detectionLimit, double relativeNoise, double sigmas, double maxOxygen,
        double lifetime, Temperature temperature, Diffusion diffusion) {
    /** The design section this record is read from. */
    public static final String SECTION = "sensor";

    /** Activation energy of O2 quenching (J/mol) taken when the design gives none. */
    public static final double ASSUMED_QUENCHING_ACTIVATION = 20e3;
    /** O2 diffusion coefficient in the glass (m^2/s) taken when the design gives none. */
    public static final double ASSUMED_DIFFUSION = 1e-11;

    /**
     * Temperatures (K) and Arrhenius energies (J/mol): k_q and D scale as exp(-E_q/R (1/T - 1/T_ref)), tau0 as
     * exp(E_tau/R (1/T - 1/T_ref)), and K_SV = k_q tau0. NaN energies take the assumed defaults (marked in the report).
     */
    public record Temperature(double operating, double reference, double quenchingActivation, double lifetimeActivation) {
        public Temperature {
            if (!(operating > 0) || !(reference > 0)) {
                throw new IllegalArgumentException("temperatures must be positive (K)");
            }
        }

        public static Temperature standard() {
            return new Temperature(298.15, 298.15, Double.NaN, Double.NaN);
        }
    }

    /** Where O2 enters: a film (thickness) or a cylinder (radius; NaN = the fiber's core), and D (m^2/s; NaN = assumed). */
    public record Diffusion(OxygenDiffusion.Geometry geometry, double size, double coefficient) {
        public static Diffusion standard() {
            return new Diffusion(OxygenDiffusion.Geometry.CYLINDER, Double.NaN, Double.NaN);
        }
    }

    /** The design's sensor: section, or null when it has none. */
    public static SensorSettings of(org.glassguide.solver.design.Design design) {
        return design.section(SECTION, SensorSettings.class);
    }

    public SensorSettings {
        sites = List.copyOf(sites);
        if (!Double.isNaN(kSv) && !(kSv > 0)) {
            throw new IllegalArgumentException("Stern-Volmer constant must be positive");
        }
        if (!Double.isNaN(kSv) && !sites.isEmpty()) {
            throw new IllegalArgumentException("give one K_SV or sites, not both");
        }
        if (Double.isNaN(kSv) && sites.isEmpty() && !(detectionLimit > 0)) {
            throw new IllegalArgumentException("give a Stern-Volmer constant, sites, or a detection limit to calibrate K_SV to");
        }
        if (!(relativeNoise > 0 && relativeNoise < 1) || !(sigmas > 0) || !(sigmas * relativeNoise < 1)) {
            throw new IllegalArgumentException("noise must lie in (0, 1) and sigmas x noise below 1");
        }
        if (!(maxOxygen > 0 && maxOxygen <= 100)) {
            throw new IllegalArgumentException("oxygen range must be within 0 and 100 %");
        }
    }
}
