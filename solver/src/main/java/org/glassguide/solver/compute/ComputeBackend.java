package org.glassguide.solver.compute;

/**
 * A compute backend: the bulk operations of the propagators (ADI sweeps: explicit half-steps and
 * batched tridiagonal solves, the per-cell multiply, reductions). {@link CpuBackend} is the reference
 * and always available; other backends (the GPU one) register through {@link java.util.ServiceLoader}
 * under this interface.
 */
public interface ComputeBackend {
    /** Short name: "cpu", "gpu". */
    String name();

    /** Whether this backend can run here; when not, {@link #unavailableReason()} says why. */
    boolean available();

    String unavailableReason();

    /** A line describing the device (for reports and benchmarks). */
    String device();

    /**
     * This backend on device N of its kind (--device gpu:N); backends with one device accept only 0.
     */
    default ComputeBackend onDevice(int device) {
        if (device != 0) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.BAD_CHOICE, "--device",
                    name() + ":" + device, name() + " has one device: " + name() + " or " + name() + ":0");
        }
        return this;
    }

    /** A stepper for the operator's grid in the given precision with the given number of threads (CPU) or streams. */
    AdiStepper adi(AdiOperator op, Precision precision, int threads);

    /**
     * The vectors of the unsplit wide-angle solve, with this backend's split step as the preconditioner: by default in the
     * Java heap (double precision); a device backend keeps them in its own memory, beside the field.
     */
    default KrylovVectors krylovVectors(AdiOperator op, Precision precision, int threads) {
        return new HostKrylovVectors(op, threads, o -> adi(o, precision, threads));
    }

    /**
     * Whether this backend runs on an accelerator with memory of its own, whose benchmark is its bandwidth table
     * ({@link #bytesPerCellStep}, {@link #measureCopyBandwidth}) beside the CPU backend on the same machine.
     */
    default boolean accelerator() {
        return false;
    }

    /** Bytes the backend's kernels move per cell and step for a scalar run with the given number of factors; NaN where not modelled. */
    default double bytesPerCellStep(Precision p, int factors) {
        return Double.NaN;
    }

    /** The device's memory bandwidth as a large device-to-device copy measures it (bytes per second); NaN where not measured. */
    default double measureCopyBandwidth() {
        return Double.NaN;
    }
}
