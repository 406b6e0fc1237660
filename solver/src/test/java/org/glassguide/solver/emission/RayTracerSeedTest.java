package org.glassguide.solver.emission;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Different seeds are independent samples: across eight seeds the spread of a tallied fraction matches its binomial
 * variance (a chi-square statistic with 7 degrees of freedom, accepted between its 1 % and 99.9 % points). Seeds that
 * only shifted one stream by a few draws gave nearly equal tallies and a statistic near zero.
 */
class RayTracerSeedTest {
    @Test
    void seedsGiveIndependentSamples() {
        RayTracer.Spectral s = new RayTracer.Spectral(new double[] {500e-9}, new double[] {1.56}, new double[] {1.44}, new double[] {0},
                new double[] {0}, new double[] {1});
        int seeds = 8;
        long rays = 100_000;
        double[] f = new double[seeds];
        double mean = 0;
        for (int i = 0; i < seeds; i++) {
            RayTracer.Tally t = new RayTracer().trace(s, 50e-6, 0.01, 1.0, 1, true, 1, rays, i + 1);
            f[i] = (double) t.firstBound / rays;
            mean += f[i] / seeds;
        }
        double chi2 = 0;
        double var = mean * (1 - mean) / rays;
        for (double v : f) {
            chi2 += (v - mean) * (v - mean) / var;
        }
        // chi-square, 7 degrees of freedom: 1 % point 1.24, 99.9 % point 24.3
        assertTrue(chi2 > 1.24 && chi2 < 24.3, "chi-square over seeds " + chi2);
    }
}
