package org.glassguide.solver.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.api.Test;

class StepIndexFieldsTest {
    /** Simpson's rule on [0, rMax], independent of the closed-form Bessel integrals. */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double s = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
        }
        return s * h / 3;
    }

    @Test
    void petermannIIMatchesNumericalQuadratureOfTheField() {
        StepIndexFiber f = new StepIndexFiber(4.1e-6, 1.4504, 1.4447, 1310e-9);
        GuidedMode lp01 = new StepIndexModeSolver().solve(f, false, ProgressMonitor.NONE).fundamental();
        double a = f.coreRadius();
        double rMax = 12 * a;
        double dr = 1e-4 * a;
        java.util.function.DoubleUnaryOperator psi = r -> StepIndexFields.radialAmplitude(f, lp01, r);
        // split at the core boundary, where psi'' jumps; psi and psi' are continuous so the central difference may straddle it
        double p = integrate(r -> psi.applyAsDouble(r) * psi.applyAsDouble(r) * r, 0, a, 2000)
                + integrate(r -> psi.applyAsDouble(r) * psi.applyAsDouble(r) * r, a, rMax, 20000);
        java.util.function.DoubleUnaryOperator d = r -> (psi.applyAsDouble(r + dr) - psi.applyAsDouble(r - dr)) / (2 * dr);
        double q = integrate(r -> d.applyAsDouble(r) * d.applyAsDouble(r) * r, 0, a, 2000)
                + integrate(r -> d.applyAsDouble(r) * d.applyAsDouble(r) * r, a, rMax, 20000);
        double numeric = 2 * Math.sqrt(2 * p / q);
        assertEquals(numeric, StepIndexFields.petermannIIDiameter(f, lp01), 1e-5 * numeric);
    }

    /** Marcuse's Gaussian fit w/a = 0.65 + 1.619 V^-1.5 + 2.879 V^-6 agrees with Petermann II within ~2 % near V = 2. */
    @Test
    void petermannIIIsCloseToMarcuseNearSingleModeCutoff() {
        StepIndexFiber f = new StepIndexFiber(4.1e-6, 1.4504, 1.4447, 1310e-9);
        GuidedMode lp01 = new StepIndexModeSolver().solve(f, false, ProgressMonitor.NONE).fundamental();
        double v = f.vNumber();
        double marcuse = 2 * f.coreRadius() * (0.65 + 1.619 * Math.pow(v, -1.5) + 2.879 * Math.pow(v, -6));
        assertEquals(marcuse, StepIndexFields.petermannIIDiameter(f, lp01), 0.03 * marcuse);
    }

    /** Core power fraction: closed form vs quadrature, for LP01 and a higher-order mode. */
    @Test
    void corePowerFractionMatchesQuadrature() {
        StepIndexFiber f = new StepIndexFiber(10e-6, 1.46, 1.45, 1e-6);
        for (GuidedMode m : new StepIndexModeSolver().solve(f, false, ProgressMonitor.NONE).lpModes().subList(0, 4)) {
            double a = f.coreRadius();
            java.util.function.DoubleUnaryOperator i = r -> Math.pow(StepIndexFields.radialAmplitude(f, m, r), 2) * r;
            double core = integrate(i, 0, a, 4000);
            double clad = integrate(i, a, 30 * a, 60000);
            assertEquals(core / (core + clad), StepIndexFields.corePowerFraction(f, m), 1e-7, m.name());
        }
    }
}
