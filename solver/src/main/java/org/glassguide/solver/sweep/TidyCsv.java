package org.glassguide.solver.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tidy table of a sweep: one row per point (and wavelength), one column per parameter (numbers in the
 * parameter's unit, else the value as written) and per output, then the point's error, if any. The local runner
 * and the Spark job both write it through here, so their files are identical.
 */
public final class TidyCsv {
    private TidyCsv() {
    }

    /** The output columns in first-seen order over the results (sorted by point). */
    public static List<String> outputColumns(List<PointResult> results) {
        Set<String> cols = new LinkedHashSet<>();
        for (PointResult r : results) {
            for (Map<String, Double> row : r.rows()) {
                cols.addAll(row.keySet());
            }
        }
        return new ArrayList<>(cols);
    }

    public static String write(SweepSpec spec, List<Map<Parameter, Object>> points, List<PointResult> results) {
        List<PointResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Integer.compare(a.point(), b.point()));
        List<String> outs = outputColumns(sorted);
        StringBuilder b = new StringBuilder("point");
        for (Parameter p : spec.parameters()) {
            b.append(',').append(quote(p.column()));
        }
        for (String o : outs) {
            b.append(',').append(quote(o));
        }
        b.append(",error\n");
        for (PointResult r : sorted) {
            Map<Parameter, Object> pt = points.get(r.point());
            StringBuilder prefix = new StringBuilder().append(r.point() + 1);
            for (Parameter p : spec.parameters()) {
                Object v = pt.get(p);
                double x = p.numberOf(v);
                prefix.append(',').append(Double.isNaN(x) ? quote(String.valueOf(v)) : Parameter.format(x));
            }
            List<Map<String, Double>> rows = r.rows().isEmpty() ? List.of(Map.of()) : r.rows();
            for (Map<String, Double> row : rows) {
                b.append(prefix);
                for (String o : outs) {
                    Double v = row.get(o);
                    b.append(',').append(v == null || v.isNaN() ? "" : Double.toString(v));
                }
                b.append(',').append(quote(r.error())).append('\n');
            }
        }
        return b.toString();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
