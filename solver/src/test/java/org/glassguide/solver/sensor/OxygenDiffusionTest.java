package org.glassguide.solver.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** O2 diffusion: the finite-volume uptake converges at second order to Crank's series; the mean obeys its conservation law. */
class OxygenDiffusionTest {
    /** Crank eq. 4.18 for a film of thickness L, one face sealed: 1 - sum 2/lambda^2 exp(-lambda^2 tau), lambda = (2n+1) pi / 2. */
    private static double filmUptake(double tau) {
        double s = 0;
        for (int n = 0; n < 100000; n++) {
            double l = (2 * n + 1) * Math.PI / 2;
            double term = 2 / (l * l) * Math.exp(-l * l * tau);
            s += term;
            if (term < 1e-18) {
                break;
            }
        }
        return 1 - s;
    }

    @Test
    void filmUptakeConvergesAtSecondOrder() {
        double tau = 0.1;
        double exact = filmUptake(tau);
        double e1 = Math.abs(new OxygenDiffusion(OxygenDiffusion.Geometry.FILM, 1, 1, 50).uptake(tau) - exact);
        double e2 = Math.abs(new OxygenDiffusion(OxygenDiffusion.Geometry.FILM, 1, 1, 100).uptake(tau) - exact);
        double e3 = Math.abs(new OxygenDiffusion(OxygenDiffusion.Geometry.FILM, 1, 1, 200).uptake(tau) - exact);
        assertEquals(2, Math.log(e1 / e2) / Math.log(2), 0.15);
        assertEquals(2, Math.log(e2 / e3) / Math.log(2), 0.15);
        assertTrue(e3 < 2e-5, "200 cells: " + e3);
    }

    @Test
    void cylinderUptakeMatchesTheBesselSeries() {
        // the first zeros of J0 (Abramowitz and Stegun, table 9.5): the series' first terms dominate at tau = 0.2
        double[] alpha = {2.404825557695773, 5.520078110286311, 8.653727912911013, 11.79153443901428, 14.93091770848779, 18.07106396791092};
        double tau = 0.2;
        double s = 0;
        for (double a : alpha) {
            s += 4 / (a * a) * Math.exp(-a * a * tau);
        }
        double exact = 1 - s;
        OxygenDiffusion d = new OxygenDiffusion(OxygenDiffusion.Geometry.CYLINDER, 2, 3, 200);
        // scale: size 2, D 3, so tau = D t / a^2 means t = tau a^2 / D
        assertEquals(exact, d.uptake(tau * 4 / 3), 2e-5);
        assertEquals(4.0 / 3, d.diffusionTime(), 1e-15);
    }

    @Test
    void uptakeIsMonotoneFromNothingToAll() {
        OxygenDiffusion d = new OxygenDiffusion(OxygenDiffusion.Geometry.CYLINDER, 1, 1, 100);
        assertEquals(0, d.uptake(0), 1e-12);
        double last = 0;
        for (double t = 1e-4; t < 3; t *= 1.5) {
            double u = d.uptake(t);
            assertTrue(u > last && u < 1, "t = " + t);
            last = u;
        }
        assertEquals(1, d.uptake(10), 1e-12);
    }
}
