package org.glassguide.solver.loss;

import java.util.List;
import java.util.Objects;

import org.glassguide.solver.fiber.ModePowerShares;

/**
 * What a loss budget is told (the design's loss: section). SI units.
 *
 * @param length guide length the budget totals over (m)
 * @param source the light source for the launch coupling loss, or null for none
 * @param fresnelFaces end faces with Fresnel reflection loss: 0, 1 (input) or 2 (input and output)
 * @param calibration measured points and mechanisms to fit to a material, or null
 * @param bend a bend along the way, or null for a straight guide
 * @param modePower how the guided power spreads over the modes for the core share: null for the source's own (LP01 for a
 *        Gaussian beam, every mode equally for an incoherent source or none given)
 * @param fresnelAveraged Fresnel loss averaged over the launched cone (Lambertian within the smaller of the source's and
 *        the fiber's NA) and both polarisations, instead of at normal incidence
 */
public record LossSettings(double length, Source source, int fresnelFaces, CalibrationSpec calibration, Bend bend,
        ModePowerShares.Launch modePower, boolean fresnelAveraged) {
    /** The design section this record is read from. */
    public static final String SECTION = "loss";

    /** The design's loss: section, or the defaults when it has none. */
    public static LossSettings of(org.glassguide.solver.design.Design design) {
        LossSettings s = design.section(SECTION, LossSettings.class);
        return s != null ? s : LossSettings.defaults();
    }

    /** A bend of the given radius over the given length of fiber (m). */
    public record Bend(double radius, double length) {
        public Bend {
            if (!(radius > 0) || !(length > 0)) {
                throw new IllegalArgumentException("a bend needs a positive radius and length");
            }
        }
    }

    public LossSettings {
        if (!(length > 0) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("length must be positive");
        }
        if (fresnelFaces < 0 || fresnelFaces > 2) {
            throw new IllegalArgumentException("fresnel faces must be 0, 1 or 2");
        }
    }

    /** The launch the core share assumes: the one given, else the source's own. */
    public ModePowerShares.Launch launch() {
        if (modePower != null) {
            return modePower;
        }
        return source != null && source.kind().equals("gaussian") ? ModePowerShares.Launch.FUNDAMENTAL : ModePowerShares.Launch.EQUAL;
    }

    public static LossSettings defaults() {
        return new LossSettings(0.01, null, 2, null, null, null, false);
    }

    /**
     * A source: incoherent (uniform radiance within its NA over a disc of the given diameter: an LED, a lamp-fed
     * bundle, luminescence) or a coherent Gaussian beam (waist radius, focused on the core's centre).
     */
    public record Source(String kind, double na, double diameter, double waist) {
        public Source {
            if (kind.equals("incoherent")) {
                if (!(na > 0 && na <= 1.5) || !(diameter > 0)) {
                    throw new IllegalArgumentException("an incoherent source needs 0 < NA and a positive diameter");
                }
            } else if (kind.equals("gaussian")) {
                if (!(waist > 0)) {
                    throw new IllegalArgumentException("a Gaussian source needs a positive waist");
                }
            } else {
                throw new IllegalArgumentException("source kind must be incoherent or gaussian");
            }
        }
    }

    /** Fit the named material's attenuation to measured points with these mechanisms; the fit replaces its model in the budget. */
    public record CalibrationSpec(String material, List<Calibration.Point> points, List<Mechanism> mechanisms) {
        public CalibrationSpec {
            Objects.requireNonNull(material, "material");
            points = List.copyOf(points);
            mechanisms = List.copyOf(mechanisms);
        }
    }
}
