package org.glassguide.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmGrid;
import org.glassguide.solver.bpm.Launch;
import org.glassguide.solver.bpm.WideAngle;
import org.glassguide.solver.compute.AdiOperator;
import org.glassguide.solver.compute.AdiStepper;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.KrylovVectors;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole beam propagations and the imaginary-distance mode finder through the GPU backend's stepper on the
 * host kernels, against the CPU backend: the propagator's use of the SPI (sections, masks, monitors,
 * multistep wide-angle factors, the 3D wide-angle steps' unsplit solve with its vectors on the device) works unchanged
 * on the device path.
 */
class PropagatorOnKernelsTest {
    /** The GPU backend's stepper over the host kernels. */
    private static final ComputeBackend HOST = new ComputeBackend() {
        @Override
        public String name() {
            return "host-kernels";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public String device() {
            return "the GPU kernels' arithmetic on the host";
        }

        @Override
        public AdiStepper adi(AdiOperator op, Precision precision, int threads) {
            return new KernelAdiStepper(new HostKernels(precision), "host", op);
        }

        @Override
        public KrylovVectors krylovVectors(AdiOperator op, Precision precision, int threads) {
            return new DeviceKrylovVectors(new HostKernels(Precision.DOUBLE), new HostKernels(precision), "host", op);
        }
    };

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PARAXIAL, DOUBLE", "PADE22, DOUBLE", "PADE11, FLOAT"})
    void propagationMatchesTheCpuBackend(WideAngle wide, Precision precision) {
        double window = 16e-6;
        BpmGrid g = BpmGrid.centred(window, window, window / 48);
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, 3e-6), 1.56, 0);
        double[] launch = Launch.gaussian(g, 1e-6, 1.56, 2.5e-6, 0.5e-6, 0, 0);
        boolean[] core = new boolean[g.nx() * g.ny()];
        for (int p = 0; p < core.length; p++) {
            core[p] = Math.abs(p % g.nx() - g.nx() / 2) < 10;
        }
        BeamPropagator.Settings s = new BeamPropagator.Settings(1e-6, 1.5, 0.1e-6, 4e-6, wide, 6, precision, 2, 10);
        BeamPropagator.Result cpu = new BeamPropagator().propagate(cs, g, launch, core, s, new CpuBackend(), ProgressMonitor.NONE);
        BeamPropagator.Result dev = new BeamPropagator().propagate(cs, g, launch, core, s, HOST, ProgressMonitor.NONE);
        double tol = precision == Precision.DOUBLE ? 1e-12 : 1e-5;
        assertTrue(Problems.relativeL2(dev.endField(), cpu.endField()) < tol);
        for (int i = 0; i < cpu.power().length; i++) {
            assertEquals(cpu.power()[i], dev.power()[i], tol);
            assertEquals(cpu.regionPower()[i], dev.regionPower()[i], tol);
        }
    }

    @org.junit.jupiter.api.Test
    void imaginaryDistanceModeMatchesTheCpuBackend() {
        double window = 12e-6;
        BpmGrid g = BpmGrid.centred(window, window, window / 40);
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, 2e-6), 1.46, 0);
        double[] guess = Launch.gaussian(g, 1e-6, 1.46, 2e-6, 0, 0, 0);
        BeamPropagator.FoundMode cpu = new BeamPropagator().findMode(cs, g, guess, 1e-6, 1e-10, 4000, new CpuBackend(), ProgressMonitor.NONE);
        BeamPropagator.FoundMode dev = new BeamPropagator().findMode(cs, g, guess, 1e-6, 1e-10, 4000, HOST, ProgressMonitor.NONE);
        assertEquals(cpu.nEff(), dev.nEff(), 1e-12);
        assertEquals(cpu.steps(), dev.steps());
    }
}
