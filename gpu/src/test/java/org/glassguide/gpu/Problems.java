package org.glassguide.gpu;

import java.util.Random;

import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;

/** Test problems for the kernel and stepper equivalence tests: a PML-like operator, a field, the error measure. */
final class Problems {
    private Problems() {
    }

    /**
     * A 3D (or, with ny = 1, 2D) operator on a dx = 0.5 um grid at k_ref = 9.5e6 /m: coefficients 1/dx^2
     * stretched by a complex PML factor over the outer eighth of each axis, V = k0^2 (n^2 - n_ref^2) of a
     * random index between 1.44 and 1.56 with a little absorption; interface ratios (0.8 to 1.25) when asked.
     */
    static AdiOperator operator(int nx, int ny, long seed, boolean ratios) {
        Random r = new Random(seed);
        double dx = 0.5e-6;
        double[] lx = axis(nx);
        double[] ly = ny == 1 ? new double[2] : axis(ny);
        double k0 = 2 * Math.PI / 0.633e-6;
        double[] v = new double[2 * nx * ny];
        for (int p = 0; p < nx * ny; p++) {
            double n = 1.44 + 0.12 * r.nextDouble();
            v[2 * p] = k0 * k0 * (n * n - 1.5 * 1.5) * dx * dx;
            v[2 * p + 1] = 1e-3 * r.nextDouble();
        }
        double[] rl = null;
        double[] ru = null;
        if (ratios) {
            rl = new double[nx * ny];
            ru = new double[nx * ny];
            for (int p = 0; p < nx * ny; p++) {
                rl[p] = 0.8 + 0.45 * r.nextDouble();
                ru[p] = 0.8 + 0.45 * r.nextDouble();
            }
        }
        return new AdiOperator(nx, ny, lx, lx.clone(), ly, ly.clone(), v, rl, ru);
    }

    /** Unit coefficients (the grid's 1/dx^2 folded into the factors) with a PML stretch 1/(1 + 0.5 i s^2) near the ends. */
    private static double[] axis(int n) {
        double[] a = new double[2 * n];
        int w = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            int depth = Math.max(w - i, i - (n - 1 - w));
            double s = depth > 0 ? (double) depth / w : 0;
            double re = 1;
            double im = 0.5 * s * s;
            double den = re * re + im * im;
            a[2 * i] = re / den;
            a[2 * i + 1] = -im / den;
        }
        return a;
    }

    /** A Gaussian spot plus noise (interleaved, index i + nx j). */
    static double[] field(int nx, int ny, long seed) {
        Random r = new Random(seed);
        double[] f = new double[2 * nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double x = (i - nx / 2.0) / (nx / 6.0);
                double y = ny == 1 ? 0 : (j - ny / 2.0) / (ny / 6.0);
                double g = Math.exp(-(x * x + y * y));
                f[2 * (i + nx * j)] = g + 0.01 * (r.nextDouble() - 0.5);
                f[2 * (i + nx * j) + 1] = 0.3 * g * x + 0.01 * (r.nextDouble() - 0.5);
            }
        }
        return f;
    }

    /** The paraxial Crank-Nicolson factor (one) or the two factors of a Pade (2,2)-like multistep step. */
    static double[][] factors(int count) {
        if (count == 1) {
            return new double[][] {{0, 0.3}, {0, -0.3}};
        }
        return new double[][] {{0.02, 0.25, -0.01, 0.12}, {0.02, -0.25, -0.01, -0.12}};
    }

    /** Relative L2 difference |a - b| / |b|. */
    static double relativeL2(double[] a, double[] b) {
        double e = 0;
        double n = 0;
        for (int k = 0; k < a.length; k++) {
            e += (a[k] - b[k]) * (a[k] - b[k]);
            n += b[k] * b[k];
        }
        return Math.sqrt(e / n);
    }

    /** Runs steps on a stepper from the field; returns the field after. */
    static double[] run(AdiStepper s, double[][] f, double[] psi, int steps) {
        s.setFactors(f[0], f[1]);
        s.setField(psi);
        s.step(steps);
        double[] out = new double[psi.length];
        s.getField(out);
        return out;
    }
}
