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

    /**
     * The point as lines "point TAB row/rows TAB error TAB key=value ... TAB crc32": each line carries its point's row
     * count and a checksum of itself, so a line cut short (power loss, full disk) or a point missing its last rows is
     * recognised and the point recomputed, never read as data.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        int n = Math.max(1, rows.size());
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder().append(point).append('\t').append(i + 1).append('/').append(n).append('\t').append(error);
            if (i < rows.size()) {
                rows.get(i).forEach((k, v) -> b.append('\t').append(k).append('=').append(v));
            }
            String sum = crc(b);
            out.add(b.append('\t').append(sum).toString());
        }
        return out;
    }

    private static String crc(CharSequence s) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format(java.util.Locale.ROOT, "%08x", c.getValue());
    }

    /**
     * Parses the lines of one or more points back. A line whose checksum does not match, or a point that lacks any of
     * its rows, is dropped (that point is computed again); so are lines of any other format.
     */
    public static Map<Integer, PointResult> parse(List<String> lines) {
        Map<Integer, Map<Integer, Map<String, Double>>> rows = new LinkedHashMap<>();
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        for (String line : lines) {
            int cut = line.lastIndexOf('\t');
            if (cut < 0 || !line.substring(cut + 1).equals(crc(line.substring(0, cut)))) {
                continue;
            }
            String[] f = line.substring(0, cut).split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            int p;
            int row;
            int of;
            try {
                p = Integer.parseInt(f[0]);
                int slash = f[1].indexOf('/');
                row = Integer.parseInt(f[1].substring(0, slash));
                of = Integer.parseInt(f[1].substring(slash + 1));
            } catch (RuntimeException e) {
                continue;
            }
            if (p < 0 || of < 1 || row < 1 || row > of || expected.containsKey(p) && expected.get(p) != of) {
                bad.add(p);
                continue;
            }
            expected.put(p, of);
            errors.put(p, f[2]);
            Map<String, Double> r = new LinkedHashMap<>();
            try {
                for (int i = 3; i < f.length; i++) {
                    int eq = f[i].lastIndexOf('=');
                    r.put(f[i].substring(0, eq), Double.parseDouble(f[i].substring(eq + 1)));
                }
            } catch (RuntimeException e) {
                bad.add(p);
                continue;
            }
            if (!r.isEmpty()) {
                rows.computeIfAbsent(p, k -> new java.util.TreeMap<>()).put(row, r);
            }
        }
        Map<Integer, PointResult> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            int p = e.getKey();
            Map<Integer, Map<String, Double>> got = rows.getOrDefault(p, Map.of());
            boolean failed = !errors.get(p).isEmpty() && got.isEmpty();
            // a failed point is one line without rows; a good one has every row it announced
            if (bad.contains(p) || !failed && got.size() != e.getValue()) {
                continue;
            }
            out.put(p, new PointResult(p, new ArrayList<>(got.values()), errors.get(p)));
        }
        return out;
    }
}
