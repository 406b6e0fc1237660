package org.glassguide.solver.radial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexModeSolver;
import org.glassguide.solver.fiber.StepIndexModes;
import org.junit.jupiter.api.Test;

class RadialVectorModeSolverTest {
    private static Map<String, Double> solve(double pointsPerPeriod, double a, double n1, double n2, double lambda) {
        List<RadialVectorModeSolver.VectorMode> v = new RadialVectorModeSolver().solve(RadialIndexProfile.stepIndex(a, n1, n2), lambda,
                new RadialModeSolver.Settings(pointsPerPeriod, 0, 0), ProgressMonitor.NONE);
        return v.stream().collect(Collectors.toMap(RadialVectorModeSolver.VectorMode::name, RadialVectorModeSolver.VectorMode::nEff));
    }

    /** Strongly guiding fiber (1.56/1.44, V = 5.65): every exact vector mode found and named, n_eff to 5e-5. */
    @Test
    void strongGuidanceMatchesExactVectorModes() {
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(1.5e-6, 1.56, 1.44, 1e-6), true, ProgressMonitor.NONE);
        Map<String, Double> got = solve(80, 1.5e-6, 1.56, 1.44, 1e-6);
        assertEquals(exact.vectorModes().size(), got.size());
        for (GuidedMode g : exact.vectorModes()) {
            assertTrue(got.containsKey(g.name()), g.name() + " found");
            assertEquals(g.nEff(), got.get(g.name()), 5e-5, g.name());
        }
        // the TE01 > HE21 > TM01 splitting (~1e-3 here) is resolved in order and size
        assertTrue(got.get("TE01") > got.get("HE21") && got.get("HE21") > got.get("TM01"));
        Map<String, Double> ex = exact.vectorModes().stream().collect(Collectors.toMap(GuidedMode::name, GuidedMode::nEff));
        assertEquals(ex.get("TE01") - ex.get("TM01"), got.get("TE01") - got.get("TM01"), 1e-5);
    }

    /** TE_0m is exactly the order-1 scalar problem of the same discretisation; hybrid and TM errors fall at second order. */
    @Test
    void teIsTheOrderOneScalarProblemAndErrorsFallWithTheStep() {
        RadialModes scalar = new RadialModeSolver().solve(RadialIndexProfile.stepIndex(1.5e-6, 1.56, 1.44), 1e-6,
                new RadialModeSolver.Settings(40, 0, 0), ProgressMonitor.NONE);
        Map<String, Double> v40 = solve(40, 1.5e-6, 1.56, 1.44, 1e-6);
        double lp11 = scalar.modes().stream().filter(m -> m.name().equals("LP11")).findFirst().orElseThrow().nEff();
        assertEquals(lp11, v40.get("TE01"), 1e-13);
        StepIndexModes exact = new StepIndexModeSolver().solve(new StepIndexFiber(1.5e-6, 1.56, 1.44, 1e-6), true, ProgressMonitor.NONE);
        Map<String, Double> ex = exact.vectorModes().stream().collect(Collectors.toMap(GuidedMode::name, GuidedMode::nEff));
        Map<String, Double> v80 = solve(80, 1.5e-6, 1.56, 1.44, 1e-6);
        for (String name : List.of("HE11", "TM01", "HE21", "EH11")) {
            double e40 = Math.abs(v40.get(name) - ex.get(name));
            double e80 = Math.abs(v80.get(name) - ex.get(name));
            // second order: the error falls about fourfold per halving of the step
            assertTrue(e80 < 0.35 * e40, name + ": " + e40 + " -> " + e80);
        }
    }
}
