package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.bpm.BpmAnalysis;
import org.glassguide.solver.bpm.PropagationSettings;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.ComputeBackends;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.ui.report.BpmReport;
import org.glassguide.ui.report.BpmRunReport;
import org.glassguide.ui.report.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide bpm DESIGN.yaml`: the design's propagation run, with monitors, pictures and a report. */
@Command(name = "bpm", header = "Propagate a launch field through the design by wide-angle beam propagation.", mixinStandardHelpOptions = true,
        description = {"Propagate the design's launch field through its structure (wide-angle FD-BPM with PML) and write",
            "out/<name>-bpm/: summary.json (lossDbPerCm, powerConservationError, measuredNA), monitors.csv, the x-z",
            "slice, end-face near and far field pictures and a report. Ctrl-C writes what was computed so far."})
public final class BpmCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Design file with a propagation: section.")
    Path designFile;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default ${DEFAULT-VALUE}): auto uses a GPU where a driver and device are present.")
    String device;

    @Option(names = "--precision", paramLabel = "P", description = "float or double (default: the design's, else double).")
    String precision;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<design name>-bpm, or -bpm-mode).")
    Path out;

    @Option(names = "--find-mode", description = {"Instead of propagating: find the guide's fundamental mode by imaginary-distance",
        "propagation on the same grid and kernels, from the launch field; writes out/<name>-bpm-mode/."})
    boolean findMode;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = new DesignReader(libraryOptions.library()).read(designFile);
        if (PropagationSettings.of(d) == null) {
            throw new GlassGuideException(Messages.MISSING_KEY, "propagation", designFile + " (bpm needs a propagation: section)");
        }
        Precision p = precision == null ? null : Precision.parse(precision);
        if (precision != null && p == null) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--precision", precision, "float, double");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > 4 * cores)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--threads", threads, "1 to " + 4 * cores);
        }
        // the device notice waits for the run: bad input still gets its one line
        List<String> notices = new ArrayList<>();
        ComputeBackend backend = ComputeBackends.select(device, notices::add);
        if (findMode) {
            return findMode(d, backend, notices, o, err);
        }
        Path target = OutputFolder.resolve(out, OutputFolder.name(d.name(), "bpm"));
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            List<BpmAnalysis.Result> results = new ArrayList<>();
            try (progress) {
                for (double wl : d.wavelengths()) {
                    BpmAnalysis.Result r = new BpmAnalysis().run(d, wl, backend, p, threads != null ? threads : cores, w -> err.println(w),
                            progress);
                    results.add(r);
                    if (r.run().cancelled()) {
                        break;
                    }
                }
            }
            notices.forEach(err::println);
            BpmReport.write(results, target);
            boolean cancelled = results.get(results.size() - 1).run().cancelled();
            if (json) {
                o.print(Json.write(new BpmRunReport().summary(d.name(), results)));
            } else {
                new BpmRunReport().print(o, d.name(), results);
                o.println((cancelled ? "cancelled: wrote the part computed to " : "wrote ") + target);
            }
            o.flush();
            return cancelled ? GlassGuideCli.EXIT_CANCELLED : 0;
        }
    }

    private Integer findMode(Design d, ComputeBackend backend, List<String> notices, PrintWriter o, PrintWriter err) throws IOException {
        Path target = OutputFolder.resolve(out, OutputFolder.name(d.name(), "bpm") + "-mode");
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        List<BpmAnalysis.ModeResult> found = new ArrayList<>();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            try (progress) {
                for (double wl : d.wavelengths()) {
                    found.add(new BpmAnalysis().findMode(d, wl, backend, w -> err.println(w), progress));
                }
            }
        }
        notices.forEach(err::println);
        List<Map<String, Object>> rows = BpmReport.writeModes(d.name(), found, target);
        if (json) {
            o.print(Json.write(BpmReport.modeSummary(rows)));
        } else {
            BpmReport.printModes(o, d.name(), found);
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }

}
