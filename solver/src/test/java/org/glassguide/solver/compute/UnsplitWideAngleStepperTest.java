package org.glassguide.solver.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The unsplit wide-angle step against its definition: after a step, (1 + d P) psi' = (1 + c P) psi holds for the
 * whole 2D operator (the split step leaves the d^2 P_x P_y residual), and the preconditioner is exactly the split
 * product (1 + d P_x)(1 + d P_y) it is meant to be.
 */
class UnsplitWideAngleStepperTest {
    static final int NX = 14;
    static final int NY = 11;

    static double[] random(Random rnd, int len, double scale, double offset) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = offset + scale * (rnd.nextDouble() - 0.5);
        }
        return a;
    }

    /** A Pade-like operator: couplings of order 1 (units of 1/dx^2), a potential, a lossy edge; optional interface ratios. */
    static AdiOperator operator(Random rnd, boolean ratios) {
        double[] lx = random(rnd, 2 * NX, 0.1, 0);
        double[] ux = random(rnd, 2 * NX, 0.1, 0);
        double[] ly = random(rnd, 2 * NY, 0.1, 0);
        double[] uy = random(rnd, 2 * NY, 0.1, 0);
        for (int i = 0; i < NX; i++) {
            lx[2 * i] += 1;
            ux[2 * i] += 1;
        }
        for (int j = 0; j < NY; j++) {
            ly[2 * j] += 1.3;
            uy[2 * j] += 1.3;
        }
        double[] v = random(rnd, 2 * NX * NY, 0.5, 0);
        if (!ratios) {
            return new AdiOperator(NX, NY, lx, ux, ly, uy, v);
        }
        double[] rl = random(rnd, NX * NY, 0.4, 1);
        double[] ru = random(rnd, NX * NY, 0.4, 1);
        return new AdiOperator(NX, NY, lx, ux, ly, uy, v, rl, ru);
    }

    static double[] onePlus(UnsplitWideAngleStepper s, double[] x, double re, double im) {
        double[] px = new double[x.length];
        s.applyP(x, px);
        double[] out = new double[x.length];
        for (int q = 0; q < x.length; q += 2) {
            out[q] = x[q] + re * px[q] - im * px[q + 1];
            out[q + 1] = x[q + 1] + re * px[q + 1] + im * px[q];
        }
        return out;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double diff(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void thePreconditionerIsTheSplitProduct() {
        Random rnd = new Random(7);
        for (boolean ratios : new boolean[] {false, true}) {
            AdiOperator op = operator(rnd, ratios);
            double dr = 0.3;
            double di = -0.2;
            AdiOperator xOnly = new AdiOperator(NX, NY, op.lowX(), op.upX(), new double[2 * NY], new double[2 * NY], op.potential(), op.ratioLowX(),
                    op.ratioUpX());
            AdiOperator yOnly = new AdiOperator(NX, NY, new double[2 * NX], new double[2 * NX], op.lowY(), op.upY(), new double[2 * NX * NY]);
            UnsplitWideAngleStepper px = new UnsplitWideAngleStepper(xOnly, Precision.DOUBLE, o -> null);
            UnsplitWideAngleStepper py = new UnsplitWideAngleStepper(yOnly, Precision.DOUBLE, o -> null);
            double[] r = random(rnd, 2 * NX * NY, 2, 0);
            try (AdiStepper m = new CpuBackend().adi(op, Precision.DOUBLE, 1)) {
                m.setFactors(new double[] {0, 0}, new double[] {dr, di});
                m.setField(r);
                m.step(1);
                double[] z = new double[r.length];
                m.getField(z);
                // (1 + d P_x)(1 + d P_y) z must give r back
                double[] back = onePlus(px, onePlus(py, z, dr, di), dr, di);
                assertTrue(diff(back, r) < 1e-12 * norm(r), "ratios " + ratios + ": " + diff(back, r) / norm(r));
            }
        }
    }

    @Test
    void aStepSolvesTheUnsplitFactorsToTheStatedResidual() {
        Random rnd = new Random(11);
        for (boolean ratios : new boolean[] {false, true}) {
            AdiOperator op = operator(rnd, ratios);
            // two multistep factors, as Pade (2,2) has
            double[] c = {0.21, 0.17, 0.05, -0.09};
            double[] d = {0.21, -0.17, 0.05, 0.09};
            double[] psi = random(rnd, 2 * NX * NY, 2, 0);
            try (UnsplitWideAngleStepper s = new UnsplitWideAngleStepper(op, Precision.DOUBLE, o -> new CpuBackend().adi(o, Precision.DOUBLE, 1))) {
                s.setFactors(c, d);
                s.setField(psi);
                s.step(1);
                double[] out = new double[psi.length];
                s.getField(out);
                // undo: (1 + d2 P)(1 + d1 P) out = (1 + c2 P)(1 + c1 P) psi, to the residual target per factor
                double[] lhs = onePlus(s, onePlus(s, out, d[2], d[3]), d[0], d[1]);
                double[] rhs = onePlus(s, onePlus(s, psi, c[2], c[3]), c[0], c[1]);
                assertTrue(diff(lhs, rhs) < 1e-6 * norm(rhs), "ratios " + ratios + ": " + diff(lhs, rhs) / norm(rhs));
                assertEquals(2, s.solves());
                assertTrue(s.maxResidual() <= s.tolerance());
                // the split step alone misses by the cross term, far above that
                try (AdiStepper split = new CpuBackend().adi(op, Precision.DOUBLE, 1)) {
                    split.setFactors(new double[] {c[0], c[1]}, new double[] {d[0], d[1]});
                    split.setField(psi);
                    split.step(1);
                    double[] o1 = new double[psi.length];
                    split.getField(o1);
                    double miss = diff(onePlus(s, o1, d[0], d[1]), onePlus(s, psi, c[0], c[1])) / norm(onePlus(s, psi, c[0], c[1]));
                    assertTrue(miss > 1e-3, "the split residual " + miss);
                }
            }
        }
    }
}
