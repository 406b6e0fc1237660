package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.validation.FiberBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `glassguide bench fiber|modes|bpm|emission|eigen`: timings of the step-index solver and a whole `glassguide fiber`
 * process, of the mode solvers (modes: the radial and 2D solvers' rows, then the cross-section eigen-solve matrix, which
 * eigen runs alone), and the beam propagator's stepping throughput.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, reported as time and throughput with problem sizes.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "Benchmark suite: ${COMPLETION-CANDIDATES} (modes: the mode solvers'"
            + " rows and the cross-section eigen-solve matrix, scalar, semi-vectorial and full-vectorial at 150^2, 300^2 and 500^2 with 4, 10"
            + " and 20 modes, about ten minutes; eigen: that matrix alone).")
    Suite suite;

    @Option(names = "--repeat", defaultValue = "5", paramLabel = "N", description = "Timed repetitions after one warm-up (default ${DEFAULT-VALUE}); the median is reported.")
    int repeat;

    enum Suite { fiber, modes, bpm, emission, eigen }

    @Option(names = "--grid", paramLabel = "N", description = "bpm: one N x N configuration (default: the whole table, 256 to 2048); modes and eigen: the cross-section"
            + " eigen-solve matrix on an N x N grid only (default 150, 300 and 500).")
    Integer grid;

    @Option(names = "--precision", paramLabel = "P", description = "bpm: float or double (default: both in the table, float for one run).")
    String precision;

    @Option(names = "--threads", paramLabel = "T", description = "bpm: threads (default: 1 and all cores in the table, all cores for one run).")
    Integer threads;

    @Option(names = "--wide-angle", paramLabel = "W", description = "bpm: none, pade11 or pade22 (default none).")
    String wideAngle;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", description = "bpm: auto, cpu, gpu or gpu:N (default ${DEFAULT-VALUE}); gpu without --grid prints the GPU table.")
    String device;

    @Option(names = "--export-operators", paramLabel = "DIR", description = "eigen: write the square core's cross-section operators"
            + " (scalar and full-vectorial, 150^2 and 300^2 cells) as Matrix Market files into DIR, to solve them with another library"
            + " (validation/scripts/superlu-arpack.py), instead of timing.")
    java.nio.file.Path exportOperators;

    @Option(names = "--json", description = "bpm: print one JSON object per configuration.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (repeat < 1 || repeat > 1000) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "--repeat", repeat,
                    "1 to 1000 timed repetitions");
        }
        if (suite != Suite.bpm) {
            PrintWriter err = spec.commandLine().getErr();
            // options of the bpm suite only: say so instead of silently dropping them
            for (String o : new String[] {"--grid", "--precision", "--threads", "--wide-angle", "--device", "--json"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o) && !((suite == Suite.eigen || suite == Suite.modes) && o.equals("--grid"))) {
                    err.println("note: " + o + " applies to the " + (o.equals("--grid") ? "bpm, modes and eigen suites" : "bpm suite") + " only; ignored for " + suite);
                }
            }
        }
        if (suite == Suite.bpm) {
            return bpm(out);
        }
        if ((suite == Suite.eigen || suite == Suite.modes) && grid != null && (grid < 16 || grid > 2000)) {
            // refused before anything is printed or run
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "--grid", grid,
                    "16 to 2000 cells across the eigen benchmark's window");
        }
        int reps = Math.max(1, repeat);
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        String fmt = "| %-80s | %-30s | %9s | %-20s |%n";
        out.printf(Locale.ROOT, fmt, "benchmark", "size", "median", "throughput");
        out.println("|" + "-".repeat(82) + "|" + "-".repeat(32) + "|" + "-".repeat(11) + "|" + "-".repeat(22) + "|");
        out.flush();
        if (suite == Suite.emission) {
            for (FiberBenchmark.Result r : org.glassguide.validation.EmissionBenchmark.run(reps)) {
                out.printf(Locale.ROOT, fmt, r.name(), r.size(), seconds(r.medianSeconds()), r.throughput());
                out.flush();
            }
            return 0;
        }
        if (suite == Suite.eigen && exportOperators != null) {
            java.nio.file.Path dir = OutputFolder.resolve(exportOperators, "operators");
            java.nio.file.Files.createDirectories(dir);
            for (String name : FiberBenchmark.exportEigenOperators(dir)) {
                out.println("wrote " + dir.resolve(name));
            }
            org.glassguide.solver.run.OutputFolders.mark(dir);
            return 0;
        }
        if (suite == Suite.modes) {
            for (FiberBenchmark.Result r : FiberBenchmark.runModes(reps)) {
                out.printf(Locale.ROOT, fmt, r.name(), r.size(), seconds(r.medianSeconds()), r.throughput());
                out.flush();
            }
        }
        if (suite == Suite.eigen || suite == Suite.modes) {
            // the cross-section eigen-solve matrix, one run per row: the 300^2 and 500^2 full-vectorial solves take a minute or more
            FiberBenchmark.runEigenMatrix(grid == null ? new int[] {150, 300, 500} : new int[] {grid}, r -> {
                out.printf(Locale.ROOT, fmt, r.name(), r.size(), Double.isNaN(r.medianSeconds()) ? "refused" : seconds(r.medianSeconds()),
                        r.throughput());
                out.flush();
            });
            return 0;
        }
        for (FiberBenchmark.Result r : FiberBenchmark.run(reps)) {
            out.printf(Locale.ROOT, fmt, r.name(), r.size(), seconds(r.medianSeconds()), r.throughput());
            out.flush();
        }
        double process = processTime(reps);
        out.printf(Locale.ROOT, fmt, "`glassguide fiber`, single-mode fiber, whole process incl. JVM start",
                "V = 2.14, 1 LP mode", seconds(process), "");
        out.flush();
        return 0;
    }

    private int bpm(PrintWriter out) {
        org.glassguide.solver.bpm.WideAngle w = wideAngle == null ? org.glassguide.solver.bpm.WideAngle.PARAXIAL
                : org.glassguide.solver.bpm.WideAngle.parse(wideAngle);
        if (w == null) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.BAD_CHOICE, "--wide-angle",
                    wideAngle, "none, pade11, pade22");
        }
        org.glassguide.solver.compute.Precision p = precision == null ? null : org.glassguide.solver.compute.Precision.parse(precision);
        if (precision != null && p == null) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.BAD_CHOICE, "--precision",
                    precision, "float, double");
        }
        if (grid != null && (grid < 16 || grid > 8192)) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "--grid", grid,
                    "16 to 8192");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > 4 * cores)) {
            throw new org.glassguide.materials.errors.GlassGuideException(org.glassguide.materials.errors.Messages.OUT_OF_RANGE, "--threads",
                    threads, "1 to " + 4 * cores);
        }
        org.glassguide.solver.compute.ComputeBackend backend = org.glassguide.solver.compute.ComputeBackends.select(device,
                n -> spec.commandLine().getErr().println(n));
        boolean explicit = grid != null || precision != null || threads != null || wideAngle != null;
        if (!explicit && backend.accelerator()) {
            return gpuTable(out, backend, cores);
        }
        List<Object[]> configs = new ArrayList<>();
        if (explicit) {
            configs.add(new Object[] {grid != null ? grid : 1024, p != null ? p : org.glassguide.solver.compute.Precision.FLOAT,
                threads != null ? threads : cores, w});
        } else {
            for (int n : new int[] {256, 512, 1024, 2048}) {
                for (org.glassguide.solver.compute.Precision q : org.glassguide.solver.compute.Precision.values()) {
                    for (int t : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                        configs.add(new Object[] {n, q, t, org.glassguide.solver.bpm.WideAngle.PARAXIAL});
                    }
                }
            }
            // the unsplit wide-angle steps beside the paraxial rows of the same grid, precision and threads
            for (int n : new int[] {512, 1024}) {
                for (org.glassguide.solver.compute.Precision q : org.glassguide.solver.compute.Precision.values()) {
                    for (int t : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                        configs.add(new Object[] {n, q, t, org.glassguide.solver.bpm.WideAngle.PADE11});
                    }
                }
                configs.add(new Object[] {n, org.glassguide.solver.compute.Precision.DOUBLE, cores, org.glassguide.solver.bpm.WideAngle.PADE22});
            }
        }
        if (!json) {
            out.printf(Locale.ROOT, "device: %s, max heap %d MiB%n", backend.device(), Runtime.getRuntime().maxMemory() >> 20);
            out.println("| grid | precision | threads | wide angle | steps | cell-steps/s (median of 3) | slowest – fastest | heap bytes/cell"
                    + " | solver iterations per factor | cost per cell-step vs paraxial |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
            out.flush();
        }
        java.util.Map<String, Double> paraxial = new java.util.HashMap<>();
        for (Object[] c : configs) {
            org.glassguide.validation.BpmBenchmark.Result r = org.glassguide.validation.BpmBenchmark.run((Integer) c[0],
                    (org.glassguide.solver.compute.Precision) c[1], (Integer) c[2], (org.glassguide.solver.bpm.WideAngle) c[3], backend);
            String key = r.grid() + "/" + r.precision() + "/" + r.threads();
            if (r.wideAngle() == org.glassguide.solver.bpm.WideAngle.PARAXIAL) {
                paraxial.put(key, r.cellStepsPerSecond());
            }
            Double ref = paraxial.get(key);
            // the same run's paraxial rate: a ratio is what survives a noisy shared host
            double cost = ref == null ? Double.NaN : ref / r.cellStepsPerSecond();
            if (json) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("grid", r.grid());
                m.put("precision", r.precision().name().toLowerCase(Locale.ROOT));
                m.put("threads", r.threads());
                m.put("wideAngle", r.wideAngle().name().toLowerCase(Locale.ROOT));
                m.put("steps", r.steps());
                m.put("cellStepsPerSecond", r.cellStepsPerSecond());
                m.put("cellStepsPerSecondSlowest", r.slowest());
                m.put("cellStepsPerSecondFastest", r.fastest());
                m.put("heapBytesPerCell", r.heapBytesPerCell());
                m.put("device", r.device());
                m.put("solverIterationsPerFactor", r.meanIterations());
                m.put("costPerCellStepVsParaxial", Double.isNaN(cost) ? null : cost);
                if (backend.accelerator()) {
                    double bytes = backend.bytesPerCellStep(r.precision(), r.wideAngle() == org.glassguide.solver.bpm.WideAngle.PADE22 ? 2 : 1);
                    m.put("bytesPerCellStep", bytes);
                    m.put("memoryBandwidthBytesPerSecond", bytes * r.cellStepsPerSecond());
                }
                out.println(org.glassguide.ui.report.Json.write(m).strip());
            } else {
                out.printf(Locale.ROOT, "| %d² | %s | %d | %s | %d | %.3g | %.3g – %.3g | %.0f | %s | %s |%n", r.grid(),
                        r.precision().name().toLowerCase(Locale.ROOT), r.threads(), r.wideAngle().name().toLowerCase(Locale.ROOT), r.steps(),
                        r.cellStepsPerSecond(), r.slowest(), r.fastest(), r.heapBytesPerCell(),
                        r.wideAngle() == org.glassguide.solver.bpm.WideAngle.PARAXIAL ? "-" : String.format(Locale.ROOT, "%.1f", r.meanIterations()),
                        Double.isNaN(cost) ? "-" : String.format(Locale.ROOT, "%.1fx", cost));
            }
            out.flush();
        }
        return 0;
    }

    /**
     * The GPU table (gpu/device-check.sh prints it): 1024², 2048², 4096² in float and double on the GPU, the
     * bytes its kernels move per cell-step and the bandwidth that makes, against the device's measured copy
     * bandwidth, and the CPU backend on all cores of the same machine.
     */
    private int gpuTable(PrintWriter out, org.glassguide.solver.compute.ComputeBackend gpu, int cores) {
        org.glassguide.solver.compute.ComputeBackend cpu = org.glassguide.solver.compute.ComputeBackends.select("cpu", s -> { });
        double copy = gpu.measureCopyBandwidth();
        out.printf(Locale.ROOT, "device: %s; measured copy bandwidth %.0f GB/s; CPU: %s%n", gpu.device(), copy / 1e9, cpu.device());
        out.println("minimum bytes a step must move per cell: 40 (float) / 80 (double): the field in and out of each half-step and V once");
        out.println("| grid | precision | GPU cell-steps/s | bytes/cell-step | achieved GB/s | of measured bandwidth | CPU cell-steps/s ("
                + cores + " threads) | speed-up |");
        out.println("|---|---|---|---|---|---|---|---|");
        out.flush();
        for (int n : new int[] {1024, 2048, 4096}) {
            for (org.glassguide.solver.compute.Precision q : org.glassguide.solver.compute.Precision.values()) {
                org.glassguide.validation.BpmBenchmark.Result g = org.glassguide.validation.BpmBenchmark.run(n, q, 1,
                        org.glassguide.solver.bpm.WideAngle.PARAXIAL, gpu);
                org.glassguide.validation.BpmBenchmark.Result c = org.glassguide.validation.BpmBenchmark.run(n, q, cores,
                        org.glassguide.solver.bpm.WideAngle.PARAXIAL, cpu);
                double bytes = gpu.bytesPerCellStep(q, 1);
                double bw = bytes * g.cellStepsPerSecond();
                out.printf(Locale.ROOT, "| %d² | %s | %.3g | %.0f | %.0f | %.0f %% | %.3g | %.1f× |%n", n, q.name().toLowerCase(Locale.ROOT),
                        g.cellStepsPerSecond(), bytes, bw / 1e9, 100 * bw / copy, c.cellStepsPerSecond(),
                        g.cellStepsPerSecond() / c.cellStepsPerSecond());
                out.flush();
            }
        }
        return 0;
    }

    private static String seconds(double s) {
        return s < 0.1 ? String.format(Locale.ROOT, "%.3f ms", s * 1e3) : String.format(Locale.ROOT, "%.3f s", s);
    }

    /** Median wall time of a fresh JVM running `fiber` on a single-mode fiber, started as the launcher does. */
    private static double processTime(int reps) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, "-XX:+UseParallelGC", "-Xmn256m"));
        // the launcher's huge-page flag, on the same condition
        java.nio.file.Path thp = java.nio.file.Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (java.nio.file.Files.isReadable(thp) && java.nio.file.Files.readString(thp).contains("[madvise]")) {
            cmd.add("-XX:+UseTransparentHugePages");
        }
        cmd.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"), GlassGuideCli.class.getName(), "fiber", "--core",
                "1.4504", "--clad", "1.4447", "--core-diameter", "8.2um", "--wavelength", "1550nm"));
        double[] t = new double[reps];
        for (int i = -1; i < reps; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("fiber process failed: " + cmd);
            }
            if (i >= 0) {
                t[i] = (System.nanoTime() - t0) * 1e-9;
            }
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

}
