package org.glassguide.solver.codraw;

import java.util.List;

import org.glassguide.materials.thermal.ViscosityFit;
import org.glassguide.solver.fiber.FiberAnalysis;

/**
 * What a co-draw analysis found. Temperatures in K, viscosities as log10 Pa s; a window with NaN ends is
 * empty.
 *
 * @param core the core glass: its curve and the span in which it alone is drawable
 * @param cladding the cladding glass, the same
 * @param coViscous where both glasses lie in the drawable span (below any decomposition)
 * @param moltenCore where the cladding is drawable and the core is no stiffer than it (the cladding tube
 *     carries the draw; a fluid core is shaped by it), below any decomposition
 * @param alternativeCoViscous the co-viscous window under a glass's alternative curve (where its data
 *     disagree; else null)
 * @param alternativeMoltenCore the molten-core window under the alternative curve (else null)
 * @param decomposition the lowest decomposition onset of the two glasses (K), or NaN when none is known
 * @param explanation the findings in sentences, in the order a user needs them
 * @param risks what could go wrong, including what the catalog cannot tell
 * @param drawn the drawn fiber (from the preform) or the design's own, and its optics
 */
public record CoDrawResult(Glass core, Glass cladding, double drawLog10Min, double drawLog10Max, String drawRangeSource,
        Window coViscous, Window moltenCore, Window alternativeCoViscous, Window alternativeMoltenCore, double decomposition,
        List<String> explanation, List<String> risks, Drawn drawn) {
    public CoDrawResult {
        explanation = List.copyOf(explanation);
        risks = List.copyOf(risks);
    }

    /** A glass and its viscosity curve; drawable from..to (K) is where it alone lies in the span. */
    public record Glass(String material, ViscosityFit fit, double drawableFrom, double drawableTo, double decomposition,
            String decompositionSource) {
        public double log10Viscosity(double t) {
            return fit.model().log10Viscosity(t);
        }
    }

    /** A temperature interval (K), NaN ends when empty, with the viscosity ratio core/cladding at its ends. */
    public record Window(double from, double to, double log10RatioAtFrom, double log10RatioAtTo) {
        public static final Window EMPTY = new Window(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public boolean isEmpty() {
            return !(to >= from);
        }

        public double width() {
            return isEmpty() ? 0 : to - from;
        }
    }

    /**
     * The fiber that comes out: diameters (m), how they follow from the preform (null when the design's
     * own were analysed), its optics at each design wavelength, and the tolerance study.
     */
    public record Drawn(DrawSettings.Preform preform, double coreDiameter, double outerDiameter, List<FiberAnalysis> optics,
            List<Double> coreLossDbPerCm, List<ToleranceRow> tolerance) {
        public Drawn {
            optics = List.copyOf(optics);
            coreLossDbPerCm = List.copyOf(coreLossDbPerCm);
            tolerance = List.copyOf(tolerance);
        }
    }

    /** One wavelength and diameter scale (1 - tol, 1, 1 + tol): V, guided LP modes, LP11 cutoff (m), MFD (m). */
    public record ToleranceRow(double wavelength, double scale, double coreDiameter, double vNumber, int lpModes,
            double cutoffWavelength, double modeFieldDiameter) {
    }
}
