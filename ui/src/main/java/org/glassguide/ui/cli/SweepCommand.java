package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.sweep.SweepReader;
import org.glassguide.solver.sweep.SweepRunner;
import org.glassguide.solver.sweep.SweepSpec;
import org.glassguide.ui.report.Json;
import org.glassguide.ui.report.SweepReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide sweep SWEEP.yaml`: a design parameter study on local threads, resumable. */
@Command(name = "sweep", header = "Run an analysis over design parameters, on this machine or on a Spark cluster.", mixinStandardHelpOptions = true,
        description = {"Run an analysis over design parameters (lists, ranges, crossed or zipped, or Monte Carlo samples) on",
            "local threads. Writes out/<name>-sweep/: results.csv (one row per point), summary.json and pictures.",
            "Interrupted (Ctrl-C), it keeps every finished point: run it again to compute only the rest."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "Sweep file (format: glassguide-sweep/1).")
    Path sweepFile;

    @Option(names = "--threads", paramLabel = "T", description = "Points computed at once (default: all cores).")
    Integer threads;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
            description = "bpm sweeps: auto, cpu, gpu or gpu:N, where the points propagate (default ${DEFAULT-VALUE}).")
    String device;


    @Mixin
    OutputOptions output;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > 64 * cores)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--threads", threads, "1 to " + 64 * cores);
        }
        int t = threads != null ? threads : cores;
        SweepSpec s = SweepReader.read(sweepFile);
        Path target = output.target(OutputFolder.name(s.name(), "sweep"));
        // bad values stop the sweep in run(), before the folder is touched
        ComputeBackend backend = Analyses.backendFor(Analyses.named(s.analysis()), device, err::println);
        SweepRunner runner = new SweepRunner(s, libraryOptions.library(), backend);
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            SweepRunner.Outcome r;
            try (progress) {
                r = runner.run(target, t, w -> err.println(w), progress);
            }
            SweepReport.write(s, r, t, target);
            if (output.json) {
                o.print(Json.write(SweepReport.summary(s, r, t)));
            } else {
                if (r.restarted()) {
                    err.println("note: the sweep or its design changed since the last run in " + target + ": started over");
                }
                SweepReport.print(o, s, r, t);
                o.println((r.cancelled() ? "interrupted: wrote the finished points to " : "wrote ") + target.resolve("results.csv")
                        + (r.cancelled() ? "; run the same command again to compute the rest" : ""));
            }
            o.flush();
            if (r.cancelled()) {
                return GlassGuideCli.EXIT_CANCELLED;
            }
            if (!r.results().isEmpty() && r.failed() == r.results().size()) {
                // nothing usable came out: say so as bad input, with the first point's reason
                err.println("error: every point of the sweep failed; point " + r.results().get(0).point() + ": "
                        + org.glassguide.materials.errors.Messages.quote(r.results().get(0).error()));
                return GlassGuideCli.EXIT_BAD_INPUT;
            }
            return 0;
        }
    }
}
