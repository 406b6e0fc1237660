package org.glassguide.solver.special;

/** In-place radix-2 complex FFT (length a power of two): far fields and analytic references. */
public final class Fft {
    private Fft() {
    }

    /** Forward (e^{-i...}) or inverse (e^{+i...}, scaled by 1/n) transform. */
    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two: " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    /**
     * 2D transform of an nx x ny field (interleaved re/im, index i + nx j) zero-padded to an m x m grid
     * (m a power of two; m x 1 when ny = 1): returns {re, im}, index a + m b, frequencies in FFT order.
     */
    public static double[][] transform2d(double[] field, int nx, int ny, int m) {
        int rows = ny > 1 ? m : 1;
        double[] re = new double[m * rows];
        double[] im = new double[m * rows];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                re[i + m * j] = field[2 * (i + nx * j)];
                im[i + m * j] = field[2 * (i + nx * j) + 1];
            }
        }
        transform2d(re, im, m, rows, false);
        return new double[][] {re, im};
    }

    /** In-place 2D transform of m x rows planes (index a + m b; rows = 1 for a line). */
    public static void transform2d(double[] re, double[] im, int m, int rows, boolean inverse) {
        double[] r = new double[m];
        double[] q = new double[m];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(re, m * j, r, 0, m);
            System.arraycopy(im, m * j, q, 0, m);
            transform(r, q, inverse);
            System.arraycopy(r, 0, re, m * j, m);
            System.arraycopy(q, 0, im, m * j, m);
        }
        if (rows > 1) {
            double[] r2 = new double[rows];
            double[] q2 = new double[rows];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < rows; b++) {
                    r2[b] = re[a + m * b];
                    q2[b] = im[a + m * b];
                }
                transform(r2, q2, inverse);
                for (int b = 0; b < rows; b++) {
                    re[a + m * b] = r2[b];
                    im[a + m * b] = q2[b];
                }
            }
        }
    }

    /** The angular frequency 2 pi m' / (m h) of FFT bin index (m' the signed index: above m/2, index - m). */
    public static double angularFrequency(int index, int m, double step) {
        int signed = index <= m / 2 ? index : index - m;
        return 2 * Math.PI * signed / (m * step);
    }
}
