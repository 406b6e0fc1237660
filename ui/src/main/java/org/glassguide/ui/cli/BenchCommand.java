package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.bpm.WideAngle;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.ComputeBackends;
import org.glassguide.solver.compute.Precision;
import org.glassguide.ui.report.BenchReport;
import org.glassguide.validation.BpmBenchmark;
import org.glassguide.validation.EmissionBenchmark;
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

    @Option(names = "--wide-angle", paramLabel = "W", description = "bpm: none, pade11 or pade22 (default none); pade11 or pade22 without --grid"
            + " prints the wide-angle cost table: a Gaussian at 512^2 and 1024^2 (and 2048^2 on a GPU), then a channel's guided mode at 512^2,"
            + " each row beside the paraxial step timed just before it.")
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
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--repeat", repeat,
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
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--grid", grid,
                    "16 to 2000 cells across the eigen benchmark's window");
        }
        int reps = Math.max(1, repeat);
        BenchReport.header(out);
        if (suite == Suite.emission) {
            EmissionBenchmark.run(reps).forEach(r -> BenchReport.row(out, r));
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
            FiberBenchmark.runModes(reps).forEach(r -> BenchReport.row(out, r));
        }
        if (suite == Suite.eigen || suite == Suite.modes) {
            // the cross-section eigen-solve matrix, one run per row: the 300^2 and 500^2 full-vectorial solves take a minute or more
            FiberBenchmark.runEigenMatrix(grid == null ? new int[] {150, 300, 500} : new int[] {grid}, r -> BenchReport.row(out, r));
            return 0;
        }
        FiberBenchmark.run(reps).forEach(r -> BenchReport.row(out, r));
        BenchReport.processRow(out, FiberBenchmark.processTime(reps, GlassGuideCli.class.getName(), "fiber", "--core", "1.4504", "--clad", "1.4447",
                "--core-diameter", "8.2um", "--wavelength", "1550nm"));
        return 0;
    }

    private int bpm(PrintWriter out) {
        WideAngle w = wideAngle == null ? WideAngle.PARAXIAL : WideAngle.parse(wideAngle);
        if (w == null) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--wide-angle", wideAngle, "none, pade11, pade22");
        }
        Precision p = precision == null ? null : Precision.parse(precision);
        if (precision != null && p == null) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--precision", precision, "float, double");
        }
        if (grid != null && (grid < 16 || grid > 8192)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--grid", grid, "16 to 8192");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > 4 * cores)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--threads", threads, "1 to " + 4 * cores);
        }
        ComputeBackend backend = ComputeBackends.select(device, n -> spec.commandLine().getErr().println(n));
        boolean explicit = grid != null || precision != null || threads != null || wideAngle != null;
        if (!explicit && backend.accelerator()) {
            ComputeBackend cpu = ComputeBackends.select("cpu", s -> { });
            double copy = backend.measureCopyBandwidth();
            BenchReport.deviceHeader(out, backend, cpu, copy, cores);
            BpmBenchmark.runDeviceTable(backend, cpu, cores, r -> BenchReport.deviceRow(out, r, copy));
            return 0;
        }
        List<BpmBenchmark.Config> configs;
        // a wide-angle table's second part: what a user's run costs (a guided mode, whose solve recycles its correction)
        List<BpmBenchmark.Config> channel = List.of();
        if (w != WideAngle.PARAXIAL && grid == null) {
            // the wide-angle cost table: each row beside the paraxial step timed just before it (a GPU: one stream, and 2048^2
            // too; the CPU: one thread and all cores, or the threads asked for)
            int[] ts = threads != null ? new int[] {threads} : backend.accelerator() || cores == 1 ? new int[] {1} : new int[] {1, cores};
            List<Precision> qs = p != null ? List.of(p) : List.of(Precision.values());
            configs = BpmBenchmark.wideAngleTable(w, backend.accelerator() ? new int[] {512, 1024, 2048} : new int[] {512, 1024}, qs, ts);
            channel = BpmBenchmark.wideAngleTable(w, new int[] {512}, qs, ts, BpmBenchmark.Case.CHANNEL);
        } else {
            configs = explicit ? List.of(new BpmBenchmark.Config(grid != null ? grid : 1024, p != null ? p : Precision.FLOAT,
                    threads != null ? threads : cores, w)) : BpmBenchmark.defaultTable(cores);
        }
        if (!json) {
            BenchReport.bpmHeader(out, backend);
        }
        try (ConsoleProgress progress = ConsoleProgress.forTerminal()) {
            // the bar (standard error) is erased before each row (standard output): on one terminal they would share a line
            BpmBenchmark.runAll(configs, backend, r -> {
                progress.clearLine();
                BenchReport.bpmRow(out, r, json, backend);
            }, progress);
            if (!channel.isEmpty()) {
                if (!json) {
                    out.println();
                    out.println("The mode of a 2.0/1.44, 1.2 x 0.6 um channel at 1.55 um launched into it (0.04 um cells, dz 0.1 um):");
                    BenchReport.bpmHeader(out, backend);
                }
                BpmBenchmark.runAll(channel, backend, r -> {
                    progress.clearLine();
                    BenchReport.bpmRow(out, r, json, backend);
                }, progress);
            }
        }
        return 0;
    }
}
