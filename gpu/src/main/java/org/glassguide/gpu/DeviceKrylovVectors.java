package org.glassguide.gpu;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.KrylovVectors;
import org.glassguide.solver.compute.Precision;

/**
 * The unsplit wide-angle solve's vectors in device memory, in double precision as on the host (a float run's
 * preconditioner stays in float: in float vectors the products with P, sums of terms of 1/dx^2 cancelling to k_perp^2,
 * lose the digits the solve needs, and GMRES stalls near 1e-3): the field, the GMRES basis and its work vectors never
 * leave the device; products with 1 + c P are one stencil kernel on layout A (wide_apply), linear
 * combinations one kernel each, dot products a reduction whose two doubles come back. Each factor's preconditioner is a
 * {@link KernelAdiStepper} on the same kernels, stepped buffer to buffer. The operator's V and interface ratios are kept
 * here a second time in layout A (the steppers hold them in layout B for their x solves).
 */
final class DeviceKrylovVectors implements KrylovVectors {
    /** The vectors' kernels (double) and the preconditioners' (the run's precision; the same object in double). */
    private final DeviceKernels k;
    private final DeviceKernels kp;
    private final String deviceName;
    private final int nx;
    private final int ny;
    private final long cells;
    private final List<DeviceKernels.Buffer> vectors = new ArrayList<>();
    private final List<KernelAdiStepper> preconditioners = new ArrayList<>();
    private final DeviceKernels.Buffer lowX;
    private final DeviceKernels.Buffer upX;
    private final DeviceKernels.Buffer lowY;
    private final DeviceKernels.Buffer upY;
    private final DeviceKernels.Buffer potential;
    private DeviceKernels.Buffer rl;
    private DeviceKernels.Buffer ru;
    private AdiOperator op;
    private final DeviceFieldOps fieldOps;

    /**
     * The vectors on double kernels and the preconditioners on kernels of the run's precision (the same object for a
     * double run), on one device; this object then owns both (closed with it).
     */
    DeviceKrylovVectors(DeviceKernels kernels, DeviceKernels preconditionerKernels, String deviceName, AdiOperator op) {
        if (kernels.precision() != Precision.DOUBLE) {
            throw new IllegalArgumentException("the Krylov vectors are double");
        }
        this.k = kernels;
        this.kp = preconditionerKernels;
        this.deviceName = deviceName;
        this.nx = op.nx();
        this.ny = op.ny();
        this.cells = (long) nx * ny;
        lowX = k.alloc(2L * nx);
        upX = k.alloc(2L * nx);
        lowY = k.alloc(2L * ny);
        upY = k.alloc(2L * ny);
        potential = k.alloc(2 * cells);
        fieldOps = new DeviceFieldOps(k, cells);
        setOperator(op);
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
    public String where() {
        return deviceName;
    }

    @Override
    public void reserve(int count) {
        while (vectors.size() < count) {
            vectors.add(k.alloc(2 * cells));
        }
    }

    @Override
    public AdiOperator operator() {
        return op;
    }

    @Override
    public void setOperator(AdiOperator o) {
        if (o.nx() != nx || o.ny() != ny) {
            throw new IllegalArgumentException("a new operator must keep the " + nx + " x " + ny + " grid");
        }
        op = o;
        k.upload(lowX, o.lowX());
        k.upload(upX, o.upX());
        k.upload(lowY, o.lowY());
        k.upload(upY, o.upY());
        k.upload(potential, o.potential());
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
            k.upload(rl, o.ratioLowX());
            k.upload(ru, o.ratioUpX());
        }
        for (KernelAdiStepper m : preconditioners) {
            m.setOperator(o);
        }
    }

    @Override
    public void setPreconditioners(double[] d) {
        int factors = d.length / 2;
        while (preconditioners.size() < factors) {
            preconditioners.add(new KernelAdiStepper(kp, deviceName, op, false));
        }
        while (preconditioners.size() > factors) {
            preconditioners.remove(preconditioners.size() - 1).close();
        }
        for (int f = 0; f < factors; f++) {
            preconditioners.get(f).setFactors(new double[] {0, 0}, new double[] {d[2 * f], d[2 * f + 1]});
        }
    }

    @Override
    public void precondition(int f, int in, int out) {
        preconditioners.get(f).apply(k, vectors.get(in), vectors.get(out));
    }

    @Override
    public void onePlusP(int x, double cr, double ci, int out) {
        k.wideApply(vectors.get(x), vectors.get(out), nx, ny, lowX, upX, lowY, upY, potential, rl, ru, cr, ci);
    }

    @Override
    public void combine(int out, double ar, double ai, int x, double br, double bi, int y) {
        k.combine(vectors.get(out), ar, ai, vectors.get(x), br, bi, vectors.get(y), cells);
    }

    @Override
    public void dot(int a, int b, double[] reIm) {
        k.dot(vectors.get(a), vectors.get(b), cells, reIm);
    }

    @Override
    public double norm2(int a) {
        return k.power(vectors.get(a), null, cells);
    }

    @Override
    public void load(int v, double[] field) {
        k.upload(vectors.get(v), field);
    }

    @Override
    public void store(int v, double[] field) {
        k.download(vectors.get(v), field);
    }

    @Override
    public double power(int v, boolean[] mask) {
        return fieldOps.power(vectors.get(v), mask);
    }

    @Override
    public void multiply(int v, double[] factor, double re, double im) {
        fieldOps.multiply(vectors.get(v), factor, re, im);
    }

    @Override
    public void finish() {
        k.synchronize();
        kp.synchronize();
    }

    private void free(DeviceKernels.Buffer b) {
        if (b != null) {
            k.free(b);
        }
    }

    @Override
    public void close() {
        for (KernelAdiStepper m : preconditioners) {
            m.close();
        }
        preconditioners.clear();
        for (DeviceKernels.Buffer b : vectors) {
            free(b);
        }
        vectors.clear();
        fieldOps.close();
        for (DeviceKernels.Buffer b : new DeviceKernels.Buffer[] {lowX, upX, lowY, upY, potential, rl, ru}) {
            free(b);
        }
        k.close();
        if (kp != k) {
            kp.close();
        }
    }
}
