package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.glassguide.solver.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The nested-dissection LU against the band LU (equivalence of the two direct solvers) and by its residual. */
class NestedDissectionLuTest {
    static GridMatrix random(int nx, int ny, int dof, long seed) {
        Random rnd = new Random(seed);
        GridMatrix a = new GridMatrix(nx, ny, dof);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                for (int c = 0; c < dof; c++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        for (int di = -1; di <= 1; di++) {
                            for (int c2 = 0; c2 < dof; c2++) {
                                // indefinite, non-symmetric, with some zero diagonals so that pivoting matters
                                boolean diag = di == 0 && dj == 0 && c == c2;
                                double scale = diag ? ((i + j) % 7 == 3 ? 0 : 2) : 1;
                                a.add(i, j, c, di, dj, c2, scale * (rnd.nextDouble() - 0.5), scale * (rnd.nextDouble() - 0.5));
                            }
                        }
                    }
                }
            }
        }
        return a;
    }

    @ParameterizedTest
    // the last two are above 4096 unknowns: solved with the halves below the top separator on two threads
    @CsvSource({"1, 1, 1", "3, 2, 1", "13, 9, 1", "9, 13, 2", "24, 17, 2", "31, 31, 1", "65, 65, 1", "70, 40, 2"})
    void agreesWithTheBandLuAndLeavesASmallResidual(int nx, int ny, int dof) {
        GridMatrix a = random(nx, ny, dof, 7L * nx + ny + dof);
        int n = a.size;
        Random rnd = new Random(3);
        double[] b = new double[2 * n];
        for (int q = 0; q < b.length; q++) {
            b[q] = rnd.nextDouble() - 0.5;
        }
        double[] x = b.clone();
        NestedDissectionLu nd = new NestedDissectionLu(a);
        nd.factor(ProgressMonitor.NONE);
        nd.solve(x);
        double[] ax = new double[2 * n];
        a.multiply(x, ax);
        double res = 0;
        double nb = 0;
        for (int q = 0; q < b.length; q++) {
            res = Math.max(res, Math.abs(ax[q] - b[q]));
            nb = Math.max(nb, Math.abs(b[q]));
        }
        assertTrue(res < 1e-9 * nb, "residual " + res);

        int band = dof * (nx + 2);
        ComplexBandedLu lu = new ComplexBandedLu(n, band, band);
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < a.slots; s++) {
                int c = a.column(r, s);
                if (c >= 0) {
                    lu.add(r, c, a.re[r * a.slots + s], a.im[r * a.slots + s]);
                }
            }
        }
        lu.factor();
        double[] y = b.clone();
        lu.solve(y);
        double diff = 0;
        double nx2 = 0;
        for (int q = 0; q < x.length; q++) {
            diff = Math.max(diff, Math.abs(x[q] - y[q]));
            nx2 = Math.max(nx2, Math.abs(x[q]));
        }
        assertTrue(diff < 1e-8 * nx2, "band vs nested dissection: " + diff + " of " + nx2);

        // the multi-right-hand-side solve: the same answers as one at a time, to rounding (same operations, another order of loops)
        double[][] many = new double[3][];
        for (int r = 0; r < many.length; r++) {
            many[r] = new double[2 * n];
            for (int q = 0; q < many[r].length; q++) {
                many[r][q] = rnd.nextDouble() - 0.5;
            }
        }
        double[][] one = new double[many.length][];
        for (int r = 0; r < many.length; r++) {
            one[r] = many[r].clone();
            nd.solve(one[r]);
        }
        nd.solve(many);
        for (int r = 0; r < many.length; r++) {
            for (int q = 0; q < many[r].length; q++) {
                assertTrue(Math.abs(many[r][q] - one[r][q]) <= 1e-12 * (1 + Math.abs(one[r][q])), "multi-RHS solve differs at " + q);
            }
        }
    }

    /** Fronts spread over many small slabs (as the largest grids' factors are) solve exactly as in one slab. */
    @org.junit.jupiter.api.Test
    void manySlabsSolveAsOne() {
        GridMatrix a = random(40, 30, 2, 5);
        Random rnd = new Random(9);
        double[] b = new double[2 * a.size];
        for (int q = 0; q < b.length; q++) {
            b[q] = rnd.nextDouble() - 0.5;
        }
        NestedDissectionLu one = new NestedDissectionLu(a);
        one.factor(ProgressMonitor.NONE);
        // the largest front's kept blocks need a few thousand entries: slabs of 20,000 hold a handful of fronts each
        NestedDissectionLu many = new NestedDissectionLu(a, 20_000);
        many.factor(ProgressMonitor.NONE);
        double[] x1 = b.clone();
        double[] x2 = b.clone();
        one.solve(x1);
        many.solve(x2);
        org.junit.jupiter.api.Assertions.assertEquals(one.storedEntries(), many.storedEntries());
        for (int q = 0; q < x1.length; q++) {
            org.junit.jupiter.api.Assertions.assertEquals(x1[q], x2[q], 0.0, "entry " + q);
        }
    }
}
