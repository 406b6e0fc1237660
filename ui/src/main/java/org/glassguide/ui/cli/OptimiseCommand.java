package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.glassguide.solver.optimise.DesignOptimisation;
import org.glassguide.solver.optimise.OptimisationReader;
import org.glassguide.solver.optimise.OptimisationSpec;
import org.glassguide.solver.optimise.Optimiser;
import org.glassguide.ui.report.Json;
import org.glassguide.ui.report.Plot;
import org.glassguide.ui.report.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide optimise OPT.yaml`: minimise or maximise an analysis output over design variables, with constraints. */
@Command(name = "optimise", aliases = "optimize", mixinStandardHelpOptions = true,
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
        org.glassguide.solver.compute.ComputeBackend backend = org.glassguide.solver.compute.ComputeBackends.forAnalysis(
                s.base().analysis(), device, err::println);
        Path target = output.target(s.base().name() + "-optimise");
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(progress, 20_000)) {
            Optimiser.Result r;
            try (progress) {
                r = new DesignOptimisation(s, libraryOptions.library(), backend).run(w -> err.println(w), progress);
            }
            Map<String, Object> summary = summary(s, r);
            RunReport.writeFolder(target, tmp -> {
                Files.writeString(tmp.resolve("summary.json"), Json.write(summary), StandardCharsets.UTF_8);
                StringBuilder csv = new StringBuilder("evaluation");
                for (int i = 0; i < s.variables().size(); i++) {
                    csv.append(',').append(s.parameter(i).column());
                }
                csv.append(',').append(s.objective()).append(",feasible\n");
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (Optimiser.Step st : r.path()) {
                    csv.append(st.evaluation());
                    for (double x : st.x()) {
                        csv.append(',').append(x);
                    }
                    csv.append(',').append(Double.isFinite(st.objective()) ? Double.toString(st.objective()) : "").append(',').append(st.feasible())
                            .append('\n');
                    if (st.feasible()) {
                        xs.add((double) st.evaluation());
                        ys.add(st.objective());
                    }
                }
                Files.writeString(tmp.resolve("path.csv"), csv, StandardCharsets.UTF_8);
                if (!xs.isEmpty()) {
                    Plot.lines(tmp.resolve("path.png"), (s.maximise() ? "maximise " : "minimise ") + s.objective() + ": feasible evaluations",
                            "evaluation", s.objective(), List.of(new Plot.Series("", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                                    ys.stream().mapToDouble(Double::doubleValue).toArray(), true)));
                }
            });
            if (output.json) {
                o.print(Json.write(summary));
            } else {
                StringBuilder at = new StringBuilder();
                for (int i = 0; i < s.variables().size(); i++) {
                    at.append(i > 0 ? ", " : "").append(s.variables().get(i).name()).append(" = ").append(s.parameter(i).valueOf(r.x()[i]));
                }
                o.printf(Locale.ROOT, "%s: %s %s = %.10g at %s (%s, %d evaluations, %s)%s%n", s.base().name(), s.maximise() ? "max" : "min",
                        s.objective(), r.objective(), at, r.method(), r.evaluations(), r.stopReason(), r.feasible() ? ""
                                : "; NO feasible point found: the constraints cannot all be met within the bounds");
                o.println("wrote " + target);
            }
            o.flush();
            return 0;
        }
    }

    static Map<String, Object> summary(OptimisationSpec s, Optimiser.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimisation", s.base().name());
        m.put("design", s.base().designFile().getFileName().toString());
        m.put("analysis", s.base().analysis());
        m.put("goal", (s.maximise() ? "maximise " : "minimise ") + s.objective());
        m.put("method", r.method());
        m.put("evaluations", r.evaluations());
        m.put("stopReason", r.stopReason());
        m.put("feasible", r.feasible());
        Map<String, Object> x = new LinkedHashMap<>();
        Map<String, Object> sens = new LinkedHashMap<>();
        for (int i = 0; i < s.variables().size(); i++) {
            x.put(s.parameter(i).column(), r.x()[i]);
            sens.put("d " + s.objective() + " / d " + s.parameter(i).column(), r.sensitivity()[i]);
        }
        m.put("optimum", x);
        m.put("objective", r.objective());
        m.put("outputsAtOptimum", new TreeMap<>(r.outputs()));
        m.put("sensitivity", sens);
        List<Map<String, Object>> cons = new ArrayList<>();
        for (Optimiser.Constraint c : s.constraints()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("output", c.output());
            e.put("min", Double.isNaN(c.min()) ? null : c.min());
            e.put("max", Double.isNaN(c.max()) ? null : c.max());
            e.put("valueAtOptimum", r.outputs().get(c.output()));
            cons.add(e);
        }
        m.put("constraints", cons);
        return m;
    }
}
