package org.glassguide.ui.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.glassguide.solver.analysis.Analysis;

/**
 * The report of an analysis that registers none of its own: its named outputs as outputs.csv (one row per wavelength or
 * length, a column per output) and summary.json, and one printed line per row.
 *
 * @param <R> the analysis' result
 */
public final class OutputsReport<R> implements AnalysisReport<R> {
    private final Analysis<R> analysis;

    public OutputsReport(Analysis<R> analysis) {
        this.analysis = analysis;
    }

    @Override
    public String analysis() {
        return analysis.name();
    }

    @Override
    public void write(String designName, R result, Path target) throws IOException {
        List<Map<String, Double>> rows = analysis.outputs(result);
        RunReport.writeFolder(target, tmp -> {
            Set<String> columns = new LinkedHashSet<>();
            rows.forEach(r -> columns.addAll(r.keySet()));
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            for (Map<String, Double> r : rows) {
                csv.append(String.join(",", columns.stream().map(c -> r.containsKey(c) ? String.format(Locale.ROOT, "%.10g", r.get(c)) : "")
                        .toList())).append('\n');
            }
            Files.writeString(tmp.resolve("outputs.csv"), csv, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(designName, result)), StandardCharsets.UTF_8);
        });
    }

    @Override
    public Object summary(String designName, R result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", designName);
        m.put("analysis", analysis.name());
        m.put("outputs", analysis.outputs(result));
        return m;
    }

    @Override
    public void print(PrintWriter out, String designName, R result) {
        for (Map<String, Double> r : analysis.outputs(result)) {
            StringBuilder line = new StringBuilder(designName).append(" (").append(analysis.name()).append("):");
            r.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.6g", k, v)));
            out.println(line);
        }
    }
}
