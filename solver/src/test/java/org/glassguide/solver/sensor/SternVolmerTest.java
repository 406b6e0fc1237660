package org.glassguide.solver.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Multi-site Stern-Volmer: one site is the classic line; two sites curve down; the mean lifetime is the decay's integral. */
class SternVolmerTest {
    @Test
    void oneSiteIsTheClassicLine() {
        SternVolmer m = SternVolmer.oneSite(0.05, 2);
        for (double p : new double[] {0, 1, 21, 100}) {
            assertEquals(1 + 0.05 * p, 1 / m.relativeIntensity(p), 1e-13);
            assertEquals(2 / (1 + 0.05 * p), m.lifetime(p), 1e-13);
            assertEquals(3 * 0.01 * (1 + 0.05 * p) / 0.05, m.resolution(p, 0.01, 3), 1e-12);
        }
        assertEquals(0, m.initialCurvature(), 0);
        assertEquals((1 / (1 - 0.03) - 1) / 0.05, m.detectionLimit(0.01, 3), 1e-12);
    }

    @Test
    void meanLifetimeIsTheIntegralOfTheDecayOverItsStart() {
        SternVolmer m = new SternVolmer(List.of(new SternVolmer.Site(0.6, 0.4), new SternVolmer.Site(0.4, 0.02)), 1.5);
        double p = 21;
        // Simpson over 0 .. 40 tau0 (the slowest site's decay is e^-40 by then)
        int n = 20000;
        double h = 40 * 1.5 / n;
        double s = m.decay(p, 0) + m.decay(p, n * h);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * m.decay(p, i * h);
        }
        double integral = s * h / 3;
        assertEquals(integral / m.decay(p, 0), m.lifetime(p), 1e-10);
        assertEquals(m.relativeIntensity(p), m.decay(p, 0), 1e-15);
    }

    @Test
    void unquenchableLightBoundsTheDetectionLimit() {
        SternVolmer m = new SternVolmer(List.of(new SternVolmer.Site(0.02, 1), new SternVolmer.Site(0.98, 0)), 1);
        // 2 % of the light can be quenched: a 3 x 1 % change is never reached
        assertTrue(Double.isInfinite(m.detectionLimit(0.01, 3)));
        assertEquals(0.98, m.unquenchableFraction(), 1e-15);
    }
}
