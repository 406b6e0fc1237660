package org.glassguide.solver.bpm;

/**
 * A joint at z where the next guide starts displaced by (dx, dy) and its axis tilted by the given
 * angles (in the x-z and y-z planes, degrees, positive towards +x / +y). From there on the grid is the
 * next guide's frame: the arriving field is resampled at x + dx, y + dy (separable Keys cubic
 * interpolation, third order, zero outside the window) and given the transverse phase
 * exp(-i k_ref (x sin(tilt x) + y sin(tilt y))) of light meeting a tilted axis. The coupling loss then
 * shows in the core power and the modal monitors after z; for Gaussian modes of radius w it tends to
 * exp(-d^2 / w^2) for an offset d and exp(-(k_ref w sin(tilt) / 2)^2) for a tilt.
 */
public record Splice(double z, double dx, double dy, double tiltXDegrees, double tiltYDegrees) {
    public Splice {
        if (!(z >= 0) || !Double.isFinite(dx) || !Double.isFinite(dy) || !(Math.abs(tiltXDegrees) < 90) || !(Math.abs(tiltYDegrees) < 90)) {
            throw new IllegalArgumentException("splice needs z >= 0, finite offsets and tilts within +-90 degrees");
        }
    }

    /** Transforms the field (interleaved, i + nx j) in place into the next guide's frame. */
    public void apply(double[] field, BpmGrid g, double kRef) {
        int nx = g.nx();
        int ny = g.ny();
        double[] tmp = new double[field.length];
        // along x: sample row j at x_i + dx
        shift(field, tmp, nx, ny, 1, nx, dx / g.dx());
        if (ny > 1) {
            shift(tmp, field, ny, nx, nx, 1, dy / g.dy());
        } else {
            System.arraycopy(tmp, 0, field, 0, field.length);
        }
        double kx = kRef * Math.sin(Math.toRadians(tiltXDegrees));
        double ky = kRef * Math.sin(Math.toRadians(tiltYDegrees));
        if (kx == 0 && ky == 0) {
            return;
        }
        for (int j = 0; j < ny; j++) {
            double y = ny > 1 ? g.y(j) : 0;
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                double ph = -(kx * g.x(i) + ky * y);
                double c = Math.cos(ph);
                double s = Math.sin(ph);
                double re = field[2 * p];
                double im = field[2 * p + 1];
                field[2 * p] = re * c - im * s;
                field[2 * p + 1] = re * s + im * c;
            }
        }
    }

    /**
     * out[line, i] = in[line, i + shift] along one axis of length n (stride along it), for every line
     * (lineStride apart), by Keys' cubic convolution (a = -1/2).
     */
    private static void shift(double[] in, double[] out, int n, int lines, int stride, int lineStride, double shift) {
        int base = (int) Math.floor(shift);
        double t = shift - base;
        double[] w = {keys(1 + t), keys(t), keys(1 - t), keys(2 - t)};
        for (int l = 0; l < lines; l++) {
            int o = l * lineStride;
            for (int i = 0; i < n; i++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 4; k++) {
                    int src = i + base - 1 + k;
                    if (src >= 0 && src < n && w[k] != 0) {
                        int q = o + src * stride;
                        re += w[k] * in[2 * q];
                        im += w[k] * in[2 * q + 1];
                    }
                }
                int q = o + i * stride;
                out[2 * q] = re;
                out[2 * q + 1] = im;
            }
        }
    }

    private static double keys(double s) {
        double a = Math.abs(s);
        if (a <= 1) {
            return (1.5 * a - 2.5) * a * a + 1;
        }
        if (a < 2) {
            return ((-0.5 * a + 2.5) * a - 4) * a + 2;
        }
        return 0;
    }
}
