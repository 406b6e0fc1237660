package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The measured NA of a Gaussian end field against its analytic angular spectrum: |F(k)|^2 ∝ exp(-k^2 w0^2 / 2), each
 * plane wave carrying |F|^2 cos(theta) across the face (cos(theta) = sqrt(1 - (k / (k0 n))^2)), the NA the k / k0
 * that holds 95 % of the power. The reference is a radial (3D) or line (2D) quadrature, independent of the FFT.
 */
class FarFieldTest {
    private static final double LAMBDA = 1e-6;
    private static final double N = 1.5;
    private static final double W0 = 0.5e-6;

    /** The k / k0 below which the fraction 0.95 of the obliquity-weighted power lies (dims: 1 line, 2 radial). */
    private static double analyticNa(int dims, boolean obliquity) {
        double k0 = 2 * Math.PI / LAMBDA;
        int steps = 200000;
        double kMax = k0 * N;
        double[] cum = new double[steps + 1];
        for (int i = 1; i <= steps; i++) {
            double k = (i - 0.5) / steps * kMax;
            double w = Math.exp(-k * k * W0 * W0 / 2) * (obliquity ? Math.sqrt(1 - (k / kMax) * (k / kMax)) : 1) * (dims == 2 ? k : 1);
            cum[i] = cum[i - 1] + w;
        }
        for (int i = 1; i <= steps; i++) {
            if (cum[i] >= 0.95 * cum[steps]) {
                return (double) i / steps * kMax / k0;
            }
        }
        return Double.NaN;
    }

    @Test
    void measuredNaOfAGaussianInThreeDimensions() {
        double h = 0.05e-6;
        BpmGrid g = BpmGrid.centred(256 * h, 256 * h, h);
        double[] f = Launch.gaussian(g, LAMBDA, N, W0, 0, 0, 0);
        double na = BpmAnalysis.farField(List.of(f), g, LAMBDA, N, N, new double[1][]);
        double exact = analyticNa(2, true);
        double plain = analyticNa(2, false);
        assertTrue(plain - exact > 0.02, "the obliquity must matter here: " + plain + " vs " + exact);
        assertEquals(exact, na, 0.005, "measured " + na + ", analytic " + exact);
    }

    @Test
    void measuredNaOfAGaussianInTwoDimensions() {
        double h = 0.02e-6;
        BpmGrid g = BpmGrid.slab(2048 * h, h);
        double[] f = Launch.gaussian(g, LAMBDA, N, W0, 0, 0, 0);
        double na = BpmAnalysis.farField(List.of(f), g, LAMBDA, N, N, new double[1][]);
        assertEquals(analyticNa(1, true), na, 0.003);
    }
}
