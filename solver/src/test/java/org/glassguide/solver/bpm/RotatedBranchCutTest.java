package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.fd.CrossSection;
import org.junit.jupiter.api.Test;

/**
 * The rotated branch cut's price: the step stops being unitary for propagating light. The gain the run warns about
 * ({@link WideAngle#maxGainPerStep}) against the power a 30 deg beam actually gains in a uniform medium (2D, where the
 * step is exactly the product of its factors on the discrete operator), and zero for the plain approximant.
 */
class RotatedBranchCutTest {
    private static final double LAMBDA = 1e-6;
    private static final double N = 1.56;

    @Test
    void thePlainApproximantIsUnitary() {
        double k = 2 * Math.PI / LAMBDA * N;
        for (WideAngle w : new WideAngle[] {WideAngle.PADE11, WideAngle.PADE22}) {
            assertEquals(0, w.maxGainPerStep(0.1e-6, k, 0, -1), 1e-12, w.name());
        }
        assertTrue(WideAngle.PADE22.maxGainPerStep(0.1e-6, k, Math.PI / 4, -0.25) > 5e-4);
        assertEquals(0, WideAngle.PADE11.maxGainPerStep(0.1e-6, k, Math.PI / 4, -0.25), 0, "rotated Pade (1,1) loses, never gains");
    }

    @Test
    void aSteepBeamGainsWhatTheFactorsPredict() {
        double h = 0.02e-6;
        double dz = 0.1e-6;
        int steps = 5; // the run stops at 1 % growth: 5 steps gain about 0.8 %
        double k = 2 * Math.PI / LAMBDA * N;
        BpmGrid g = BpmGrid.slab(4000 * h, h);
        double[] launch = Launch.gaussian(g, LAMBDA, N, 8e-6, 0, 0, 30);
        BeamPropagator.Settings s = new BeamPropagator.Settings(LAMBDA, N, dz, steps * dz, WideAngle.PADE22, 0, Precision.DOUBLE, 1, steps);
        BeamPropagator.Result r = new BeamPropagator().withBranchCut(Math.PI / 4).propagate(new CrossSection(N, 0), g, launch, null, s,
                new CpuBackend(), ProgressMonitor.NONE);
        double measured = r.power()[r.power().length - 1] - 1;
        // the discrete operator sees k_x as (2/h) sin(k_x h / 2)
        double kx = k * 0.5;
        double kd = 2 / h * Math.sin(kx * h / 2);
        double x = -(kd / k) * (kd / k);
        double perStep = WideAngle.PADE22.maxGainPerStep(dz, k, Math.PI / 4, x);
        double predicted = Math.pow(1 + perStep, 2 * steps) - 1;
        // the beam's angular spread (w0 = 8 um) straddles the gain curve: a few per cent of the gain
        assertEquals(predicted, measured, 0.05 * predicted, "measured " + measured + ", predicted " + predicted);
    }
}
