package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.optimise.DesignOptimisation;
import org.glassguide.solver.optimise.OptimisationReader;
import org.glassguide.solver.optimise.OptimisationSpec;
import org.glassguide.solver.optimise.Optimiser;
import org.glassguide.ui.report.Json;
import org.glassguide.ui.report.OptimisationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide optimise OPT.yaml`: minimise or maximise an analysis output over design variables, with constraints. */
@Command(name = "optimise", header = "Minimise or maximise an output of an analysis over design variables within bounds.", aliases = "optimize", mixinStandardHelpOptions = true,
        description = {"Minimise or maximise an output of an analysis over design variables within bounds, subject to",
            "bounds on other outputs (BOBYQA or CMA-ES). Writes out/<name>-optimise/: summary.json (optimum, outputs",
            "there, sensitivity), path.csv (every evaluation) and path.png."})
public final class OptimiseCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OPT.yaml", description = "Optimisation file (format: glassguide-optimisation/1).")
    Path file;

    @picocli.CommandLine.Option(names = "--device", paramLabel = "D", defaultValue = "auto",
            description = "bpm optimisations: auto, cpu, gpu or gpu:N, where trial points propagate (default ${DEFAULT-VALUE}).")
    String device;


    @Mixin
    OutputOptions output;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptimisationSpec s = OptimisationReader.read(file);
        ComputeBackend backend = Analyses.backendFor(Analyses.named(s.base().analysis()), device, err::println);
        Path target = output.target(OutputFolder.name(s.base().name(), "optimise"));
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            Optimiser.Result r;
            try (progress) {
                r = new DesignOptimisation(s, libraryOptions.library(), backend).run(w -> err.println(w), progress);
            }
            Map<String, Object> summary = OptimisationReport.summary(s, r);
            OptimisationReport.write(s, r, summary, target);
            if (output.json) {
                o.print(Json.write(summary));
            } else {
                OptimisationReport.print(o, s, r);
                o.println("wrote " + target);
            }
            o.flush();
            return 0;
        }
    }
}
