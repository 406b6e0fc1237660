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

/** `glassguide bench fiber`: timings of the step-index solver and of a whole `glassguide fiber` process. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, reported as time and throughput with problem sizes.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "Benchmark suite: ${COMPLETION-CANDIDATES}.")
    Suite suite;

    @Option(names = "--repeat", defaultValue = "5", paramLabel = "N", description = "Timed repetitions after one warm-up (default ${DEFAULT-VALUE}); the median is reported.")
    int repeat;

    enum Suite { fiber, modes }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int reps = Math.max(1, repeat);
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        String fmt = "| %-80s | %-30s | %9s | %-20s |%n";
        out.printf(Locale.ROOT, fmt, "benchmark", "size", "median", "throughput");
        out.println("|" + "-".repeat(82) + "|" + "-".repeat(32) + "|" + "-".repeat(11) + "|" + "-".repeat(22) + "|");
        out.flush();
        if (suite == Suite.modes) {
            for (FiberBenchmark.Result r : FiberBenchmark.runModes(reps)) {
                out.printf(Locale.ROOT, fmt, r.name(), r.size(), seconds(r.medianSeconds()), r.throughput());
                out.flush();
            }
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

    private static String seconds(double s) {
        return s < 0.1 ? String.format(Locale.ROOT, "%.3f ms", s * 1e3) : String.format(Locale.ROOT, "%.3f s", s);
    }

    /** Median wall time of a fresh JVM running `fiber` on a single-mode fiber, started as the launcher does. */
    private static double processTime(int reps) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseParallelGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), GlassGuideCli.class.getName(), "fiber", "--core", "1.4504", "--clad",
                "1.4447", "--core-diameter", "8.2um", "--wavelength", "1550nm"));
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
