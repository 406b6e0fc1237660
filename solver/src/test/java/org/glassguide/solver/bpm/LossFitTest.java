package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss reading: a settled decay after a transient, beating below resolution, a slope that keeps changing. */
class LossFitTest {
    private static final int N = 201;
    private static final double LENGTH = 400e-6;

    private static double[] z() {
        double[] z = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = LENGTH * i / (N - 1);
        }
        return z;
    }

    /** 10 dB/cm of guided decay plus radiation that leaves within the first 60 um: the fit must skip it. */
    @Test
    void skipsTheLaunchTransient() {
        double[] z = z();
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            double guided = 0.8 * Math.pow(10, -10 * z[i] * 100 / 10);
            p[i] = guided + 0.2 * Math.exp(-z[i] / 15e-6);
        }
        LossFit f = LossFit.of(z, p);
        assertEquals(LossFit.Verdict.SETTLED, f.verdict(), f.describe());
        assertEquals(10, f.lossDbPerCm(), 0.1, f.describe());
        assertTrue(f.zFrom() > 0, "the window must start after the transient: " + f.describe());
        // the whole-run line through the same data reads the transient as loss
        LossFit whole = LossFit.endToEnd(z, p);
        assertTrue(whole.lossDbPerCm() > 15, "end-to-end " + whole.lossDbPerCm());
    }

    /** A lossless guide whose two modes beat in the core: no loss to report, an upper bound from the beating. */
    @Test
    void beatingWithoutLossIsBelowResolution() {
        double[] z = z();
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = 0.9 + 0.05 * Math.cos(2 * Math.PI * z[i] / 37e-6);
        }
        LossFit f = LossFit.of(z, p);
        assertEquals(LossFit.Verdict.BELOW_RESOLUTION, f.verdict(), f.describe());
        assertTrue(Math.abs(f.lossDbPerCm()) < f.resolutionDbPerCm());
        assertTrue(f.resolutionDbPerCm() > 0 && f.resolutionDbPerCm() < 10, f.describe());
    }

    /** A decay that keeps speeding up (loss growing along z) is no settled loss. */
    @Test
    void aChangingSlopeIsUnsettled() {
        double[] z = z();
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            double zc = z[i] * 100;
            p[i] = Math.pow(10, -(20 * zc + 2000 * zc * zc) / 10);
        }
        assertEquals(LossFit.Verdict.UNSETTLED, LossFit.of(z, p).verdict());
    }

    /** A clean exponential is fitted over the whole run, exactly. */
    @Test
    void cleanDecayUsesTheWholeRun() {
        double[] z = z();
        double[] p = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = Math.pow(10, -3.5 * z[i] * 100 / 10);
        }
        LossFit f = LossFit.of(z, p);
        assertEquals(LossFit.Verdict.SETTLED, f.verdict());
        assertEquals(3.5, f.lossDbPerCm(), 1e-9);
        assertEquals(0, f.zFrom(), 0);
        assertEquals(LossFit.Verdict.TOO_FEW_POINTS, LossFit.of(new double[] {0, 1e-6}, new double[] {1, 0.9}).verdict());
    }
}
