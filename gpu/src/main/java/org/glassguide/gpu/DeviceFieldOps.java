package org.glassguide.gpu;

/**
 * The propagator's per-run operations on a field held on the device, shared by the ADI stepper and the unsplit solve's
 * vectors: its power over a region (the region's mask uploaded once and kept while the caller passes the same array) and
 * a per-cell multiply (the factor uploaded on every call: the caller may refill the same array).
 */
final class DeviceFieldOps {
    private final DeviceKernels k;
    private final long cells;
    private boolean[] lastMask;
    private DeviceKernels.Buffer maskBuffer;
    private DeviceKernels.Buffer factorBuffer;

    DeviceFieldOps(DeviceKernels kernels, long cells) {
        this.k = kernels;
        this.cells = cells;
    }

    /** sum |field|^2 where mask is true (everywhere when null). */
    double power(DeviceKernels.Buffer field, boolean[] mask) {
        if (mask == null) {
            return k.power(field, null, cells);
        }
        if (mask != lastMask) {
            if (maskBuffer != null) {
                k.free(maskBuffer);
            }
            maskBuffer = k.mask(mask);
            lastMask = mask;
        }
        return k.power(field, maskBuffer, cells);
    }

    /** field *= factor (per cell, or null) times (re + i im). */
    void multiply(DeviceKernels.Buffer field, double[] factor, double re, double im) {
        if (factor == null) {
            k.multiply(field, null, cells, re, im);
            return;
        }
        if (factorBuffer == null) {
            factorBuffer = k.alloc(2 * cells);
        }
        k.upload(factorBuffer, factor);
        k.multiply(field, factorBuffer, cells, re, im);
    }

    /** Frees the mask and factor buffers (the kernels stay open). */
    void close() {
        for (DeviceKernels.Buffer b : new DeviceKernels.Buffer[] {maskBuffer, factorBuffer}) {
            if (b != null) {
                k.free(b);
            }
        }
        maskBuffer = null;
        factorBuffer = null;
    }
}
