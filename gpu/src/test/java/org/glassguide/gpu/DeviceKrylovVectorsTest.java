package org.glassguide.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.compute.UnsplitWideAngleStepper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unsplit wide-angle solve with its vectors on the device kernels (here their Java statement, HostKernels) against
 * the same solve on host vectors over the CPU backend: the device path's stencil (layout A, V and ratios copied there),
 * combinations, dot products and buffer-to-buffer preconditioner must reproduce the host solve. Double: the same
 * iterations in another order of rounding, 1e-11; float: double vectors around a float preconditioner (as on the host), solved to the float target 1e-5
 * per factor, 5 steps, 3e-4.
 */
class DeviceKrylovVectorsTest {
    @ParameterizedTest(name = "{0} {1}x{2} factors {3} ratios {4}")
    @CsvSource({"DOUBLE, 40, 33, 1, false", "DOUBLE, 37, 29, 2, true", "DOUBLE, 300, 1, 1, true", "FLOAT, 40, 33, 1, true", "FLOAT, 37, 29, 2, false"})
    void deviceVectorsSolveAsTheHostOnes(Precision precision, int nx, int ny, int factors, boolean ratios) {
        AdiOperator op = Problems.operator(nx, ny, 7L * nx + ny, ratios);
        double[] psi = Problems.field(nx, ny, 3);
        // Pade-like factors: a real part of the size of the imaginary one (the wide-angle case the split step gets wrong)
        double[][] f = factors == 1 ? new double[][] {{0.2, 0.3}, {0.2, -0.3}} : new double[][] {{0.2, 0.3, 0.05, 0.12}, {0.2, -0.3, 0.05, -0.12}};
        double[] ref;
        UnsplitWideAngleStepper host = new UnsplitWideAngleStepper(op, precision, o -> new CpuBackend().adi(o, precision, 1));
        try (host) {
            host.setTolerance(1_000_000);
            ref = Problems.run(host, f, psi, 5);
        }
        double[] got;
        UnsplitWideAngleStepper dev = new UnsplitWideAngleStepper(new DeviceKrylovVectors(new HostKernels(Precision.DOUBLE), new HostKernels(precision), "host", op), precision);
        try (dev) {
            dev.setTolerance(1_000_000);
            got = Problems.run(dev, f, psi, 5);
            assertEquals(5L * factors, dev.solves());
            assertTrue(dev.maxResidual() <= dev.tolerance());
        }
        double err = Problems.relativeL2(got, ref);
        assertTrue(err < (precision == Precision.DOUBLE ? 1e-11 : 3e-4), "relative L2 " + err);
        // and, in 3D, both differ from the split step by far more (the test can tell the solves apart; on one row the split
        // step is exact)
        double[] split = Problems.run(new CpuBackend().adi(op, precision, 1), new double[][] {{f[0][0], f[0][1]}, {f[1][0], f[1][1]}}, psi, 5);
        if (factors == 1 && ny > 1) {
            assertTrue(Problems.relativeL2(split, ref) > 100 * (precision == Precision.DOUBLE ? 1e-11 : 3e-4), "split vs unsplit "
                    + Problems.relativeL2(split, ref));
        }
    }
}
