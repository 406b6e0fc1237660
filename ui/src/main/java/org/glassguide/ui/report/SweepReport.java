package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.solver.run.OutputFolders;
import org.glassguide.solver.sweep.Parameter;
import org.glassguide.solver.sweep.PointResult;
import org.glassguide.solver.sweep.SweepRunner;
import org.glassguide.solver.sweep.SweepSpec;
import org.glassguide.solver.sweep.TidyCsv;

/**
 * The files of a finished (or interrupted) sweep: results.csv (tidy), summary.json, and pictures — a line plot
 * per output against a single numeric parameter, a map per output over two crossed numeric parameters, a
 * histogram per output for Monte Carlo.
 */
public final class SweepReport {
    /** At most this many pictures: a sweep may have dozens of outputs. */
    static final int MAX_PICTURES = 12;

    private SweepReport() {
    }

    public static Map<String, Object> summary(SweepSpec spec, SweepRunner.Outcome o, int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", spec.name());
        m.put("design", spec.designFile().getFileName().toString());
        m.put("analysis", spec.analysis());
        m.put("combine", spec.combine().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("points", o.points().size());
        m.put("pointsDone", o.results().size());
        m.put("computedNow", o.computed());
        m.put("reusedFromEarlierRun", o.reused());
        m.put("failed", o.failed());
        m.put("cancelled", o.cancelled());
        m.put("threads", threads);
        m.put("seconds", o.seconds());
        m.put("pointsPerSecond", o.computed() > 0 ? o.computed() / o.seconds() : null);
        if (spec.combine() == SweepSpec.Combine.MONTE_CARLO) {
            m.put("samples", spec.samples());
            m.put("seed", spec.seed());
            Map<String, Object> stats = new LinkedHashMap<>();
            for (String col : TidyCsv.outputColumns(o.results())) {
                double[] v = values(o.results(), col);
                if (v.length > 0) {
                    stats.put(col, statistics(v));
                }
            }
            m.put("statistics", stats);
        }
        return m;
    }

    static double[] values(List<PointResult> results, String col) {
        return results.stream().flatMap(r -> r.rows().stream()).map(r -> r.get(col)).filter(x -> x != null && Double.isFinite(x))
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean, standard deviation and the 5/25/50/75/95 % percentiles (linear interpolation between order statistics). */
    static Map<String, Object> statistics(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double var = 0;
        for (double x : s) {
            var += (x - mean) * (x - mean);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.length);
        m.put("mean", mean);
        m.put("sd", s.length > 1 ? Math.sqrt(var / (s.length - 1)) : 0.0);
        for (double p : new double[] {5, 25, 50, 75, 95}) {
            m.put("p" + (int) p, percentile(s, p));
        }
        m.put("min", s[0]);
        m.put("max", s[s.length - 1]);
        return m;
    }

    static double percentile(double[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /**
     * Writes the report files into the sweep's folder: all of them into a hidden folder first, then each moved over its
     * earlier version, so a full disk or an interruption leaves the earlier files whole (never a truncated one).
     */
    public static void write(SweepSpec spec, SweepRunner.Outcome o, int threads, Path folder) throws IOException {
        Path tmp = Files.createTempDirectory(folder, OutputFolders.SCRATCH_PREFIX);
        try {
            Files.writeString(tmp.resolve("results.csv"), TidyCsv.write(spec, o.points(), o.results()), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary(spec, o, threads)), StandardCharsets.UTF_8);
            pictures(spec, o, tmp);
            RunProvenance.finish(tmp);
            try (var files = Files.list(tmp)) {
                for (Path f : files.sorted().toList()) {
                    Files.move(f, folder.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            RunReport.deleteTree(tmp);
        }
        OutputFolders.mark(folder);
    }

    private static void pictures(SweepSpec spec, SweepRunner.Outcome o, Path folder) throws IOException {
        List<String> outputs = new ArrayList<>(TidyCsv.outputColumns(o.results()));
        outputs.remove("wavelengthM");
        List<Parameter> numeric = spec.parameters().stream().filter(p -> o.points().stream().allMatch(pt -> !Double.isNaN(p.numberOf(
                pt.get(p))))).toList();
        // wavelength rows become one curve each: the other numeric parameter is the x axis
        List<Parameter> axes = numeric.stream().filter(p -> !p.path().text().equals("wavelength") && !p.path().text().equals("wavelengths"))
                .toList();
        int made = 0;
        for (String out : outputs) {
            if (made >= MAX_PICTURES) {
                break;
            }
            Path png = folder.resolve(fileName(out) + ".png");
            if (spec.combine() == SweepSpec.Combine.MONTE_CARLO) {
                double[] v = values(o.results(), out);
                if (v.length < 2) {
                    continue;
                }
                histogram(png, out, v);
                made++;
            } else if (axes.size() == 1 || spec.combine() == SweepSpec.Combine.ZIP && !axes.isEmpty()) {
                lineByWavelength(png, out, axes.get(0), o);
                made++;
            } else if (axes.size() == 2 && spec.parameters().size() == 2) {
                map(png, out, axes.get(0), axes.get(1), o);
                made++;
            }
        }
    }

    static String fileName(String output) {
        return output.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void lineByWavelength(Path png, String out, Parameter x, SweepRunner.Outcome o) throws IOException {
        Map<Double, List<double[]>> byWl = new LinkedHashMap<>();
        for (PointResult r : o.results()) {
            double xv = x.numberOf(o.points().get(r.point()).get(x));
            for (Map<String, Double> row : r.rows()) {
                Double y = row.get(out);
                if (y != null) {
                    byWl.computeIfAbsent(row.getOrDefault("wavelengthM", Double.NaN), k -> new ArrayList<>()).add(new double[] {xv, y});
                }
            }
        }
        // axes in words and units (an SI key in metres shown in um, nm or mm), a log-spaced sweep against log10 of its value
        double[] allY = byWl.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).toArray();
        OutputAxis yAxis = OutputAxis.of(out, allY);
        double[] xsUnique = byWl.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).distinct().sorted().toArray();
        boolean logX = OutputAxis.logSpaced(xsUnique);
        String xLabel = x.name() + (x.unit().isEmpty() ? "" : " (" + x.unit() + ")");
        List<Plot.Series> series = new ArrayList<>();
        for (Map.Entry<Double, List<double[]>> e : byWl.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] xs = pts.stream().mapToDouble(p -> logX ? Math.log10(p[0]) : p[0]).toArray();
            double[] ys = yAxis.apply(pts.stream().mapToDouble(p -> p[1]).toArray());
            String name = e.getKey().isNaN() ? "" : String.format(Locale.ROOT, "%.0f nm", e.getKey() * 1e9);
            series.add(new Plot.Series(name, xs, ys, xs.length < 12));
        }
        Plot.lines(png, yAxis.label() + " against " + x.name(), logX ? "log10 of " + xLabel : xLabel, yAxis.label(), series);
    }

    private static void map(Path png, String out, Parameter px, Parameter py, SweepRunner.Outcome o) throws IOException {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Object v : px.values()) {
            xs.add(px.numberOf(v));
        }
        for (Object v : py.values()) {
            ys.add(py.numberOf(v));
        }
        double[][] grid = new double[ys.size()][xs.size()];
        for (double[] row : grid) {
            Arrays.fill(row, Double.NaN);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PointResult r : o.results()) {
            Map<Parameter, Object> pt = o.points().get(r.point());
            int ix = xs.indexOf(px.numberOf(pt.get(px)));
            int iy = ys.indexOf(py.numberOf(pt.get(py)));
            if (r.rows().isEmpty() || ix < 0 || iy < 0) {
                continue;
            }
            Double v = r.rows().get(0).get(out);
            if (v != null && Double.isFinite(v)) {
                grid[iy][ix] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max >= min)) {
            return;
        }
        // the map shows (v - min) / (max - min); the title carries the range
        double[][] shown = new double[grid.length][];
        for (int i = 0; i < grid.length; i++) {
            shown[i] = new double[grid[i].length];
            for (int j = 0; j < grid[i].length; j++) {
                shown[i][j] = Double.isNaN(grid[i][j]) ? 0 : max > min ? (grid[i][j] - min) / (max - min) : 1;
            }
        }
        OutputAxis z = OutputAxis.of(out, new double[] {min, max});
        Plot.intensity(png, String.format(Locale.ROOT, "%s: %.4g (dark) to %.4g (bright)", z.label(), min * z.scale(), max * z.scale()), shown,
                xs.get(0), xs.get(xs.size() - 1), ys.get(0), ys.get(ys.size() - 1), "", 0,
                px.name() + (px.unit().isEmpty() ? "" : " (" + px.unit() + ")"), py.name() + (py.unit().isEmpty() ? "" : " (" + py.unit() + ")"));
    }

    private static void histogram(Path png, String out, double[] v) throws IOException {
        double min = Arrays.stream(v).min().orElse(0);
        double max = Arrays.stream(v).max().orElse(1);
        int bins = Math.max(5, Math.min(50, (int) Math.ceil(Math.sqrt(v.length))));
        if (!(max > min)) {
            max = min + 1;
        }
        int[] counts = new int[bins];
        for (double x : v) {
            counts[Math.min(bins - 1, (int) ((x - min) / (max - min) * bins))]++;
        }
        double[] xs = new double[2 * bins + 2];
        double[] ys = new double[2 * bins + 2];
        for (int b = 0; b < bins; b++) {
            xs[2 * b + 1] = min + (max - min) * b / bins;
            xs[2 * b + 2] = min + (max - min) * (b + 1) / bins;
            ys[2 * b + 1] = counts[b];
            ys[2 * b + 2] = counts[b];
        }
        xs[0] = min;
        xs[2 * bins + 1] = max;
        OutputAxis axis = OutputAxis.of(out, v);
        Plot.lines(png, "Distribution of " + axis.label() + " (" + v.length + " samples)", axis.label(), "samples per bin",
                List.of(new Plot.Series("", axis.apply(xs), ys)));
    }

    /** The line `glassguide sweep` prints: points done, computed now and reused, rate, failures. */
    public static void print(java.io.PrintWriter o, SweepSpec s, SweepRunner.Outcome r, int t) {
        o.printf(Locale.ROOT, "%s: %d of %d points (%d computed now in %.1f s, %.3g points/s on %d threads; %d from an earlier run)%s%n",
                s.name(), r.results().size(), r.points().size(), r.computed(), r.seconds(), r.computed() / Math.max(r.seconds(), 1e-9), t,
                r.reused(), r.failed() > 0 ? "; " + r.failed() + " failed (see the error column)" : "");
    }
}
