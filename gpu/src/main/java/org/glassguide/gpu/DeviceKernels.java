package org.glassguide.gpu;

import org.glassguide.solver.compute.Precision;

/**
 * The kernels of the GPU ADI step (gpu/src/main/cuda/adi.cu) as seen from Java: buffers that live on the
 * device and the operations on them. {@link CudaKernels} launches the CUDA kernels; {@link HostKernels}
 * runs the same arithmetic in Java, line by line, so that the step's sequencing ({@link KernelAdiStepper})
 * is tested on every build. Complex arrays are interleaved; "rows" and "lanes" are those of
 * adi_kernels.cuh (lanes fastest in memory, one thread per lane).
 */
interface DeviceKernels extends AutoCloseable {
    /** A device array of reals (or of mask bytes). */
    interface Buffer {
        long length();
    }

    Precision precision();

    /** A zero-filled array of n reals in the kernels' precision. */
    Buffer alloc(long n);

    /** Copies values in (rounded to the precision); the buffer must hold at least data.length reals. */
    void upload(Buffer b, double[] data);

    void download(Buffer b, double[] out);

    /** A mask of one byte per cell (1 where true). */
    Buffer mask(boolean[] m);

    void free(Buffer b);

    /**
     * out = (1 + c P_u) in along the rows, written in the same layout or transposed (lanes and rows swapped);
     * v, rl, ru may be null.
     */
    void explicitRows(Buffer in, Buffer out, int nLanes, int nRows, Buffer low, Buffer up, Buffer v, Buffer rl, Buffer ru, double cr,
            double ci, boolean transposeOut);

    /** out = in with lanes and rows swapped. */
    void transposeRows(Buffer in, Buffer out, int nLanes, int nRows);

    /** (1 + d P_u) y = x along the rows, in place; inverse pivots per cell or per row; rl, ru may be null. */
    void solveRows(Buffer x, int nLanes, int nRows, Buffer sub, Buffer sup, Buffer inv, boolean invPerCell, Buffer rl, Buffer ru);

    /** a *= f (per cell, or 1 where f is null) (re + i im) over n cells. */
    void multiply(Buffer a, Buffer f, long cells, double re, double im);

    /** Sum of |a|^2 over n cells where the mask (may be null) is set, in double. */
    double power(Buffer a, Buffer mask, long cells);

    /**
     * out = (1 + c P) in on layout A for the whole 2D operator P = P_x + P_y + V (the unsplit wide-angle solve); V, rl, ru
     * in layout A, rl and ru may be null. out differs from in.
     */
    void wideApply(Buffer in, Buffer out, int nx, int ny, Buffer lowX, Buffer upX, Buffer lowY, Buffer upY, Buffer v, Buffer rl, Buffer ru,
            double cr, double ci);

    /** out = a x + b y over n cells (a = ar + i ai, b = br + i bi; out may be x or y). */
    void combine(Buffer out, double ar, double ai, Buffer x, double br, double bi, Buffer y, long cells);

    /** sum conj(a) b over n cells in double, written to reIm as {re, im}. */
    void dot(Buffer a, Buffer b, long cells, double[] reIm);

    /** to = from (same length). */
    void copy(Buffer from, Buffer to);

    /**
     * to = from, where from holds reals of fromPrecision on the same device (another kernels object's buffer), rounded to
     * these kernels' precision; the same length.
     */
    void copyFrom(Buffer from, Precision fromPrecision, Buffer to);

    /** Returns when every kernel launched so far has finished. */
    void synchronize();

    /** Free device memory in bytes (for messages), or -1 where unknown. */
    long freeBytes();

    @Override
    void close();
}
