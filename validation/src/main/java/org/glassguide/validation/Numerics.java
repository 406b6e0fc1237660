package org.glassguide.validation;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.glassguide.materials.Material;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.StepIndexAnalysis;

/** Helpers the validation cases share: composite Simpson quadrature and the exact analysis of a constant-index fiber. */
final class Numerics {
    private Numerics() {
    }

    /** Composite Simpson rule on n (even) intervals. */
    static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }

    /** The exact LP analysis (no vector modes) of a fiber of core radius a, indices n1/n2, cladding 50 a, in air. */
    static FiberAnalysis stepIndex(double n1, double n2, double a, double wavelength) {
        FiberStructure f = new FiberStructure(List.of(new Layer(Material.constant(n1, 0, "validation"), a), new Layer(Material.constant(n2, 0,
                "validation"), 50 * a)), Material.constant(1, 0, "validation"));
        return new StepIndexAnalysis().analyse(f, wavelength, new DesignOptions(false, false, null, 10), w -> { }, ProgressMonitor.NONE);
    }
}
