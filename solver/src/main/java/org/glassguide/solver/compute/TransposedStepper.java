package org.glassguide.solver.compute;

/**
 * A stepper seen with x and y swapped: the inner stepper works on the transposed grid (its x is this
 * grid's y), so that the axis carrying V and the interface ratios (the kernels' x) can be either
 * physical axis, as a quasi-TM (E_y) semi-vectorial run needs. Fields, masks and factor arrays are
 * transposed on the way in and out; operators given to {@link #setOperator} must already be in the
 * inner (transposed) orientation. Buffers are allocated once.
 */
public final class TransposedStepper implements AdiStepper {
    private final AdiStepper inner;
    private final int nx;
    private final int ny;
    private final double[] buffer;
    private boolean[] lastMask;
    private boolean[] lastMaskT;

    /** Wraps a stepper built for the ny x nx transposed grid of this nx x ny one. */
    public TransposedStepper(AdiStepper inner) {
        this.inner = inner;
        this.nx = inner.ny();
        this.ny = inner.nx();
        this.buffer = new double[2 * nx * ny];
    }

    @Override
    public int nx() {
        return nx;
    }

    @Override
    public int ny() {
        return ny;
    }

    @Override
    public Precision precision() {
        return inner.precision();
    }

    @Override
    public void setOperator(AdiOperator op) {
        inner.setOperator(op);
    }

    @Override
    public void setFactors(double[] c, double[] d) {
        inner.setFactors(c, d);
    }

    /** (i + nx j) to (j + ny i), interleaved complex. */
    private static void transpose(double[] in, double[] out, int nxIn, int nyIn) {
        transpose(in, out, nxIn, nyIn, 2);
    }

    /** An nxIn x nyIn array of w reals per cell from index i + nxIn j to j + nyIn i. */
    public static void transpose(double[] in, double[] out, int nxIn, int nyIn, int w) {
        for (int j = 0; j < nyIn; j++) {
            for (int i = 0; i < nxIn; i++) {
                int p = i + nxIn * j;
                int q = j + nyIn * i;
                for (int e = 0; e < w; e++) {
                    out[w * q + e] = in[w * p + e];
                }
            }
        }
    }

    @Override
    public void setField(double[] psi) {
        transpose(psi, buffer, nx, ny);
        inner.setField(buffer);
    }

    @Override
    public void getField(double[] out) {
        inner.getField(buffer);
        transpose(buffer, out, ny, nx);
    }

    @Override
    public void step(int n) {
        inner.step(n);
    }

    @Override
    public double power(boolean[] mask) {
        if (mask == null) {
            return inner.power(null);
        }
        if (mask != lastMask) {
            boolean[] t = new boolean[mask.length];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    t[j + ny * i] = mask[i + nx * j];
                }
            }
            lastMask = mask;
            lastMaskT = t;
        }
        return inner.power(lastMaskT);
    }

    @Override
    public void multiply(double[] factor, double re, double im) {
        if (factor == null) {
            inner.multiply(null, re, im);
            return;
        }
        double[] t = new double[factor.length];
        transpose(factor, t, nx, ny);
        inner.multiply(t, re, im);
    }

    @Override
    public void close() {
        inner.close();
    }
}
