package org.glassguide.gpu;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.KrylovVectors;
import org.glassguide.solver.compute.Precision;

/**
 * The CUDA backend ("gpu", or "gpu:N" for device N): the ADI steps of the beam propagator and of the
 * imaginary-distance mode finder on the device, the field resident there for the whole run. Found by
 * {@link java.util.ServiceLoader}; unavailable, with the reason, where there is no driver or device.
 */
public final class CudaBackend implements ComputeBackend {
    private final int index;

    /** Device 0 (the one --device gpu means). */
    public CudaBackend() {
        this(0);
    }

    CudaBackend(int index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public boolean available() {
        CudaDevices.Probe p = CudaDevices.probe();
        return p.usable() && index < p.devices().size();
    }

    @Override
    public String unavailableReason() {
        CudaDevices.Probe p = CudaDevices.probe();
        if (!p.usable()) {
            return p.reason();
        }
        return index < p.devices().size() ? "" : "there is no GPU " + index + " (devices 0 to " + (p.devices().size() - 1) + ")";
    }

    @Override
    public String device() {
        CudaDevices.Probe p = CudaDevices.probe();
        return available() ? p.devices().get(index).describe() : "gpu (unavailable: " + unavailableReason() + ")";
    }

    @Override
    public ComputeBackend onDevice(int device) {
        if (device < 0) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--device", "gpu:" + device, "gpu:0 or above");
        }
        return new CudaBackend(device);
    }

    /** The device's theoretical memory bandwidth in bytes per second (NaN when unavailable). */
    public double bandwidth() {
        return available() ? CudaDevices.probe().devices().get(index).bandwidthBytesPerSecond() : Double.NaN;
    }

    @Override
    public boolean accelerator() {
        return true;
    }

    /** Bytes the kernels move per cell and step for a scalar run with the given number of factors. */
    @Override
    public double bytesPerCellStep(Precision p, int factors) {
        return KernelAdiStepper.bytesPerCellStep(p, factors, false);
    }

    /**
     * The device's memory bandwidth as a device-to-device copy of 512 MiB measures it (bytes read plus
     * written per second, best of ten copies): the yardstick for the kernels' achieved bandwidth.
     */
    @Override
    public double measureCopyBandwidth() {
        if (!available()) {
            return Double.NaN;
        }
        try (CudaKernels k = new CudaKernels(index, Precision.FLOAT)) {
            long n = 128L << 20;
            DeviceKernels.Buffer a = k.alloc(n);
            DeviceKernels.Buffer b = k.alloc(n);
            double best = 0;
            for (int r = 0; r < 10; r++) {
                k.synchronize();
                long t0 = System.nanoTime();
                k.copy(a, b);
                k.synchronize();
                best = Math.max(best, 2.0 * n * 4 / ((System.nanoTime() - t0) * 1e-9));
            }
            k.free(a);
            k.free(b);
            return best;
        }
    }

    /** The unsplit solve's vectors in this device's memory (double), beside its preconditioners (the run's precision). */
    @Override
    public KrylovVectors krylovVectors(AdiOperator op, Precision precision, int threads) {
        if (!available()) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--device", "gpu:" + index, "auto or cpu here: " + unavailableReason());
        }
        CudaKernels k = new CudaKernels(index, Precision.DOUBLE);
        CudaKernels kp = null;
        try {
            kp = precision == Precision.DOUBLE ? k : new CudaKernels(index, precision);
            return new DeviceKrylovVectors(k, kp, "gpu:" + index, op);
        } catch (RuntimeException e) {
            if (kp != null && kp != k) {
                kp.close();
            }
            k.close();
            throw e;
        }
    }

    @Override
    public AdiStepper adi(AdiOperator op, Precision precision, int threads) {
        if (!available()) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--device", "gpu:" + index, "auto or cpu here: " + unavailableReason());
        }
        CudaKernels k = new CudaKernels(index, precision);
        try {
            return new KernelAdiStepper(k, "gpu:" + index, op);
        } catch (RuntimeException e) {
            k.close();
            throw e;
        }
    }
}
