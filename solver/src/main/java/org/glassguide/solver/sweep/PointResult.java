package org.glassguide.solver.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one sweep point: its rows of outputs, or the error that stopped it. Serialised one line per row
 * for the resumable progress file ("point TAB error TAB key=value ..."; doubles in Java's round-trip form, so a
 * resumed sweep's rows equal freshly computed ones bit for bit).
 */
public record PointResult(int point, List<Map<String, Double>> rows, String error) {
    public PointResult {
        rows = List.copyOf(rows);
        error = error == null ? "" : error.replaceAll("[\\t\\r\\n]+", " ");
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (rows.isEmpty()) {
            out.add(point + "\t" + error);
        }
        for (Map<String, Double> r : rows) {
            StringBuilder b = new StringBuilder().append(point).append('\t').append(error);
            r.forEach((k, v) -> b.append('\t').append(k).append('=').append(v));
            out.add(b.toString());
        }
        return out;
    }

    /** Parses the lines of one or more points back (lines of one point are consecutive); bad lines are skipped. */
    public static Map<Integer, PointResult> parse(List<String> lines) {
        Map<Integer, List<Map<String, Double>>> rows = new LinkedHashMap<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 2) {
                continue;
            }
            int p;
            try {
                p = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            errors.put(p, f[1]);
            List<Map<String, Double>> list = rows.computeIfAbsent(p, k -> new ArrayList<>());
            if (f.length > 2) {
                Map<String, Double> r = new LinkedHashMap<>();
                try {
                    for (int i = 2; i < f.length; i++) {
                        int eq = f[i].lastIndexOf('=');
                        r.put(f[i].substring(0, eq), Double.parseDouble(f[i].substring(eq + 1)));
                    }
                } catch (RuntimeException e) {
                    // a line cut short by an interruption: recompute that point
                    rows.remove(p);
                    errors.remove(p);
                    continue;
                }
                list.add(r);
            }
        }
        Map<Integer, PointResult> out = new LinkedHashMap<>();
        rows.forEach((p, r) -> out.put(p, new PointResult(p, r, errors.get(p))));
        return out;
    }
}
