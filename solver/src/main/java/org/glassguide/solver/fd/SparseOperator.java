package org.glassguide.solver.fd;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A cross-section operator as a solver assembled it, A v = n_eff^2 B v with B diagonal, and the shift (target n_eff^2)
 * it factorises A - shift B at: handed out so that the same matrices can be given to another library (Matrix Market
 * files, which SciPy, MATLAB and SuperLU's drivers read) and compared side by side.
 */
public final class SparseOperator {
    private final GridMatrix a;
    private final double[] b;
    private final double shift;

    SparseOperator(GridMatrix a, double[] b, double shift) {
        this.a = a;
        this.b = b.clone();
        this.shift = shift;
    }

    /** Unknowns (rows of A). */
    public int size() {
        return a.size;
    }

    /** The target n_eff^2. */
    public double shift() {
        return shift;
    }

    /** Stored nonzero entries of A. */
    public long nonZeros() {
        long nz = 0;
        for (int r = 0; r < a.size; r++) {
            for (int s = 0; s < a.slots; s++) {
                int q = r * a.slots + s;
                if ((a.re[q] != 0 || a.im[q] != 0) && a.column(r, s) >= 0) {
                    nz++;
                }
            }
        }
        return nz;
    }

    /**
     * Writes A as a complex general coordinate Matrix Market file and the diagonal of B as a complex array one (a
     * column), 1-based, with the shift in a comment line of A.
     */
    public void writeMatrixMarket(Path aFile, Path bFile) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(aFile, StandardCharsets.US_ASCII)) {
            w.write("%%MatrixMarket matrix coordinate complex general\n");
            w.write(String.format(Locale.ROOT, "%% GlassGuide cross-section operator A (A v = n_eff^2 B v); shift %.17g%n", shift));
            w.write(String.format(Locale.ROOT, "%d %d %d%n", a.size, a.size, nonZeros()));
            for (int r = 0; r < a.size; r++) {
                for (int s = 0; s < a.slots; s++) {
                    int q = r * a.slots + s;
                    int c = a.column(r, s);
                    if ((a.re[q] != 0 || a.im[q] != 0) && c >= 0) {
                        w.write(String.format(Locale.ROOT, "%d %d %.17g %.17g%n", r + 1, c + 1, a.re[q], a.im[q]));
                    }
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(bFile, StandardCharsets.US_ASCII)) {
            w.write("%%MatrixMarket matrix array complex general\n");
            w.write(String.format(Locale.ROOT, "%d 1%n", a.size));
            for (int r = 0; r < a.size; r++) {
                w.write(String.format(Locale.ROOT, "%.17g %.17g%n", b[2 * r], b[2 * r + 1]));
            }
        }
    }
}
