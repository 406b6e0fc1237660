package org.glassguide.validation;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmGrid;
import org.glassguide.solver.bpm.Launch;
import org.glassguide.solver.bpm.WideAngle;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;

/**
 * `glassguide bench bpm`: one propagation configuration on an N x N grid (a 1.56/1.44 step-index core
 * filling a third of a 20 um window, 1 um light, PML on every side, lossless): stepping throughput in
 * cell-steps per second (excluding set-up and a warm-up of the same length) as the median of three
 * timed runs, with their lowest and highest (a shared host's load moves single runs by tens of per
 * cent), and heap per grid cell.
 */
public final class BpmBenchmark {
    private BpmBenchmark() {
    }

    public record Result(int grid, Precision precision, int threads, WideAngle wideAngle, int steps, double cellStepsPerSecond,
            double slowest, double fastest, double heapBytesPerCell, String device, double meanIterations) {
    }

    public static Result run(int n, Precision precision, int threads, WideAngle wideAngle, ComputeBackend backend) {
        double window = 20e-6;
        BpmGrid g = BpmGrid.centred(window, window, window / n);
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, window / 6), 1.56, 0);
        double[] launch = Launch.gaussian(g, 1e-6, 1.56, window / 8, 0, 0, 0);
        // about 2e8 cell-steps on the CPU, 4e9 on a GPU: a second or two at the target rates
        double budget = (backend.name().equals("cpu") ? 2e8 : 4e9) / (wideAngle == WideAngle.PARAXIAL ? 1 : 25);
        int steps = Math.max(4, (int) Math.min(2000, budget / ((double) n * n)));
        int pml = Math.max(8, n / 32);
        BeamPropagator.Settings warm = new BeamPropagator.Settings(1e-6, 1.5, 0.05e-6, 0.05e-6 * steps, wideAngle, pml, precision,
                threads, steps);
        new BeamPropagator().propagate(cs, g, launch, null, warm, backend, ProgressMonitor.NONE);
        double[] rates = new double[3];
        long heap = 0;
        double iterations = 0;
        for (int k = 0; k < rates.length; k++) {
            System.gc();
            long base = HeapPools.used();
            HeapPools.resetPeaks();
            BeamPropagator.Result r = new BeamPropagator().propagate(cs, g, launch, null, warm, backend, ProgressMonitor.NONE);
            // the grid's own arrays: launch, samples and the stepper, above what was held before
            heap = Math.max(heap, HeapPools.peak() - base);
            rates[k] = r.cellStepsPerSecond();
            iterations = r.stepSolve().meanIterations();
        }
        java.util.Arrays.sort(rates);
        return new Result(n, precision, threads, wideAngle, steps, rates[1], rates[0], rates[2], Math.max(0, heap) / ((double) n * n),
                backend.device(), iterations);
    }
}
