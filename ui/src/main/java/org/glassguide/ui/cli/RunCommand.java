package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.run.DesignResult;
import org.glassguide.solver.run.DesignRunner;
import org.glassguide.solver.run.ModeSolverAnalysis;
import org.glassguide.solver.run.StepIndexFiberAnalysis;
import org.glassguide.ui.report.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide run DESIGN.yaml`: runs a design file and writes its output folder. */
@Command(name = "run", header = "Run every analysis a design lists and write its output folder.", mixinStandardHelpOptions = true,
        description = {"Run every analysis of a design file and write an output folder: summary.json, modes.csv,",
            "report.md, report.html and PNG pictures for the fiber and mode analyses, and a sub-folder for each other analysis",
            "the design lists (bpm, codraw, loss, emission, sensor, gain: what its own command writes), its summary inside the run's.",
            "The folder appears only when complete (Ctrl-C leaves nothing behind)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Design file (format: glassguide/1).")
    Path designFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<design name>).")
    Path out;

    @Option(names = "--max-modes", paramLabel = "N", description = "Modes to list in summary.json (modes.csv always has all).")
    Integer maxModes;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
            description = "For a bpm analysis: auto, cpu, gpu or gpu:N (default ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = libraryOptions.apply(new DesignReader(libraryOptions.library()).read(designFile));
        if (maxModes != null && maxModes < 0) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--max-modes", maxModes, "a whole number >= 0");
        }
        if (maxModes != null) {
            DesignOptions p = d.options();
            d = d.with(d.analyses(), new DesignOptions(p.vector(), p.allowExtrapolation(), p.launch(), maxModes), d.solver());
        }
        // the analyses with a folder of their own, in the design's order (fiber and modes fill the run's own report)
        java.util.List<AnalysisRun<?>> runs = new java.util.ArrayList<>();
        for (String a : d.analyses()) {
            if (!a.equals(StepIndexFiberAnalysis.NAME) && !a.equals(ModeSolverAnalysis.NAME)) {
                runs.add(AnalysisRun.of(a, d, designFile.toString(), device));
            }
        }
        if (runs.stream().anyMatch(AnalysisRun::usesComputeBackend) && !device.equals("auto")) {
            // a bad or unusable --device is refused before any work
            org.glassguide.solver.compute.ComputeBackends.select(device, n -> { });
        }
        Path target = OutputFolder.resolve(out, d.name());
        long started = System.nanoTime();
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            DesignResult r;
            java.util.List<RunReport.SubFolder> others = new java.util.ArrayList<>();
            java.util.List<String> lines = new java.util.ArrayList<>();
            try (progress) {
                r = new DesignRunner().run(d, w -> err.println(w), progress);
                // the design's other analyses, in its order, each into a sub-folder: all computed before anything is written
                for (AnalysisRun<?> run : runs) {
                    others.add(run(run, d, err, progress, lines));
                }
            }
            RunReport.write(r, target, others);
            for (int k = 0; k < others.size(); k++) {
                o.print(lines.get(k));
                o.printf(Locale.ROOT, "  %s: %s/%n", others.get(k).name(), target.resolve(others.get(k).name()));
            }
            RunReport.print(o, r);
            o.printf(Locale.ROOT, "wrote %s (%.1f s)%n", target, (System.nanoTime() - started) * 1e-9);
            o.flush();
            return 0;
        }
    }

    /** One of the design's other analyses, run; its lines for the console, kept until its folder is written. */
    private static RunReport.SubFolder run(AnalysisRun<?> run, Design d, PrintWriter err, org.glassguide.solver.ProgressMonitor progress,
            java.util.List<String> lines) {
        run.run(d, w -> err.println(w), progress);
        java.io.StringWriter text = new java.io.StringWriter();
        try (PrintWriter pw = new PrintWriter(text)) {
            run.print(pw, d.name());
        }
        lines.add(text.toString());
        return new RunReport.SubFolder(run.name(), run.summary(d.name()), folder -> run.write(d.name(), folder));
    }
}
