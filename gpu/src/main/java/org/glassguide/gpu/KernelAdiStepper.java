package org.glassguide.gpu;

import java.util.Locale;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.compute.AdiLu;
import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.compute.TransposedStepper;

/**
 * The ADI stepper on device kernels: the same step as the CPU backend (Peaceman-Rachford for one
 * factor, the alternating locally one-dimensional splitting for several), with the field resident on
 * the device. The field sits in layout A (lanes x, rows y: the exchange format); the x solves run on
 * layout B (lanes y, rows x), so every kernel walks along rows with one thread per lane and coalesced
 * memory access. Explicit half-steps write transposed (through shared-memory tiles), so a
 * Peaceman-Rachford step is four kernels and no separate transpose:
 * <pre>
 *   A --explicit along y (no V), transposed--> B --solve along x (V)--> B
 *     --explicit along x (V), transposed--> A --solve along y (shared factors)--> A
 * </pre>
 * The tridiagonal factors do not depend on the field: the inverse pivots are computed once per operator
 * and factor on the host in double (per cell for the x solves, which see V; per row for the y solves,
 * shared by all lines) and uploaded, so a solve reads the right-hand side and one inverse pivot per cell
 * and writes the solution. Bytes a step moves per cell (float; double twice): explicit 16 + x solve 48
 * (forward: r, 1/piv in, z out; backward: z, 1/piv in, y out) + explicit with V 24 + y solve 32 = 120;
 * the least any ADI step can move is 40 (the field in and out of each half-step, V once).
 */
final class KernelAdiStepper implements AdiStepper {
    private final DeviceKernels k;
    private final String deviceName;
    private final int nx;
    private final int ny;
    private final long cells;
    private DeviceKernels.Buffer cur;
    private DeviceKernels.Buffer tmp;
    private final DeviceKernels.Buffer lowX;
    private final DeviceKernels.Buffer upX;
    private final DeviceKernels.Buffer lowY;
    private final DeviceKernels.Buffer upY;
    private final DeviceKernels.Buffer potential;
    private DeviceKernels.Buffer rl;
    private DeviceKernels.Buffer ru;
    private DeviceKernels.Buffer[] subX = new DeviceKernels.Buffer[0];
    private DeviceKernels.Buffer[] supX = new DeviceKernels.Buffer[0];
    private DeviceKernels.Buffer[] invX = new DeviceKernels.Buffer[0];
    private DeviceKernels.Buffer[] subY = new DeviceKernels.Buffer[0];
    private DeviceKernels.Buffer[] supY = new DeviceKernels.Buffer[0];
    private DeviceKernels.Buffer[] invY = new DeviceKernels.Buffer[0];
    private final DeviceFieldOps fieldOps;
    private AdiOperator op;
    private double[] c = new double[0];
    private double[] d = new double[0];
    private boolean lod;
    private long stepCount;
    /** Whether closing this stepper closes its kernels (not when it is one of several on shared kernels). */
    private final boolean ownsKernels;

    /** deviceName names the device in memory messages ("gpu:0"). */
    KernelAdiStepper(DeviceKernels kernels, String deviceName, AdiOperator op) {
        this(kernels, deviceName, op, true);
    }

    /** As above; ownsKernels false leaves the kernels open when the stepper closes (a preconditioner on shared kernels). */
    KernelAdiStepper(DeviceKernels kernels, String deviceName, AdiOperator op, boolean ownsKernels) {
        this.ownsKernels = ownsKernels;
        this.k = kernels;
        this.deviceName = deviceName;
        this.nx = op.nx();
        this.ny = op.ny();
        this.cells = (long) nx * ny;
        checkMemory(bytesNeeded(nx, ny, k.precision(), 1, op.ratioLowX() != null), bytesNeeded(nx, ny, k.precision(), 1,
                op.ratioLowX() != null));
        cur = k.alloc(2 * cells);
        tmp = k.alloc(2 * cells);
        lowX = k.alloc(2L * nx);
        upX = k.alloc(2L * nx);
        lowY = k.alloc(2L * ny);
        upY = k.alloc(2L * ny);
        potential = k.alloc(2 * cells);
        fieldOps = new DeviceFieldOps(k, cells);
        setOperator(op);
    }

    /** Bytes the run needs on the device: two fields, V, the per-cell pivots of every factor, the ratios. */
    static long bytesNeeded(int nx, int ny, Precision p, int factors, boolean ratios) {
        long cells = (long) nx * ny;
        long reals = 2 * cells * (3 + factors) + (ratios ? 2 * cells : 0) + 8L * (nx + ny) * factors;
        return reals * (p == Precision.FLOAT ? 4 : 8) + cells;
    }

    /**
     * Bytes the kernels move per cell and step, counted in reals of 4 or 8 bytes. Per factor: explicit y 4
     * (field in, out), x solve 12 (forward: r, 1/piv in, z out; backward: z, 1/piv in, y out), explicit x
     * with V 6, y solve 8 (its pivots are per row); the one-directional multistep adds two transposes (8).
     * Interface ratios add 4 per factor (read by the explicit x half-step and by the x solve).
     */
    static double bytesPerCellStep(Precision p, int factors, boolean ratios) {
        double reals = (factors == 1 ? 30 : 8 + 30.0 * factors) + (ratios ? 4.0 * factors : 0);
        return reals * (p == Precision.FLOAT ? 4 : 8);
    }

    /** Stops when more is about to be allocated than the device has free; total is what the whole run needs (for the message). */
    private void checkMemory(long more, long total) {
        long free = k.freeBytes();
        if (free >= 0 && more > free) {
            throw new GlassGuideException(Messages.DEVICE_MEMORY, deviceName, nx + " x " + ny, mib(total),
                    k.precision().name().toLowerCase(Locale.ROOT), mib(free + total - more));
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
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
        return k.precision();
    }

    @Override
    public void setOperator(AdiOperator o) {
        if (o.nx() != nx || o.ny() != ny) {
            throw new IllegalArgumentException("operator grid differs from the stepper's");
        }
        op = o;
        k.upload(lowX, o.lowX());
        k.upload(upX, o.upX());
        k.upload(lowY, o.lowY());
        k.upload(upY, o.upY());
        k.upload(potential, toB(o.potential(), 2));
        if (o.ratioLowX() == null) {
            free(rl);
            free(ru);
            rl = null;
            ru = null;
        } else {
            if (rl == null) {
                rl = k.alloc(cells);
                ru = k.alloc(cells);
            }
            k.upload(rl, toB(o.ratioLowX(), 1));
            k.upload(ru, toB(o.ratioUpX(), 1));
        }
        factorise();
    }

    /** Layout A (i + nx j) to layout B (j + ny i), with w reals per cell. */
    private double[] toB(double[] a, int w) {
        double[] b = new double[a.length];
        TransposedStepper.transpose(a, b, nx, ny, w);
        return b;
    }

    @Override
    public void setFactors(double[] cf, double[] df) {
        lod = AdiStepper.oneDirectional(cf, df);
        c = cf.clone();
        d = df.clone();
        stepCount = 0;
        factorise();
    }

    private void factorise() {
        int nf = c.length / 2;
        if (nf == 0) {
            return;
        }
        if (nf != invX.length) {
            release();
            // the fields, V and ratios are already on the device: only the factors' arrays are new
            long total = bytesNeeded(nx, ny, k.precision(), nf, rl != null);
            checkMemory(total - bytesNeeded(nx, ny, k.precision(), 0, rl != null), total);
            subX = new DeviceKernels.Buffer[nf];
            supX = new DeviceKernels.Buffer[nf];
            invX = new DeviceKernels.Buffer[nf];
            subY = new DeviceKernels.Buffer[nf];
            supY = new DeviceKernels.Buffer[nf];
            invY = new DeviceKernels.Buffer[nf];
            for (int f = 0; f < nf; f++) {
                subX[f] = k.alloc(2L * nx);
                supX[f] = k.alloc(2L * nx);
                invX[f] = k.alloc(2 * cells);
                subY[f] = k.alloc(2L * ny);
                supY[f] = k.alloc(2L * ny);
                invY[f] = k.alloc(2L * ny);
            }
        }
        double[] v = op.potential();
        double[] ratioLow = op.ratioLowX();
        double[] ratioUp = op.ratioUpX();
        double[] inv = new double[(int) (2 * cells)];
        double[] vRe = new double[nx];
        double[] vIm = new double[nx];
        double[] lineL = ratioLow == null ? null : new double[nx];
        double[] lineU = ratioLow == null ? null : new double[nx];
        double[] lu = new double[4 * Math.max(nx, ny)];
        double[] invY = new double[2 * ny];
        double[] none = new double[ny];
        for (int f = 0; f < nf; f++) {
            double dr = d[2 * f];
            double di = d[2 * f + 1];
            k.upload(subX[f], times(dr, di, op.lowX()));
            k.upload(supX[f], times(dr, di, op.upX()));
            k.upload(subY[f], times(dr, di, op.lowY()));
            k.upload(supY[f], times(dr, di, op.upY()));
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    vRe[i] = v[2 * p];
                    vIm[i] = v[2 * p + 1];
                    if (ratioLow != null) {
                        lineL[i] = ratioLow[p];
                        lineU[i] = ratioUp[p];
                    }
                }
                AdiLu.factor(dr, di, op.lowX(), op.upX(), vRe, vIm, lineL, lineU, nx, lu);
                for (int i = 0; i < nx; i++) {
                    int q = j + ny * i;
                    inv[2 * q] = lu[4 * i + 2];
                    inv[2 * q + 1] = lu[4 * i + 3];
                }
            }
            k.upload(invX[f], inv);
            AdiLu.factor(dr, di, op.lowY(), op.upY(), none, none, null, null, ny, lu);
            for (int j = 0; j < ny; j++) {
                invY[2 * j] = lu[4 * j + 2];
                invY[2 * j + 1] = lu[4 * j + 3];
            }
            k.upload(this.invY[f], invY);
        }
    }

    private static double[] times(double dr, double di, double[] a) {
        double[] out = new double[a.length];
        for (int p = 0; p < a.length / 2; p++) {
            out[2 * p] = dr * a[2 * p] - di * a[2 * p + 1];
            out[2 * p + 1] = dr * a[2 * p + 1] + di * a[2 * p];
        }
        return out;
    }

    @Override
    public void setField(double[] psi) {
        k.upload(cur, psi);
    }

    @Override
    public void getField(double[] out) {
        k.download(cur, out);
    }

    @Override
    public void step(int n) {
        advance(n);
        // the launches are asynchronous: returning after the last one has run keeps the caller's timing honest
        k.synchronize();
    }

    /**
     * out = one step applied to in, device to device and without waiting for the device (the unsplit solve's
     * preconditioner); in and out may be the same buffer.
     */
    void apply(DeviceKernels.Buffer in, DeviceKernels.Buffer out) {
        k.copy(in, cur);
        advance(1);
        k.copy(cur, out);
    }

    /**
     * As {@link #apply}, for buffers of other kernels on the same device (vk: double Krylov vectors around a float
     * preconditioner): in is rounded into this stepper's precision, the result widened back.
     */
    void apply(DeviceKernels vk, DeviceKernels.Buffer in, DeviceKernels.Buffer out) {
        if (vk == k) {
            apply(in, out);
            return;
        }
        k.copyFrom(in, vk.precision(), cur);
        advance(1);
        vk.copyFrom(cur, k.precision(), out);
    }

    private void advance(int n) {
        if (c.length == 0) {
            throw new IllegalStateException("no propagation factors set");
        }
        for (int s = 0; s < n; s++) {
            if (lod) {
                // x then y on even steps, y then x on odd ones (as the CPU backend)
                if ((stepCount & 1) == 0) {
                    lodX();
                    lodY();
                } else {
                    lodY();
                    lodX();
                }
            } else {
                double cr = c[0];
                double ci = c[1];
                k.explicitRows(cur, tmp, nx, ny, lowY, upY, null, null, null, cr, ci, true);
                k.solveRows(tmp, ny, nx, subX[0], supX[0], invX[0], true, rl, ru);
                k.explicitRows(tmp, cur, ny, nx, lowX, upX, potential, rl, ru, cr, ci, true);
                k.solveRows(cur, nx, ny, subY[0], supY[0], invY[0], false, null, null);
            }
            stepCount++;
        }
    }

    /** Every factor along x on layout B, from and back to layout A. */
    private void lodX() {
        k.transposeRows(cur, tmp, nx, ny);
        swap();
        for (int f = 0; f < c.length / 2; f++) {
            k.explicitRows(cur, tmp, ny, nx, lowX, upX, potential, rl, ru, c[2 * f], c[2 * f + 1], false);
            k.solveRows(tmp, ny, nx, subX[f], supX[f], invX[f], true, rl, ru);
            swap();
        }
        k.transposeRows(cur, tmp, ny, nx);
        swap();
    }

    /** Every factor along y on layout A. */
    private void lodY() {
        for (int f = 0; f < c.length / 2; f++) {
            k.explicitRows(cur, tmp, nx, ny, lowY, upY, null, null, null, c[2 * f], c[2 * f + 1], false);
            k.solveRows(tmp, nx, ny, subY[f], supY[f], invY[f], false, null, null);
            swap();
        }
    }

    private void swap() {
        DeviceKernels.Buffer t = cur;
        cur = tmp;
        tmp = t;
    }

    @Override
    public double power(boolean[] mask) {
        return fieldOps.power(cur, mask);
    }

    @Override
    public void multiply(double[] factor, double re, double im) {
        fieldOps.multiply(cur, factor, re, im);
    }

    private void free(DeviceKernels.Buffer b) {
        if (b != null) {
            k.free(b);
        }
    }

    private void release() {
        for (DeviceKernels.Buffer[] bs : new DeviceKernels.Buffer[][] {subX, supX, invX, subY, supY, invY}) {
            for (DeviceKernels.Buffer b : bs) {
                free(b);
            }
        }
    }

    @Override
    public void close() {
        release();
        fieldOps.close();
        for (DeviceKernels.Buffer b : new DeviceKernels.Buffer[] {cur, tmp, lowX, upX, lowY, upY, potential, rl, ru}) {
            free(b);
        }
        if (ownsKernels) {
            k.close();
        }
    }
}
