package org.glassguide.solver.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Light outside the core: rays that meet an end face before the core's wall leave by it, and a bare fiber's outer
 * surface guides what the core does not, against closed forms for an on-axis emitter (no skew rays) in a lossless fiber.
 */
class CladdingLightTest {
    private static final double N1 = 1.56;
    private static final double N2 = 1.44;
    private static final double A = 50e-6;

    private static RayTracer.Spectral flat() {
        return new RayTracer.Spectral(new double[] {500e-9}, new double[] {N1}, new double[] {N2}, new double[] {0}, new double[] {0},
                new double[] {1});
    }

    /** 5 binomial standard deviations of a fraction p over n rays. */
    private static double tol(double p, long n) {
        return 5 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void aBareFiberGuidesEveryRayWhoseAxialIndexExceedsTheSurrounds() {
        long rays = 1_000_000;
        // emitters on the axis along a fiber 10^4 core radii long: rays meeting a face before the wall are a 1e-4 effect
        RayTracer.Tally t = new RayTracer().trace(flat(), A, 1e4 * A, 1.0, 1, true, 1, rays, 21, true, new RayTracer.Cladding(340e-6 / 75e-6 * A,
                new double[] {1.0}));
        double trapped = 1 - 1.0 / N1;
        assertEquals(trapped, (double) (t.firstBound + t.firstCladding) / t.rays, tol(trapped, rays));
        assertEquals(1 - N2 / N1, (double) t.firstBound / t.rays, tol(1 - N2 / N1, rays));
        // lossless: every guided ray leaves by a face, or never, when both glasses reflect it totally at the faces
        // (beta^2 < n_clad^2 - n0^2): beta = n1 mu between n_s and sqrt(n_clad^2 - 1)
        double forever = (Math.sqrt(N2 * N2 - 1) - 1) / N1;
        assertEquals(forever, (double) t.trappedForever / t.rays, tol(forever, rays));
        assertEquals(t.firstBound + t.firstCladding, t.output + t.input + t.trappedForever - t.outputUnguided - t.inputUnguided);
        assertEquals(0, t.firstTunnelling);
        assertEquals(t.rays, t.output + t.input + t.escaped + t.trappedForever);
    }

    @Test
    void strippedCladdingLosesWhatTheCoreDoesNotGuide() {
        long rays = 400_000;
        RayTracer.Tally t = new RayTracer().trace(flat(), A, 1e4 * A, 1.0, 1, true, 1, rays, 22, true, null);
        assertEquals(0, t.firstCladding);
        assertEquals(0, t.outputCladding + t.inputCladding);
        // what is not bound escapes, but for the few rays that meet a face first (emitted within ~2.4 a of one)
        double unguided = (double) (t.outputUnguided + t.inputUnguided) / t.rays;
        assertTrue(unguided > 0 && unguided < 2e-3, "unguided exits " + unguided);
        assertEquals(N2 / N1, (double) t.escaped / t.rays + unguided, tol(N2 / N1, rays));
    }

    @Test
    void oneAndTwoThreadsGiveTheSameTallies() {
        RayTracer.Cladding c = new RayTracer.Cladding(4 * A, new double[] {1.0});
        RayTracer.Spectral s = new RayTracer.Spectral(new double[] {500e-9}, new double[] {N1}, new double[] {N2}, new double[] {3},
                new double[] {40}, new double[] {1});
        RayTracer.Tally a = new RayTracer().trace(s, A, 0.01, 1.0, 0.6, false, 200, 200_000, 5, false, c);
        RayTracer.Tally b = new java.util.concurrent.ForkJoinPool(1).submit(() -> new RayTracer().trace(s, A, 0.01, 1.0, 0.6, false, 200, 200_000, 5,
                false, c)).join();
        assertEquals(a.output, b.output);
        assertEquals(a.inputCladding, b.inputCladding);
        assertEquals(a.reEmitted, b.reEmitted);
        // bookkeeping with re-emission from cladding rays' core chords
        assertEquals(a.rays, a.output + a.input + a.escaped + a.absorbedBackground + a.absorbedNonRadiative + a.capped + a.trappedForever);
        assertEquals(a.emissions, a.rays + a.reEmitted + a.capped);
        assertTrue(a.outputCladding > 0 && a.inputCladding > 0);
    }
}
