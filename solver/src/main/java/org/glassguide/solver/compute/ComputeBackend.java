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
}
