package org.glassguide.solver.bpm;

/** Launch fields on a propagation grid (interleaved re/im, index i + nx j). */
public final class Launch {
    private Launch() {
    }

    /**
     * A Gaussian beam exp(-r^2 / w0^2) at its waist, centred at (xc, yc), tilted by the given angle
     * in the x-z plane inside a medium of index n: the phase exp(i k0 n sin(angle) x).
     */
    public static double[] gaussian(BpmGrid g, double wavelength, double n, double w0, double xc, double yc, double tiltDegrees) {
        return gaussian(g, wavelength, n, w0, xc, yc, tiltDegrees, 0);
    }

    /**
     * As above, tilted by the polar angle {@code tiltDegrees} from z towards the direction {@code azimuthDegrees} in the
     * x-y plane (from +x towards +y): the phase exp(i k0 n sin(tilt) (cos(az) x + sin(az) y)).
     */
    public static double[] gaussian(BpmGrid g, double wavelength, double n, double w0, double xc, double yc, double tiltDegrees,
            double azimuthDegrees) {
        double[] k = transverse(wavelength, n, tiltDegrees, azimuthDegrees, g);
        double[] f = new double[2 * g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            double y = g.is2d() ? 0 : g.y(j) - yc;
            double yy = g.is2d() ? 0 : g.y(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i) - xc;
                double a = Math.exp(-(x * x + y * y) / (w0 * w0));
                int p = i + g.nx() * j;
                double ph = k[0] * g.x(i) + k[1] * yy;
                f[2 * p] = a * Math.cos(ph);
                f[2 * p + 1] = a * Math.sin(ph);
            }
        }
        return f;
    }

    /** {k_x, k_y} of a beam tilted by the polar angle towards the azimuth (k_y = 0 on a 2D grid). */
    private static double[] transverse(double wavelength, double n, double tiltDegrees, double azimuthDegrees, BpmGrid g) {
        double kt = 2 * Math.PI / wavelength * n * Math.sin(Math.toRadians(tiltDegrees));
        double az = Math.toRadians(azimuthDegrees);
        return new double[] {kt * Math.cos(az), g.is2d() ? 0 : kt * Math.sin(az)};
    }

    /**
     * One realisation of a spatially partially coherent (LED-like) source: unit-amplitude random
     * phases over a disc of the given radius, low-pass filtered to the angular spectrum
     * |k_perp| <= k0 NA (uniform there: a Lambertian source within the NA).
     */
    public static double[] partiallyCoherent(BpmGrid g, double wavelength, double radius, double xc, double yc, double na,
            java.util.Random rnd) {
        int m = Integer.highestOneBit(Math.max(g.nx(), g.ny()) - 1) << 1;
        m = Math.max(m, 2);
        int rows = g.is2d() ? 1 : m;
        double[] re = new double[m * rows];
        double[] im = new double[m * rows];
        for (int j = 0; j < g.ny(); j++) {
            double y = g.is2d() ? 0 : g.y(j) - yc;
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i) - xc;
                if (x * x + y * y <= radius * radius) {
                    double ph = 2 * Math.PI * rnd.nextDouble();
                    re[i + m * j] = Math.cos(ph);
                    im[i + m * j] = Math.sin(ph);
                }
            }
        }
        org.glassguide.solver.special.Fft.transform2d(re, im, m, rows, false);
        double kMax = 2 * Math.PI / wavelength * na;
        for (int b = 0; b < rows; b++) {
            double ky = g.is2d() ? 0 : org.glassguide.solver.special.Fft.angularFrequency(b, m, g.dy());
            for (int a = 0; a < m; a++) {
                double kx = org.glassguide.solver.special.Fft.angularFrequency(a, m, g.dx());
                if (kx * kx + ky * ky > kMax * kMax) {
                    re[a + m * b] = 0;
                    im[a + m * b] = 0;
                }
            }
        }
        org.glassguide.solver.special.Fft.transform2d(re, im, m, rows, true);
        double[] f = new double[2 * g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                f[2 * (i + g.nx() * j)] = re[i + m * j];
                f[2 * (i + g.nx() * j) + 1] = im[i + m * j];
            }
        }
        return f;
    }

    /**
     * A tilted plane wave over [xc - halfWidth, xc + halfWidth] (and the same in y), flat on top with
     * super-Gaussian (order 8) edges so that it carries no grid-scale content: exp(i k0 n sin(tilt) x).
     */
    public static double[] planeWave(BpmGrid g, double wavelength, double n, double halfWidth, double xc, double yc, double tiltDegrees) {
        return planeWave(g, wavelength, n, halfWidth, xc, yc, tiltDegrees, 0);
    }

    /** As above, tilted towards the azimuth in the x-y plane (see {@link #gaussian(BpmGrid, double, double, double, double, double, double, double)}). */
    public static double[] planeWave(BpmGrid g, double wavelength, double n, double halfWidth, double xc, double yc, double tiltDegrees,
            double azimuthDegrees) {
        double[] k = transverse(wavelength, n, tiltDegrees, azimuthDegrees, g);
        double[] f = new double[2 * g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            double y = g.is2d() ? 0 : (g.y(j) - yc) / halfWidth;
            double yy = g.is2d() ? 0 : g.y(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = (g.x(i) - xc) / halfWidth;
                double a = Math.exp(-Math.pow(x * x, 4) - Math.pow(y * y, 4));
                int p = i + g.nx() * j;
                double ph = k[0] * g.x(i) + k[1] * yy;
                f[2 * p] = a * Math.cos(ph);
                f[2 * p + 1] = a * Math.sin(ph);
            }
        }
        return f;
    }

    /** A weighted sum of fields: sum_k (wRe_k + i wIm_k) field_k. */
    public static double[] sum(double[][] fields, double[] weights) {
        double[] out = new double[fields[0].length];
        for (int k = 0; k < fields.length; k++) {
            double wr = weights[2 * k];
            double wi = weights[2 * k + 1];
            for (int q = 0; q < out.length; q += 2) {
                out[q] += wr * fields[k][q] - wi * fields[k][q + 1];
                out[q + 1] += wr * fields[k][q + 1] + wi * fields[k][q];
            }
        }
        return out;
    }

    /** <a|b> = sum conj(a) b. */
    public static double[] overlap(double[] a, double[] b) {
        return org.glassguide.solver.special.ComplexMath.conjDot(a, b);
    }
}
