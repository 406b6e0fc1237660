package org.glassguide.solver.compute;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every CPU kernel variant (double and float, one and several threads, block edges: double blocks are 64 lanes, float 128) against a plain
 * reference: the same ADI factors applied with dense per-line Thomas solves written for clarity.
 */
class CpuAdiTest {
    static AdiOperator randomOperator(int nx, int ny, long seed) {
        Random r = new Random(seed);
        double[] lx = new double[2 * nx];
        double[] ux = new double[2 * nx];
        double[] ly = new double[2 * ny];
        double[] uy = new double[2 * ny];
        for (int i = 0; i < nx; i++) {
            lx[2 * i] = 1 + 0.1 * r.nextDouble();
            lx[2 * i + 1] = 0.05 * r.nextDouble();
            ux[2 * i] = 1 + 0.1 * r.nextDouble();
            ux[2 * i + 1] = 0.05 * r.nextDouble();
        }
        for (int j = 0; j < ny && ny > 1; j++) {
            ly[2 * j] = 1 + 0.1 * r.nextDouble();
            ly[2 * j + 1] = 0.05 * r.nextDouble();
            uy[2 * j] = 1 + 0.1 * r.nextDouble();
            uy[2 * j + 1] = 0.05 * r.nextDouble();
        }
        double[] v = new double[2 * nx * ny];
        for (int p = 0; p < nx * ny; p++) {
            v[2 * p] = 0.5 * (r.nextDouble() - 0.5);
            v[2 * p + 1] = 0.01 * r.nextDouble();
        }
        return new AdiOperator(nx, ny, lx, ux, ly, uy, v);
    }

    /** The same operator with semi-vectorial interface ratios on P_x (0.6 to 1.4 per cell). */
    static AdiOperator withRatios(AdiOperator op, long seed) {
        Random r = new Random(seed);
        int n = op.nx() * op.ny();
        double[] rl = new double[n];
        double[] ru = new double[n];
        for (int p = 0; p < n; p++) {
            rl[p] = 0.6 + 0.8 * r.nextDouble();
            ru[p] = 0.6 + 0.8 * r.nextDouble();
        }
        return new AdiOperator(op.nx(), op.ny(), op.lowX(), op.upX(), op.lowY(), op.upY(), op.potential(), rl, ru);
    }

    /** The lower and upper coefficients at cell p along the direction (with the ratios along x). */
    private static double[][] coefficients(AdiOperator op, boolean alongX, int m, int p) {
        double[] lo = alongX ? op.lowX() : op.lowY();
        double[] up = alongX ? op.upX() : op.upY();
        double fl = alongX && op.ratioLowX() != null ? op.ratioLowX()[p] : 1;
        double fu = alongX && op.ratioUpX() != null ? op.ratioUpX()[p] : 1;
        return new double[][] {{fl * lo[2 * m], fl * lo[2 * m + 1]}, {fu * up[2 * m], fu * up[2 * m + 1]}};
    }

    /** Reference: per factor, r = (1 + c P_y) psi, (1 + d P_x) s = r; r = (1 + c P_x) s, (1 + d P_y) psi = r. */
    static double[] reference(AdiOperator op, double[] c, double[] d, double[] psi, int steps) {
        int nx = op.nx();
        int ny = op.ny();
        double[] f = psi.clone();
        boolean lod = c.length / 2 > 1;
        for (int s = 0; s < steps; s++) {
            if (lod) {
                // locally one-dimensional: every x factor, then every y factor (reversed on odd steps)
                for (int pass = 0; pass < 2; pass++) {
                    boolean alongX = (pass == 0) == (s % 2 == 0);
                    for (int k = 0; k < c.length / 2; k++) {
                        f = apply(op, f, new double[] {c[2 * k], c[2 * k + 1]}, alongX, nx, ny);
                        f = solve(op, f, new double[] {d[2 * k], d[2 * k + 1]}, alongX, nx, ny);
                    }
                }
                continue;
            }
            for (int k = 0; k < c.length / 2; k++) {
                double[] cc = {c[2 * k], c[2 * k + 1]};
                double[] dd = {d[2 * k], d[2 * k + 1]};
                f = apply(op, f, cc, false, nx, ny);
                f = solve(op, f, dd, true, nx, ny);
                f = apply(op, f, cc, true, nx, ny);
                f = solve(op, f, dd, false, nx, ny);
            }
        }
        return f;
    }

    private static double[] cmul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    /** (1 + c P_dir) f; dir x when alongX. */
    private static double[] apply(AdiOperator op, double[] f, double[] c, boolean alongX, int nx, int ny) {
        double[] out = new double[f.length];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                int m = alongX ? i : j;
                int len = alongX ? nx : ny;
                double[][] cf = coefficients(op, alongX, m, p);
                double[] lo = cf[0];
                double[] up = cf[1];
                int stride = alongX ? 1 : nx;
                double w = alongX ? 1 : 0;
                double[] acc = {w * op.potential()[2 * p] - lo[0] - up[0], w * op.potential()[2 * p + 1] - lo[1] - up[1]};
                double[] s = cmul(acc, new double[] {f[2 * p], f[2 * p + 1]});
                if (m > 0) {
                    double[] t = cmul(lo, new double[] {f[2 * (p - stride)], f[2 * (p - stride) + 1]});
                    s[0] += t[0];
                    s[1] += t[1];
                }
                if (m + 1 < len) {
                    double[] t = cmul(up, new double[] {f[2 * (p + stride)], f[2 * (p + stride) + 1]});
                    s[0] += t[0];
                    s[1] += t[1];
                }
                double[] cs = cmul(c, s);
                out[2 * p] = f[2 * p] + cs[0];
                out[2 * p + 1] = f[2 * p + 1] + cs[1];
            }
        }
        return out;
    }

    /** Solves (1 + d P_dir) out = f by Gaussian elimination on each line. */
    private static double[] solve(AdiOperator op, double[] f, double[] d, boolean alongX, int nx, int ny) {
        double[] out = new double[f.length];
        int len = alongX ? nx : ny;
        int lines = alongX ? ny : nx;
        for (int l = 0; l < lines; l++) {
            double[][] a = new double[len][];
            double[][] b = new double[len][];
            double[][] cc = new double[len][];
            double[][] r = new double[len][];
            for (int m = 0; m < len; m++) {
                int p = alongX ? m + nx * l : l + nx * m;
                double[][] cf = coefficients(op, alongX, m, p);
                a[m] = cmul(d, cf[0]);
                cc[m] = cmul(d, cf[1]);
                double w = alongX ? 1 : 0;
                double[] diag = cmul(d, new double[] {w * op.potential()[2 * p] - cf[0][0] - cf[1][0],
                    w * op.potential()[2 * p + 1] - cf[0][1] - cf[1][1]});
                b[m] = new double[] {1 + diag[0], diag[1]};
                r[m] = new double[] {f[2 * p], f[2 * p + 1]};
            }
            for (int m = 1; m < len; m++) {
                double den = b[m - 1][0] * b[m - 1][0] + b[m - 1][1] * b[m - 1][1];
                double[] w = cmul(a[m], new double[] {b[m - 1][0] / den, -b[m - 1][1] / den});
                double[] t = cmul(w, cc[m - 1]);
                b[m] = new double[] {b[m][0] - t[0], b[m][1] - t[1]};
                double[] u = cmul(w, r[m - 1]);
                r[m] = new double[] {r[m][0] - u[0], r[m][1] - u[1]};
            }
            double[] x = new double[2];
            for (int m = len - 1; m >= 0; m--) {
                double[] rhs = r[m].clone();
                if (m + 1 < len) {
                    double[] t = cmul(cc[m], x);
                    rhs[0] -= t[0];
                    rhs[1] -= t[1];
                }
                double den = b[m][0] * b[m][0] + b[m][1] * b[m][1];
                x = cmul(rhs, new double[] {b[m][0] / den, -b[m][1] / den});
                int p = alongX ? m + nx * l : l + nx * m;
                out[2 * p] = x[0];
                out[2 * p + 1] = x[1];
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1, 37, 70", "DOUBLE, 2, 64, 33", "FLOAT, 2, 65, 31", "DOUBLE, 2, 50, 1", "FLOAT, 2, 130, 37", "FLOAT, 3, 37, 260"})
    void paraxialFactorsTakeThePeacemanRachfordForm(Precision precision, int threads, int nx, int ny) {
        check(precision, threads, nx, ny, new double[] {0, 0.08}, new double[] {0, -0.08});
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1, 7, 5", "DOUBLE, 2, 37, 70", "DOUBLE, 3, 64, 33", "FLOAT, 1, 37, 70", "FLOAT, 2, 65, 31", "FLOAT, 2, 50, 1", "DOUBLE, 2, 50, 1",
        "FLOAT, 2, 50, 1", "FLOAT, 2, 131, 40", "FLOAT, 3, 40, 257", "DOUBLE, 3, 129, 66"})
    void kernelMatchesTheReference(Precision precision, int threads, int nx, int ny) {
        // two factors (as in the Pade (2,2) multistep), well-conditioned complex coefficients
        check(precision, threads, nx, ny, new double[] {0.01, 0.08, -0.02, 0.05}, new double[] {0.01, -0.08, 0.03, -0.05});
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1, 37, 70, 1", "DOUBLE, 2, 64, 33, 1", "FLOAT, 2, 65, 31, 1", "DOUBLE, 2, 50, 1, 1", "DOUBLE, 2, 37, 70, 2",
        "FLOAT, 2, 65, 31, 2", "FLOAT, 2, 130, 37, 1", "FLOAT, 2, 37, 131, 2"})
    void semiVectorialRatiosMatchTheReference(Precision precision, int threads, int nx, int ny, int factors) {
        double[] c = factors == 1 ? new double[] {0, 0.08} : new double[] {0.01, 0.08, -0.02, 0.05};
        double[] d = factors == 1 ? new double[] {0, -0.08} : new double[] {0.01, -0.08, 0.03, -0.05};
        check(withRatios(randomOperator(nx, ny, 31L * nx + ny), 7), precision, threads, c, d);
    }

    private static void check(Precision precision, int threads, int nx, int ny, double[] c, double[] d) {
        check(randomOperator(nx, ny, 31L * nx + ny), precision, threads, c, d);
    }

    private static void check(AdiOperator op, Precision precision, int threads, double[] c, double[] d) {
        int nx = op.nx();
        int ny = op.ny();
        Random r = new Random(5);
        double[] psi = new double[2 * nx * ny];
        for (int q = 0; q < psi.length; q++) {
            psi[q] = r.nextDouble() - 0.5;
        }
        double[] ref = reference(op, c, d, psi, 3);
        double[] got = new double[psi.length];
        try (AdiStepper s = new CpuBackend().adi(op, precision, threads)) {
            s.setFactors(c, d);
            s.setField(psi);
            s.step(3);
            s.getField(got);
        }
        double err = 0;
        double norm = 0;
        for (int q = 0; q < psi.length; q++) {
            err = Math.max(err, Math.abs(got[q] - ref[q]));
            norm = Math.max(norm, Math.abs(ref[q]));
        }
        double tol = precision == Precision.DOUBLE ? 1e-12 : 2e-5;
        assertTrue(err < tol * norm, precision + " " + threads + " threads: max error " + err + " of " + norm);
    }

    /**
     * The transposing wrapper (quasi-TM runs): a stepper on the transposed grid, fed the transposed
     * operator, gives this grid's reference result, masks and factor arrays included.
     */
    @ParameterizedTest
    @CsvSource({"DOUBLE, 37, 70", "FLOAT, 65, 31"})
    void transposedStepperMatchesTheReference(Precision precision, int nx, int ny) {
        AdiOperator op = withRatios(randomOperator(nx, ny, 11), 3);
        // the same physics with x and y swapped: the transposed operator, ratios on its x
        double[] v = new double[op.potential().length];
        double[] rl = new double[nx * ny];
        double[] ru = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                int q = j + ny * i;
                v[2 * q] = op.potential()[2 * p];
                v[2 * q + 1] = op.potential()[2 * p + 1];
                rl[q] = op.ratioLowX()[p];
                ru[q] = op.ratioUpX()[p];
            }
        }
        AdiOperator t = new AdiOperator(ny, nx, op.lowY(), op.upY(), op.lowX(), op.upX(), v, rl, ru);
        double[] c = {0, 0.08};
        double[] d = {0, -0.08};
        Random r = new Random(9);
        double[] psi = new double[2 * nx * ny];
        for (int q = 0; q < psi.length; q++) {
            psi[q] = r.nextDouble() - 0.5;
        }
        // reference: the transposed problem solved directly, its result transposed back
        double[] psiT = new double[psi.length];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                psiT[2 * (j + ny * i)] = psi[2 * (i + nx * j)];
                psiT[2 * (j + ny * i) + 1] = psi[2 * (i + nx * j) + 1];
            }
        }
        double[] refT = reference(t, c, d, psiT, 3);
        boolean[] mask = new boolean[nx * ny];
        double maskPower = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                mask[i + nx * j] = i < nx / 3;
                int q = j + ny * i;
                if (mask[i + nx * j]) {
                    maskPower += refT[2 * q] * refT[2 * q] + refT[2 * q + 1] * refT[2 * q + 1];
                }
            }
        }
        double[] got = new double[psi.length];
        double gotMask;
        try (AdiStepper s = new TransposedStepper(new CpuBackend().adi(t, precision, 2))) {
            assertTrue(s.nx() == nx && s.ny() == ny);
            s.setFactors(c, d);
            s.setField(psi);
            s.step(3);
            s.getField(got);
            gotMask = s.power(mask);
        }
        double err = 0;
        double norm = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                int q = j + ny * i;
                err = Math.max(err, Math.hypot(got[2 * p] - refT[2 * q], got[2 * p + 1] - refT[2 * q + 1]));
                norm = Math.max(norm, Math.hypot(refT[2 * q], refT[2 * q + 1]));
            }
        }
        double tol = precision == Precision.DOUBLE ? 1e-12 : 2e-5;
        assertTrue(err < tol * norm, "max error " + err + " of " + norm);
        assertTrue(Math.abs(gotMask - maskPower) < 10 * tol * maskPower, "masked power " + gotMask + " vs " + maskPower);
    }
}
