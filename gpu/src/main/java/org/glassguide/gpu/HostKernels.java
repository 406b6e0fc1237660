package org.glassguide.gpu;

import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.compute.TransposedStepper;

/**
 * The GPU kernels' arithmetic in Java, one cell or lane at a time in the order adi_kernels.cuh uses, on
 * host arrays: the reference for the C++ kernels' host build (the kernel harness test) and the stand-in
 * device under {@link KernelAdiStepper}'s tests on machines without a GPU. Values are stored rounded to
 * the precision after every kernel, as the device stores them; arithmetic within a kernel is in double.
 */
final class HostKernels implements DeviceKernels {
    private final Precision precision;
    private final long memory;
    private long allocated;

    HostKernels(Precision precision) {
        this(precision, -1);
    }

    /** Kernels on a device of memory bytes, less what they hold (a device's limit, for tests of the memory check); -1: the heap's. */
    HostKernels(Precision precision, long memory) {
        this.precision = precision;
        this.memory = memory;
    }

    private static final class HostBuffer implements Buffer {
        final double[] v;
        final byte[] mask;

        HostBuffer(double[] v, byte[] mask) {
            this.v = v;
            this.mask = mask;
        }

        @Override
        public long length() {
            return v != null ? v.length : mask.length;
        }
    }

    private static double[] of(Buffer b) {
        return b == null ? null : ((HostBuffer) b).v;
    }

    private double round(double x) {
        return precision == Precision.FLOAT ? (float) x : x;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public Buffer alloc(long n) {
        allocated += n * (precision == Precision.FLOAT ? 4 : 8);
        return new HostBuffer(new double[Math.toIntExact(n)], null);
    }

    @Override
    public void upload(Buffer b, double[] data) {
        double[] v = of(b);
        for (int k = 0; k < data.length; k++) {
            v[k] = round(data[k]);
        }
    }

    @Override
    public void download(Buffer b, double[] out) {
        System.arraycopy(of(b), 0, out, 0, out.length);
    }

    @Override
    public Buffer mask(boolean[] m) {
        byte[] b = new byte[m.length];
        for (int k = 0; k < m.length; k++) {
            b[k] = (byte) (m[k] ? 1 : 0);
        }
        allocated += b.length;
        return new HostBuffer(null, b);
    }

    @Override
    public void free(Buffer b) {
        HostBuffer h = (HostBuffer) b;
        allocated -= h.v != null ? h.v.length * (precision == Precision.FLOAT ? 4L : 8L) : h.mask.length;
    }

    @Override
    public void explicitRows(Buffer in, Buffer out, int nLanes, int nRows, Buffer low, Buffer up, Buffer v, Buffer rl, Buffer ru, double cr,
            double ci, boolean transposeOut) {
        double[] a = of(in);
        double[] o = of(out);
        double[] lo = of(low);
        double[] hi = of(up);
        double[] vv = of(v);
        double[] l = of(rl);
        double[] u = of(ru);
        double[] r = new double[2];
        for (int row = 0; row < nRows; row++) {
            for (int lane = 0; lane < nLanes; lane++) {
                explicitCell(a, nLanes, nRows, lane, row, lo, hi, vv, l, u, cr, ci, r);
                int k = transposeOut ? row + nRows * lane : lane + nLanes * row;
                o[2 * k] = round(r[0]);
                o[2 * k + 1] = round(r[1]);
            }
        }
    }

    /** gg::explicit_cell. */
    static void explicitCell(double[] in, int nLanes, int nRows, int lane, int row, double[] low, double[] up, double[] v, double[] rl,
            double[] ru, double cr, double ci, double[] r) {
        int k = row * nLanes + lane;
        double ar = in[2 * k];
        double ai = in[2 * k + 1];
        double pr = 0;
        double pi = 0;
        double nr = 0;
        double ni = 0;
        if (row > 0) {
            pr = in[2 * (k - nLanes)];
            pi = in[2 * (k - nLanes) + 1];
        }
        if (row + 1 < nRows) {
            nr = in[2 * (k + nLanes)];
            ni = in[2 * (k + nLanes) + 1];
        }
        double lr = low[2 * row];
        double li = low[2 * row + 1];
        double hr = up[2 * row];
        double hi = up[2 * row + 1];
        if (rl != null) {
            lr *= rl[k];
            li *= rl[k];
            hr *= ru[k];
            hi *= ru[k];
        }
        double qr = lr * (pr - ar) - li * (pi - ai) + hr * (nr - ar) - hi * (ni - ai);
        double qi = lr * (pi - ai) + li * (pr - ar) + hr * (ni - ai) + hi * (nr - ar);
        if (v != null) {
            double vr = v[2 * k];
            double vi = v[2 * k + 1];
            qr += vr * ar - vi * ai;
            qi += vr * ai + vi * ar;
        }
        r[0] = ar + cr * qr - ci * qi;
        r[1] = ai + cr * qi + ci * qr;
    }

    @Override
    public void transposeRows(Buffer in, Buffer out, int nLanes, int nRows) {
        TransposedStepper.transpose(of(in), of(out), nLanes, nRows, 2);
    }

    @Override
    public void solveRows(Buffer x, int nLanes, int nRows, Buffer sub, Buffer sup, Buffer inv, boolean invPerCell, Buffer rl, Buffer ru) {
        double[] a = of(x);
        for (int lane = 0; lane < nLanes; lane++) {
            solveLane(a, nLanes, nRows, lane, of(sub), of(sup), of(inv), invPerCell, of(rl), of(ru));
        }
        for (int k = 0; k < a.length; k++) {
            a[k] = round(a[k]);
        }
    }

    /** gg::solve_lane (the intermediate z is stored rounded, as the device stores it). */
    void solveLane(double[] x, int nLanes, int nRows, int lane, double[] sub, double[] sup, double[] inv, boolean perCell, double[] rl,
            double[] ru) {
        double zr = x[2 * lane];
        double zi = x[2 * lane + 1];
        int p = perCell ? lane : 0;
        double jr = inv[2 * p];
        double ji = inv[2 * p + 1];
        for (int u = 1; u < nRows; u++) {
            int k = u * nLanes + lane;
            double sr = sub[2 * u];
            double si = sub[2 * u + 1];
            if (rl != null) {
                sr *= rl[k];
                si *= rl[k];
            }
            double mr = sr * jr - si * ji;
            double mi = sr * ji + si * jr;
            double nzr = x[2 * k] - (mr * zr - mi * zi);
            double nzi = x[2 * k + 1] - (mr * zi + mi * zr);
            zr = round(nzr);
            zi = round(nzi);
            x[2 * k] = zr;
            x[2 * k + 1] = zi;
            p = perCell ? k : u;
            jr = inv[2 * p];
            ji = inv[2 * p + 1];
        }
        int last = (nRows - 1) * nLanes + lane;
        double yr = round(zr * jr - zi * ji);
        double yi = round(zr * ji + zi * jr);
        x[2 * last] = yr;
        x[2 * last + 1] = yi;
        for (int u = nRows - 2; u >= 0; u--) {
            int k = u * nLanes + lane;
            double sr = sup[2 * u];
            double si = sup[2 * u + 1];
            if (ru != null) {
                sr *= ru[k];
                si *= ru[k];
            }
            double ar = x[2 * k] - (sr * yr - si * yi);
            double ai = x[2 * k + 1] - (sr * yi + si * yr);
            p = perCell ? k : u;
            double ir = inv[2 * p];
            double ii = inv[2 * p + 1];
            yr = round(ar * ir - ai * ii);
            yi = round(ar * ii + ai * ir);
            x[2 * k] = yr;
            x[2 * k + 1] = yi;
        }
    }

    @Override
    public void multiply(Buffer a, Buffer f, long cells, double re, double im) {
        double[] x = of(a);
        double[] g = of(f);
        for (int k = 0; k < cells; k++) {
            double cr = re;
            double ci = im;
            if (g != null) {
                cr = g[2 * k] * re - g[2 * k + 1] * im;
                ci = g[2 * k] * im + g[2 * k + 1] * re;
            }
            double xr = x[2 * k];
            double xi = x[2 * k + 1];
            x[2 * k] = round(xr * cr - xi * ci);
            x[2 * k + 1] = round(xr * ci + xi * cr);
        }
    }

    @Override
    public double power(Buffer a, Buffer mask, long cells) {
        double[] x = of(a);
        byte[] m = mask == null ? null : ((HostBuffer) mask).mask;
        double s = 0;
        for (int k = 0; k < cells; k++) {
            if (m == null || m[k] != 0) {
                s += x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
            }
        }
        return s;
    }

    @Override
    public void wideApply(Buffer in, Buffer out, int nx, int ny, Buffer lowX, Buffer upX, Buffer lowY, Buffer upY, Buffer v, Buffer rl, Buffer ru,
            double cr, double ci) {
        double[] a = of(in);
        double[] o = of(out);
        double[] r = new double[2];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                wideCell(a, nx, ny, i, j, of(lowX), of(upX), of(lowY), of(upY), of(v), of(rl), of(ru), cr, ci, r);
                int k = i + nx * j;
                o[2 * k] = round(r[0]);
                o[2 * k + 1] = round(r[1]);
            }
        }
    }

    /** gg::wide_cell. */
    static void wideCell(double[] in, int nx, int ny, int i, int j, double[] lowX, double[] upX, double[] lowY, double[] upY, double[] v,
            double[] rl, double[] ru, double cr, double ci, double[] r) {
        int k = j * nx + i;
        double ar = in[2 * k];
        double ai = in[2 * k + 1];
        double lxr = lowX[2 * i];
        double lxi = lowX[2 * i + 1];
        double uxr = upX[2 * i];
        double uxi = upX[2 * i + 1];
        if (rl != null) {
            lxr *= rl[k];
            lxi *= rl[k];
            uxr *= ru[k];
            uxi *= ru[k];
        }
        double lyr = lowY[2 * j];
        double lyi = lowY[2 * j + 1];
        double uyr = upY[2 * j];
        double uyi = upY[2 * j + 1];
        double gr = v[2 * k] - lxr - uxr - lyr - uyr;
        double gi = v[2 * k + 1] - lxi - uxi - lyi - uyi;
        double pr = gr * ar - gi * ai;
        double pi = gr * ai + gi * ar;
        if (i > 0) {
            pr += lxr * in[2 * (k - 1)] - lxi * in[2 * (k - 1) + 1];
            pi += lxr * in[2 * (k - 1) + 1] + lxi * in[2 * (k - 1)];
        }
        if (i + 1 < nx) {
            pr += uxr * in[2 * (k + 1)] - uxi * in[2 * (k + 1) + 1];
            pi += uxr * in[2 * (k + 1) + 1] + uxi * in[2 * (k + 1)];
        }
        if (j > 0) {
            pr += lyr * in[2 * (k - nx)] - lyi * in[2 * (k - nx) + 1];
            pi += lyr * in[2 * (k - nx) + 1] + lyi * in[2 * (k - nx)];
        }
        if (j + 1 < ny) {
            pr += uyr * in[2 * (k + nx)] - uyi * in[2 * (k + nx) + 1];
            pi += uyr * in[2 * (k + nx) + 1] + uyi * in[2 * (k + nx)];
        }
        r[0] = ar + cr * pr - ci * pi;
        r[1] = ai + cr * pi + ci * pr;
    }

    @Override
    public void combine(Buffer out, double ar, double ai, Buffer x, double br, double bi, Buffer y, long cells) {
        double[] o = of(out);
        double[] a = of(x);
        double[] b = of(y);
        // the scalars as the kernel receives them
        double sar = round(ar);
        double sai = round(ai);
        double sbr = round(br);
        double sbi = round(bi);
        for (int k = 0; k < cells; k++) {
            double xr = a[2 * k];
            double xi = a[2 * k + 1];
            double yr = b[2 * k];
            double yi = b[2 * k + 1];
            o[2 * k] = round(sar * xr - sai * xi + sbr * yr - sbi * yi);
            o[2 * k + 1] = round(sar * xi + sai * xr + sbr * yi + sbi * yr);
        }
    }

    @Override
    public void dot(Buffer a, Buffer b, long cells, double[] reIm) {
        double[] u = of(a);
        double[] v = of(b);
        double re = 0;
        double im = 0;
        for (int k = 0; k < cells; k++) {
            re += u[2 * k] * v[2 * k] + u[2 * k + 1] * v[2 * k + 1];
            im += u[2 * k] * v[2 * k + 1] - u[2 * k + 1] * v[2 * k];
        }
        reIm[0] = re;
        reIm[1] = im;
    }

    @Override
    public void copy(Buffer from, Buffer to) {
        System.arraycopy(of(from), 0, of(to), 0, of(from).length);
    }

    @Override
    public void copyFrom(Buffer from, Precision fromPrecision, Buffer to) {
        double[] a = of(from);
        double[] b = of(to);
        for (int k = 0; k < a.length; k++) {
            b[k] = round(a[k]);
        }
    }

    @Override
    public void synchronize() {
    }

    @Override
    public long freeBytes() {
        if (memory >= 0) {
            return memory - allocated;
        }
        return Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
    }

    @Override
    public void close() {
    }
}
