package org.glassguide.gpu;

import java.util.Locale;

import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.compute.Precision;

/**
 * The kernels of adi.cu launched through the CUDA driver API on one device (its primary context, made
 * current on whichever thread calls). Launches are asynchronous on the default stream; only downloads
 * and reductions wait for the device.
 */
final class CudaKernels implements DeviceKernels {
    private static final int TILE = 32;
    private static final int ROWS_PER_PASS = 8;
    private static final int LANES_PER_BLOCK = 128;
    private static final int REDUCE = 256;
    private static final int REDUCE_BLOCKS = 1024;

    private final Precision precision;
    private final int bytes;
    private final String deviceName;
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUfunction explicitRows = new CUfunction();
    private final CUfunction transposeRows = new CUfunction();
    private final CUfunction solveRows = new CUfunction();
    private final CUfunction multiply = new CUfunction();
    private final CUfunction powerPartial = new CUfunction();
    private final CUfunction wideApply = new CUfunction();
    private final CUfunction combine = new CUfunction();
    private final CUfunction dotPartial = new CUfunction();
    /** Conversion into this precision from the other one. */
    private final CUfunction convertIn = new CUfunction();
    /** Per-block partial sums of a reduction: one double per block (power), two (dot). */
    private final CUdeviceptr partial = new CUdeviceptr();
    private final double[] partialHost = new double[2 * REDUCE_BLOCKS];
    private final CUdeviceptr none = new CUdeviceptr();
    private boolean closed;

    private static final class CudaBuffer implements Buffer {
        final CUdeviceptr ptr = new CUdeviceptr();
        final long length;
        boolean freed;

        CudaBuffer(long length) {
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }
    }

    CudaKernels(int index, Precision precision) {
        this.precision = precision;
        this.bytes = precision == Precision.FLOAT ? Sizeof.FLOAT : Sizeof.DOUBLE;
        this.deviceName = "gpu:" + index;
        try {
            JCudaDriver.cuDeviceGet(device, index);
            JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
            JCudaDriver.cuCtxSetCurrent(context);
            JCudaDriver.cuModuleLoadData(module, CudaDevices.ptx());
            String s = precision == Precision.FLOAT ? "_f" : "_d";
            JCudaDriver.cuModuleGetFunction(explicitRows, module, "explicit_rows" + s);
            JCudaDriver.cuModuleGetFunction(transposeRows, module, "transpose_rows" + s);
            JCudaDriver.cuModuleGetFunction(solveRows, module, "solve_rows" + s);
            JCudaDriver.cuModuleGetFunction(multiply, module, "multiply" + s);
            JCudaDriver.cuModuleGetFunction(powerPartial, module, "power_partial" + s);
            JCudaDriver.cuModuleGetFunction(wideApply, module, "wide_apply" + s);
            JCudaDriver.cuModuleGetFunction(combine, module, "combine" + s);
            JCudaDriver.cuModuleGetFunction(dotPartial, module, "dot_partial" + s);
            JCudaDriver.cuModuleGetFunction(convertIn, module, precision == Precision.FLOAT ? "convert_d_to_f" : "convert_f_to_d");
            JCudaDriver.cuMemAlloc(partial, 2L * REDUCE_BLOCKS * Sizeof.DOUBLE);
        } catch (CudaException e) {
            throw failure("starting the kernels", e);
        }
    }

    private GlassGuideException failure(String what, CudaException e) {
        return new GlassGuideException(Messages.AT_POINT, "--device " + deviceName, what + " failed: " + e.getMessage());
    }

    private void current() {
        if (closed) {
            throw new IllegalStateException("the GPU kernels were closed");
        }
        JCudaDriver.cuCtxSetCurrent(context);
    }

    private static CUdeviceptr ptr(Buffer b) {
        return ((CudaBuffer) b).ptr;
    }

    private Pointer arg(Buffer b) {
        return Pointer.to(b == null ? none : ptr(b));
    }

    private Pointer real(double x) {
        return precision == Precision.FLOAT ? Pointer.to(new float[] {(float) x}) : Pointer.to(new double[] {x});
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public Buffer alloc(long n) {
        current();
        CudaBuffer b = new CudaBuffer(n);
        try {
            JCudaDriver.cuMemAlloc(b.ptr, Math.max(1, n) * bytes);
            JCudaDriver.cuMemsetD8(b.ptr, (byte) 0, Math.max(1, n) * bytes);
        } catch (CudaException e) {
            throw new GlassGuideException(Messages.AT_POINT, "--device " + deviceName, String.format(Locale.ROOT,
                    "out of GPU memory allocating %.0f MiB (%.0f MiB free); use a smaller grid, float precision or --device cpu",
                    n * bytes / 1048576.0, freeBytes() / 1048576.0));
        }
        return b;
    }

    @Override
    public void upload(Buffer b, double[] data) {
        current();
        if (precision == Precision.FLOAT) {
            float[] f = new float[data.length];
            for (int k = 0; k < data.length; k++) {
                f[k] = (float) data[k];
            }
            JCudaDriver.cuMemcpyHtoD(ptr(b), Pointer.to(f), (long) f.length * Sizeof.FLOAT);
        } else {
            JCudaDriver.cuMemcpyHtoD(ptr(b), Pointer.to(data), (long) data.length * Sizeof.DOUBLE);
        }
    }

    @Override
    public void download(Buffer b, double[] out) {
        current();
        if (precision == Precision.FLOAT) {
            float[] f = new float[out.length];
            JCudaDriver.cuMemcpyDtoH(Pointer.to(f), ptr(b), (long) f.length * Sizeof.FLOAT);
            for (int k = 0; k < out.length; k++) {
                out[k] = f[k];
            }
        } else {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(out), ptr(b), (long) out.length * Sizeof.DOUBLE);
        }
    }

    @Override
    public Buffer mask(boolean[] m) {
        current();
        CudaBuffer b = new CudaBuffer(m.length);
        byte[] h = new byte[m.length];
        for (int k = 0; k < m.length; k++) {
            h[k] = (byte) (m[k] ? 1 : 0);
        }
        JCudaDriver.cuMemAlloc(b.ptr, Math.max(1, m.length));
        JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(h), m.length);
        return b;
    }

    @Override
    public void free(Buffer b) {
        CudaBuffer c = (CudaBuffer) b;
        if (!c.freed && !closed) {
            current();
            JCudaDriver.cuMemFree(c.ptr);
            c.freed = true;
        }
    }

    private void launch(CUfunction f, int gx, int gy, int bx, int by, Pointer params) {
        try {
            JCudaDriver.cuLaunchKernel(f, gx, gy, 1, bx, by, 1, 0, null, params, null);
        } catch (CudaException e) {
            throw failure("a kernel launch", e);
        }
    }

    @Override
    public void explicitRows(Buffer in, Buffer out, int nLanes, int nRows, Buffer low, Buffer up, Buffer v, Buffer rl, Buffer ru, double cr,
            double ci, boolean transposeOut) {
        current();
        launch(explicitRows, (nLanes + TILE - 1) / TILE, (nRows + TILE - 1) / TILE, TILE, ROWS_PER_PASS,
                Pointer.to(arg(in), arg(out), Pointer.to(new int[] {nLanes}), Pointer.to(new int[] {nRows}), arg(low), arg(up), arg(v), arg(rl),
                        arg(ru), real(cr), real(ci), Pointer.to(new int[] {transposeOut ? 1 : 0})));
    }

    @Override
    public void transposeRows(Buffer in, Buffer out, int nLanes, int nRows) {
        current();
        launch(transposeRows, (nLanes + TILE - 1) / TILE, (nRows + TILE - 1) / TILE, TILE, ROWS_PER_PASS,
                Pointer.to(arg(in), arg(out), Pointer.to(new int[] {nLanes}), Pointer.to(new int[] {nRows})));
    }

    @Override
    public void solveRows(Buffer x, int nLanes, int nRows, Buffer sub, Buffer sup, Buffer inv, boolean invPerCell, Buffer rl, Buffer ru) {
        current();
        launch(solveRows, (nLanes + LANES_PER_BLOCK - 1) / LANES_PER_BLOCK, 1, LANES_PER_BLOCK, 1,
                Pointer.to(arg(x), Pointer.to(new int[] {nLanes}), Pointer.to(new int[] {nRows}), arg(sub), arg(sup), arg(inv),
                        Pointer.to(new int[] {invPerCell ? 1 : 0}), arg(rl), arg(ru)));
    }

    @Override
    public void multiply(Buffer a, Buffer f, long cells, double re, double im) {
        current();
        int blocks = (int) Math.min(65535, (cells + REDUCE - 1) / REDUCE);
        launch(multiply, blocks, 1, REDUCE, 1, Pointer.to(arg(a), arg(f), Pointer.to(new long[] {cells}), real(re), real(im)));
    }

    @Override
    public double power(Buffer a, Buffer mask, long cells) {
        current();
        launch(powerPartial, REDUCE_BLOCKS, 1, REDUCE, 1, Pointer.to(arg(a), arg(mask), Pointer.to(new long[] {cells}), Pointer.to(partial)));
        JCudaDriver.cuMemcpyDtoH(Pointer.to(partialHost), partial, (long) REDUCE_BLOCKS * Sizeof.DOUBLE);
        // only the blocks' partials just written: the rest of the array holds a dot product's
        double s = 0;
        for (int q = 0; q < REDUCE_BLOCKS; q++) {
            s += partialHost[q];
        }
        return s;
    }

    @Override
    public void wideApply(Buffer in, Buffer out, int nx, int ny, Buffer lowX, Buffer upX, Buffer lowY, Buffer upY, Buffer v, Buffer rl, Buffer ru,
            double cr, double ci) {
        current();
        launch(wideApply, (nx + TILE - 1) / TILE, (ny + TILE - 1) / TILE, TILE, ROWS_PER_PASS,
                Pointer.to(arg(in), arg(out), Pointer.to(new int[] {nx}), Pointer.to(new int[] {ny}), arg(lowX), arg(upX), arg(lowY), arg(upY),
                        arg(v), arg(rl), arg(ru), real(cr), real(ci)));
    }

    @Override
    public void combine(Buffer out, double ar, double ai, Buffer x, double br, double bi, Buffer y, long cells) {
        current();
        int blocks = (int) Math.min(65535, (cells + REDUCE - 1) / REDUCE);
        launch(combine, blocks, 1, REDUCE, 1, Pointer.to(arg(out), arg(x), arg(y), Pointer.to(new long[] {cells}), real(ar), real(ai), real(br),
                real(bi)));
    }

    @Override
    public void dot(Buffer a, Buffer b, long cells, double[] reIm) {
        current();
        int blocks = (int) Math.min(REDUCE_BLOCKS, Math.max(1, (cells + REDUCE - 1) / REDUCE));
        launch(dotPartial, blocks, 1, REDUCE, 1, Pointer.to(arg(a), arg(b), Pointer.to(new long[] {cells}), Pointer.to(partial)));
        JCudaDriver.cuMemcpyDtoH(Pointer.to(partialHost), partial, 2L * blocks * Sizeof.DOUBLE);
        double re = 0;
        double im = 0;
        for (int q = 0; q < blocks; q++) {
            re += partialHost[2 * q];
            im += partialHost[2 * q + 1];
        }
        reIm[0] = re;
        reIm[1] = im;
    }

    @Override
    public void copy(Buffer from, Buffer to) {
        current();
        JCudaDriver.cuMemcpyDtoD(ptr(to), ptr(from), from.length() * bytes);
    }

    @Override
    public void copyFrom(Buffer from, Precision fromPrecision, Buffer to) {
        if (fromPrecision == precision) {
            copy(from, to);
            return;
        }
        current();
        long n = from.length();
        int blocks = (int) Math.min(65535, (n + REDUCE - 1) / REDUCE);
        launch(convertIn, blocks, 1, REDUCE, 1, Pointer.to(arg(from), arg(to), Pointer.to(new long[] {n})));
    }

    @Override
    public long freeBytes() {
        current();
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        return free[0];
    }

    @Override
    public void synchronize() {
        current();
        JCudaDriver.cuCtxSynchronize();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        current();
        JCudaDriver.cuMemFree(partial);
        JCudaDriver.cuModuleUnload(module);
        closed = true;
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }
}
