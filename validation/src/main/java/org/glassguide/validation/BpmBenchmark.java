package org.glassguide.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
 * cent), and heap per grid cell. A second case, {@link Case#CHANNEL}, is what a user's wide-angle run looks like: the
 * scalar fundamental mode of a 2.0/1.44, 1.2 x 0.6 um channel at 1.55 um launched into it on 0.04 um cells.
 */
public final class BpmBenchmark {
    private BpmBenchmark() {
    }

    public record Result(int grid, Precision precision, int threads, WideAngle wideAngle, int steps, double cellStepsPerSecond,
            double slowest, double fastest, double heapBytesPerCell, String device, double meanIterations) {
    }

    /** What is propagated. */
    public enum Case {
        /** A Gaussian (w0 = window / 8) launched at a 1.56/1.44 core filling a third of a 20 um window: the grid refines with N. */
        GAUSSIAN,
        /**
         * The fundamental (scalar) mode of a 2.0/1.44, 1.2 x 0.6 um channel at 1.55 um, launched into it on 0.04 um cells (the
         * window grows with N), dz 0.1 um: a guided field whose solve recycles its correction from step to step.
         */
        CHANNEL
    }

    private static final double CHANNEL_CELL = 0.04e-6;
    private static final double CHANNEL_WAVELENGTH = 1.55e-6;
    // the channel's mode for the last grid asked for: every row of a table on that grid launches the same field
    private static int modeGrid;
    private static double[] mode;

    private static CrossSection channel() {
        return new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.2e-6, 0.6e-6), 2.0, 0);
    }

    /** The channel's scalar fundamental mode on the n x n grid, solved once per grid. */
    private static synchronized double[] channelMode(int n) {
        if (mode == null || modeGrid != n) {
            double h = CHANNEL_CELL;
            org.glassguide.solver.fd.FdScalarModeSolver.Grid fg = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(n * h, n * h, h);
            mode = new org.glassguide.solver.fd.FdScalarModeSolver().solve(channel(), CHANNEL_WAVELENGTH, fg,
                    new org.glassguide.solver.fd.FdScalarModeSolver.Pml(0, 8), 1, 2.0, ProgressMonitor.NONE).get(0).field();
            modeGrid = n;
        }
        return mode;
    }

    /**
     * Steps of a timed run: about 2e8 cell-steps on the CPU, 4e9 on a GPU (a second or two at the target rates); a wide-angle
     * run 8e6 on either (its GMRES iterations wait on a reduction each, so a GPU is no faster per step on small grids), which
     * also keeps its residual target (1e-4 / steps) where a fine grid's solve reaches it.
     */
    private static int steps(int n, WideAngle wideAngle, ComputeBackend backend) {
        double budget = wideAngle == WideAngle.PARAXIAL ? (backend.name().equals("cpu") ? 2e8 : 4e9) : 8e6;
        return Math.max(4, (int) Math.min(2000, budget / ((double) n * n)));
    }

    /** One timed configuration of the given case. */
    public static Result run(int n, Precision precision, int threads, WideAngle wideAngle, ComputeBackend backend, Case c) {
        if (c == Case.GAUSSIAN) {
            return run(n, precision, threads, wideAngle, backend);
        }
        double h = CHANNEL_CELL;
        double lambda = CHANNEL_WAVELENGTH;
        CrossSection cs = channel();
        org.glassguide.solver.fd.FdScalarModeSolver.Grid fg = org.glassguide.solver.fd.FdScalarModeSolver.Grid.centred(n * h, n * h, h);
        double[] launch = channelMode(n);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        int steps = steps(n, wideAngle, backend);
        BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, 0.1e-6, 0.1e-6 * steps, wideAngle, 12, precision, threads, steps);
        return timed(n, precision, threads, wideAngle, steps, backend, () -> new BeamPropagator().propagate(cs, g, launch, null, s, backend,
                ProgressMonitor.NONE));
    }

    public static Result run(int n, Precision precision, int threads, WideAngle wideAngle, ComputeBackend backend) {
        double window = 20e-6;
        BpmGrid g = BpmGrid.centred(window, window, window / n);
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, window / 6), 1.56, 0);
        double[] launch = Launch.gaussian(g, 1e-6, 1.56, window / 8, 0, 0, 0);
        int steps = steps(n, wideAngle, backend);
        int pml = Math.max(8, n / 32);
        BeamPropagator.Settings warm = new BeamPropagator.Settings(1e-6, 1.5, 0.05e-6, 0.05e-6 * steps, wideAngle, pml, precision,
                threads, steps);
        return timed(n, precision, threads, wideAngle, steps, backend, () -> new BeamPropagator().propagate(cs, g, launch, null, warm, backend,
                ProgressMonitor.NONE));
    }

    /** A warm-up run, then three timed ones: the median rate with the slowest and fastest, the heap the grid took, the iterations. */
    private static Result timed(int n, Precision precision, int threads, WideAngle wideAngle, int steps, ComputeBackend backend,
            java.util.function.Supplier<BeamPropagator.Result> propagation) {
        propagation.get();
        double[] rates = new double[3];
        long heap = 0;
        double iterations = 0;
        for (int k = 0; k < rates.length; k++) {
            System.gc();
            long base = HeapPools.used();
            HeapPools.resetPeaks();
            BeamPropagator.Result r = propagation.get();
            // the grid's own arrays: launch, samples and the stepper, above what was held before
            heap = Math.max(heap, HeapPools.peak() - base);
            rates[k] = r.cellStepsPerSecond();
            iterations = r.stepSolve().meanIterations();
        }
        java.util.Arrays.sort(rates);
        return new Result(n, precision, threads, wideAngle, steps, rates[1], rates[0], rates[2], Math.max(0, heap) / ((double) n * n),
                backend.device(), iterations);
    }

    /** One configuration of the stepping benchmark. */
    public record Config(int grid, Precision precision, int threads, WideAngle wideAngle, Case launch) {
        /** The Gaussian case. */
        public Config(int grid, Precision precision, int threads, WideAngle wideAngle) {
            this(grid, precision, threads, wideAngle, Case.GAUSSIAN);
        }
    }

    /** A timed configuration with its cost per cell-step against the paraxial run of the same grid, precision and threads (NaN if none ran). */
    public record Row(Result result, double costVsParaxial, Case launch) {
    }

    /**
     * The default table: paraxial at 256² to 2048², float and double, one thread and all cores; then the unsplit
     * wide-angle steps (Pade (1,1) at both precisions and thread counts, Pade (2,2) in double on all cores) at 512² and
     * 1024², beside the paraxial rows they are compared with.
     */
    public static List<Config> defaultTable(int cores) {
        List<Config> configs = new ArrayList<>();
        int[] threads = cores > 1 ? new int[] {1, cores} : new int[] {1};
        for (int n : new int[] {256, 512, 1024, 2048}) {
            for (Precision q : Precision.values()) {
                for (int t : threads) {
                    configs.add(new Config(n, q, t, WideAngle.PARAXIAL));
                }
            }
        }
        for (int n : new int[] {512, 1024}) {
            for (Precision q : Precision.values()) {
                for (int t : threads) {
                    configs.add(new Config(n, q, t, WideAngle.PADE11));
                }
            }
            configs.add(new Config(n, Precision.DOUBLE, cores, WideAngle.PADE22));
        }
        return configs;
    }

    /**
     * A wide-angle cost table: for each grid, precision and thread count, the paraxial step and then the wide-angle one
     * (unsplit in 3D), so that each wide-angle row's cost per cell-step is a ratio to a paraxial run timed just before it.
     */
    public static List<Config> wideAngleTable(WideAngle w, int[] grids, List<Precision> precisions, int[] threads) {
        return wideAngleTable(w, grids, precisions, threads, Case.GAUSSIAN);
    }

    /** The same for a case. */
    public static List<Config> wideAngleTable(WideAngle w, int[] grids, List<Precision> precisions, int[] threads, Case c) {
        List<Config> configs = new ArrayList<>();
        for (int n : grids) {
            for (Precision q : precisions) {
                for (int t : threads) {
                    configs.add(new Config(n, q, t, WideAngle.PARAXIAL, c));
                    configs.add(new Config(n, q, t, w, c));
                }
            }
        }
        return configs;
    }

    /** Times each configuration in order, handing each row on as it finishes (the paraxial reference timed in the same run). */
    public static void runAll(List<Config> configs, ComputeBackend backend, Consumer<Row> rows) {
        runAll(configs, backend, rows, org.glassguide.solver.ProgressMonitor.NONE);
    }

    /** As above, reporting which row runs to the monitor. */
    public static void runAll(List<Config> configs, ComputeBackend backend, Consumer<Row> rows, org.glassguide.solver.ProgressMonitor monitor) {
        Map<String, Double> paraxial = new HashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            Config c = configs.get(i);
            monitor.progress(i, configs.size(), String.format(java.util.Locale.ROOT, "row %d/%d: %d^2 %s, %d thread(s), %s", i + 1, configs.size(),
                    c.grid(), c.precision().name().toLowerCase(java.util.Locale.ROOT), c.threads(), c.wideAngle().name().toLowerCase(java.util.Locale.ROOT)));
            Result r = run(c.grid(), c.precision(), c.threads(), c.wideAngle(), backend, c.launch());
            String key = c.launch() + "/" + r.grid() + "/" + r.precision() + "/" + r.threads();
            if (r.wideAngle() == WideAngle.PARAXIAL) {
                paraxial.put(key, r.cellStepsPerSecond());
            }
            Double ref = paraxial.get(key);
            // a ratio is what survives a noisy shared host
            rows.accept(new Row(r, ref == null ? Double.NaN : ref / r.cellStepsPerSecond(), c.launch()));
        }
        monitor.progress(configs.size(), configs.size(), "done");
    }

    /** A GPU row beside the CPU backend on all cores of the same machine, with the bytes the GPU kernels move per cell-step. */
    public record DeviceRow(int grid, Precision precision, Result gpu, Result cpu, double bytesPerCellStep) {
    }

    /** The GPU table's runs: 1024², 2048², 4096² in float and double on the GPU (one stream) and on the CPU (all cores). */
    public static void runDeviceTable(ComputeBackend gpu, ComputeBackend cpu, int cores, Consumer<DeviceRow> rows) {
        for (int n : new int[] {1024, 2048, 4096}) {
            for (Precision q : Precision.values()) {
                Result g = run(n, q, 1, WideAngle.PARAXIAL, gpu);
                Result c = run(n, q, cores, WideAngle.PARAXIAL, cpu);
                rows.accept(new DeviceRow(n, q, g, c, gpu.bytesPerCellStep(q, 1)));
            }
        }
    }
}
