package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.glassguide.solver.optimise.OptimisationSpec;
import org.glassguide.solver.optimise.Optimiser;

/** An optimisation's output folder: summary.json (the optimum, its sensitivities and constraints), path.csv and path.png. */
public final class OptimisationReport {
    private OptimisationReport() {
    }

    /** Writes the folder whole or not at all. */
    public static void write(OptimisationSpec s, Optimiser.Result r, Map<String, Object> summary, Path target) throws IOException {
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
    }

    /** The optimisation's summary: goal, method, stop reason, optimum, sensitivities, outputs and constraints there. */
    public static Map<String, Object> summary(OptimisationSpec s, Optimiser.Result r) {
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

    /** The line `glassguide optimise` prints: the optimum, where it is, how it was found. */
    public static void print(java.io.PrintWriter o, OptimisationSpec s, Optimiser.Result r) {
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < s.variables().size(); i++) {
            at.append(i > 0 ? ", " : "").append(s.variables().get(i).name()).append(" = ").append(s.parameter(i).valueOf(r.x()[i]));
        }
        o.printf(Locale.ROOT, "%s: %s %s = %.10g at %s (%s, %d evaluations, %s)%s%n", s.base().name(), s.maximise() ? "max" : "min",
                s.objective(), r.objective(), at, r.method(), r.evaluations(), r.stopReason(), r.feasible() ? ""
                        : "; NO feasible point found: the constraints cannot all be met within the bounds");
    }
}
