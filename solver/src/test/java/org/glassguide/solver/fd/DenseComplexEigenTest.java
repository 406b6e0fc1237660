package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Ritz pairs of dense complex matrices: every returned pair satisfies M c = theta c to rounding, the pairs come in
 * order of modulus, and a degenerate eigenvalue of multiplicity 2 (a similarity transform of a diagonal matrix with a
 * repeated entry) gets two independent eigenvectors.
 */
class DenseComplexEigenTest {
    private static double residual(double[][] mr, double[][] mi, double[] l, double[] c) {
        int m = mr.length;
        double r = 0;
        for (int i = 0; i < m; i++) {
            double sr = -(l[0] * c[2 * i] - l[1] * c[2 * i + 1]);
            double si = -(l[0] * c[2 * i + 1] + l[1] * c[2 * i]);
            for (int j = 0; j < m; j++) {
                sr += mr[i][j] * c[2 * j] - mi[i][j] * c[2 * j + 1];
                si += mr[i][j] * c[2 * j + 1] + mi[i][j] * c[2 * j];
            }
            r += sr * sr + si * si;
        }
        return Math.sqrt(r);
    }

    @Test
    void randomMatrixPairs() {
        Random rnd = new Random(3);
        int m = 60;
        double[][] mr = new double[m][m];
        double[][] mi = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                mr[i][j] = rnd.nextGaussian();
                mi[i][j] = rnd.nextGaussian();
            }
        }
        double[][][] p = DenseComplexEigen.ritzPairs(mr, mi, 20);
        assertEquals(20, p.length);
        for (int q = 0; q < p.length; q++) {
            assertTrue(residual(mr, mi, p[q][0], p[q][1]) < 1e-9, "pair " + q + ": " + residual(mr, mi, p[q][0], p[q][1]));
            if (q > 0) {
                assertTrue(Math.hypot(p[q][0][0], p[q][0][1]) <= Math.hypot(p[q - 1][0][0], p[q - 1][0][1]) + 1e-12);
            }
        }
    }

    @Test
    void degenerateEigenvalueGetsTwoIndependentVectors() {
        Random rnd = new Random(4);
        int m = 12;
        // M = X D X^-1 with D = diag(5, 5, 3, 2, ...): X a random well-conditioned matrix (I + 0.1 random)
        double[] d = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = i < 2 ? 5 : 3.0 - 0.1 * i;
        }
        double[][] x = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                x[i][j] = (i == j ? 1 : 0) + 0.1 * rnd.nextGaussian();
            }
        }
        org.apache.commons.math3.linear.RealMatrix xm = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(x);
        org.apache.commons.math3.linear.RealMatrix mm = xm.multiply(org.apache.commons.math3.linear.MatrixUtils.createRealDiagonalMatrix(d))
                .multiply(new org.apache.commons.math3.linear.LUDecomposition(xm).getSolver().getInverse());
        double[][] mr = mm.getData();
        double[][] mi = new double[m][m];
        double[][][] p = DenseComplexEigen.ritzPairs(mr, mi, 3);
        assertEquals(5, p[0][0][0], 1e-10);
        assertEquals(5, p[1][0][0], 1e-10);
        for (int q = 0; q < 2; q++) {
            assertTrue(residual(mr, mi, p[q][0], p[q][1]) < 1e-9);
        }
        // independent: |<c0|c1>| well below 1 for unit vectors
        double[] a = p[0][1];
        double[] b = p[1][1];
        double[] o = org.glassguide.solver.special.ComplexMath.conjDot(a, b);
        assertTrue(Math.hypot(o[0], o[1]) < 0.99, "the two vectors of the degenerate eigenvalue must differ: overlap " + Math.hypot(o[0], o[1]));
    }
}
