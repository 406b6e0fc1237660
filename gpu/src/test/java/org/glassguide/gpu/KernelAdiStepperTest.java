package org.glassguide.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GPU step's sequencing (layouts, transposed explicit half-steps, precomputed pivots, one-directional
 * multistep factors) on the host kernels against the CPU backend, the reference: whole runs agree to
 * 1e-12 (double) and 1e-5 (float) in relative L2, as the CPU-vs-GPU equivalence test demands of the device.
 */
class KernelAdiStepperTest {
    @ParameterizedTest(name = "{0} {1}x{2} factors {3} ratios {4}")
    @CsvSource({
        "DOUBLE, 48, 40, 1, false", "DOUBLE, 48, 40, 1, true", "DOUBLE, 33, 70, 2, false", "DOUBLE, 33, 70, 2, true",
        "DOUBLE, 200, 1, 1, false", "DOUBLE, 200, 1, 2, true",
        "FLOAT, 48, 40, 1, false", "FLOAT, 48, 40, 1, true", "FLOAT, 33, 70, 2, false", "FLOAT, 200, 1, 1, true"})
    void stepsMatchTheCpuBackend(Precision precision, int nx, int ny, int factors, boolean ratios) {
        AdiOperator op = Problems.operator(nx, ny, 17L * nx + ny, ratios);
        double[] psi = Problems.field(nx, ny, 3);
        double[][] f = Problems.factors(factors);
        int steps = 12;
        double[] ref;
        try (AdiStepper cpu = new CpuBackend().adi(op, precision, 2)) {
            ref = Problems.run(cpu, f, psi, steps);
        }
        double[] got;
        double gotPower;
        double refPower = 0;
        boolean[] mask = new boolean[nx * ny];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = (p % nx) < nx / 2;
            if (mask[p]) {
                refPower += ref[2 * p] * ref[2 * p] + ref[2 * p + 1] * ref[2 * p + 1];
            }
        }
        try (AdiStepper dev = new KernelAdiStepper(new HostKernels(precision), "host", op)) {
            got = Problems.run(dev, f, psi, steps);
            gotPower = dev.power(mask);
        }
        double tol = precision == Precision.DOUBLE ? 1e-12 : 1e-5;
        double err = Problems.relativeL2(got, ref);
        assertTrue(err < tol, "relative L2 " + err);
        assertEquals(refPower, gotPower, tol * refPower * 10);
    }

    /** A new operator mid-run (a z-section) and the per-cell multiply agree with the CPU backend too. */
    @ParameterizedTest
    @CsvSource({"DOUBLE", "FLOAT"})
    void operatorChangeAndMultiply(Precision precision) {
        int nx = 40;
        int ny = 36;
        AdiOperator a = Problems.operator(nx, ny, 1, true);
        AdiOperator b = Problems.operator(nx, ny, 2, true);
        double[] psi = Problems.field(nx, ny, 5);
        double[] factor = Problems.field(nx, ny, 9);
        double[][] f = Problems.factors(1);
        double[] ref = new double[psi.length];
        double[] got = new double[psi.length];
        try (AdiStepper cpu = new CpuBackend().adi(a, precision, 1);
             AdiStepper dev = new KernelAdiStepper(new HostKernels(precision), "host", a)) {
            for (AdiStepper s : new AdiStepper[] {cpu, dev}) {
                s.setFactors(f[0], f[1]);
                s.setField(psi);
                s.step(3);
                s.setOperator(b);
                s.step(3);
                s.multiply(factor, 0.5, 0.25);
                s.multiply(null, 2, 0);
            }
            cpu.getField(ref);
            dev.getField(got);
        }
        double err = Problems.relativeL2(got, ref);
        assertTrue(err < (precision == Precision.DOUBLE ? 1e-12 : 1e-5), "relative L2 " + err);
    }

    /** A grid larger than the device's free memory is a one-line error that says how much it needs. */
    @org.junit.jupiter.api.Test
    void tooLittleDeviceMemoryIsAClearError() {
        AdiOperator op = Problems.operator(512, 512, 1, false);
        org.glassguide.materials.errors.GlassGuideException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.glassguide.materials.errors.GlassGuideException.class,
                () -> new KernelAdiStepper(new HostKernels(Precision.FLOAT, 4L << 20), "gpu:0", op));
        // 512^2 in float with one factor: 8.3 MiB
        assertTrue(e.getMessage().contains("--device gpu:0") && e.getMessage().contains("needs 8 MiB") && e.getMessage().contains("4 MiB free")
                && !e.getMessage().contains("\n"), e.getMessage());
        // two factors on a device that holds one: the check before the factors' arrays stops it too
        long one = KernelAdiStepper.bytesNeeded(512, 512, Precision.FLOAT, 1, false);
        try (AdiStepper s = new KernelAdiStepper(new HostKernels(Precision.FLOAT, one), "gpu:0", op)) {
            double[][] f = Problems.factors(2);
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.glassguide.materials.errors.GlassGuideException.class,
                    () -> s.setFactors(f[0], f[1])).getMessage().contains("MiB"));
        }
    }

    /** The device memory needed: 4096^2 in float, one factor, fits the 2 GB the design allows. */
    @org.junit.jupiter.api.Test
    void memoryOfALargeGrid() {
        long need = KernelAdiStepper.bytesNeeded(4096, 4096, Precision.FLOAT, 1, false);
        assertTrue(need < 2_000_000_000L, need + " bytes");
        assertEquals(16L * 4096 * 4096 * 2 + 4096 * 4096 + 8L * 8192 * 4, need);
    }
}
