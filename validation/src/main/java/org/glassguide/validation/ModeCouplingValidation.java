package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.emission.ModeCoupling;
import org.glassguide.solver.emission.RayTracer;
import org.glassguide.solver.fiber.FiberAnalysis;

/** Emission into guided modes summed over all modes against the ray picture's trapped fraction, as V grows. */
final class ModeCouplingValidation {
    private ModeCouplingValidation() {
    }

    static List<ValidationRow> sumOverModes(YamlNode c, String id, String source) {
        double n1 = c.require("n-core").number();
        double n2 = c.require("n-clad").number();
        double wl = c.require("wavelength").quantity(Units::wavelength);
        double tol = c.require("tolerance").number();
        double na = Math.sqrt(n1 * n1 - n2 * n2);
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode vn : c.require("v-numbers").list()) {
            double v = vn.number();
            double a = v * wl / (2 * Math.PI * na);
            FiberAnalysis an = Numerics.stepIndex(n1, n2, a, wl);
            double limit = na * na / (2 * n1 * n1);
            double sum = new ModeCoupling().analyse(an).totalBothDirections();
            rows.add(new ValidationRow(id, String.format(Locale.ROOT, "V = %.0f (%d LP groups): sum over modes / (NA^2 / 2 n1^2)", v,
                    an.modes().lpGroupCount()), 1, sum / limit, tol, source));
        }
        // the ray tracer's bound fraction for the same glasses, against the modal sum at the largest V
        RayTracer.Tally t = new RayTracer().trace(EmissionValidation.flat(n1, n2, 0, 0), 50e-6, 0.01, 1.0, 1, true, 1, 4_000_000, 13);
        double rays = (double) t.firstBound / t.rays;
        double vMax = c.require("v-numbers").list().stream().mapToDouble(YamlNode::number).max().orElseThrow();
        double aMax = vMax * wl / (2 * Math.PI * na);
        double sum = new ModeCoupling().analyse(Numerics.stepIndex(n1, n2, aMax, wl)).totalBothDirections();
        rows.add(new ValidationRow(id, String.format(Locale.ROOT, "V = %.0f: modal sum / ray-traced bound fraction", vMax), 1, sum / rays, tol, source));
        return rows;
    }
}
