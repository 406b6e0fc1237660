package org.glassguide.materials.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.index.CompositeIndexModel;
import org.glassguide.materials.index.DispersionFormula;
import org.glassguide.materials.index.TabulatedIndexModel;
import org.glassguide.materials.yaml.YamlNode;

/**
 * Reads a refractiveindex.info database page (its YAML: REFERENCES, COMMENTS, DATA with
 * "formula 1".."formula 9", "tabulated n", "tabulated k", "tabulated nk"; wavelengths in um).
 */
public final class RefractiveIndexInfoReader {
    private RefractiveIndexInfoReader() {
    }

    /** True if this YAML document looks like a refractiveindex.info page. */
    public static boolean isPage(YamlNode root) {
        return root.isMap() && root.entries().containsKey("DATA");
    }

    public static RefractiveIndexModel read(YamlNode root) {
        root.requireMap().allowOnly(List.of("REFERENCES", "COMMENTS", "DATA", "SPECS", "CONDITIONS", "PROPERTIES"));
        RefractiveIndexModel real = null;
        RefractiveIndexModel extinction = null;
        for (YamlNode entry : root.require("DATA").list()) {
            String type = entry.require("type").text().trim();
            RefractiveIndexModel m;
            boolean providesN = true;
            boolean providesK = false;
            if (type.startsWith("formula ")) {
                int f;
                try {
                    f = Integer.parseInt(type.substring(8).trim());
                } catch (NumberFormatException e) {
                    throw entry.require("type").error(Messages.UNSUPPORTED_FORMULA, type);
                }
                if (f < 1 || f > 9) {
                    throw entry.require("type").error(Messages.UNSUPPORTED_FORMULA, type);
                }
                double[] range = numbers(entry.require("wavelength_range"));
                if (range.length != 2 || !(range[0] >= 0) || !(range[1] > range[0])) {
                    throw entry.require("wavelength_range").error(Messages.OUT_OF_RANGE, "wavelength_range",
                            entry.require("wavelength_range").text(), "two numbers in um, min < max");
                }
                double[] c = numbers(entry.require("coefficients"));
                try {
                    m = new DispersionFormula(f, c, new WavelengthRange(range[0] * 1e-6, range[1] * 1e-6));
                } catch (IllegalArgumentException e) {
                    throw entry.require("coefficients").error(Messages.OUT_OF_RANGE, "coefficients", c.length + " numbers", e.getMessage());
                }
                checkPhysical(m, range[0] * 1e-6, range[1] * 1e-6, entry.require("coefficients"));
            } else if (type.equals("tabulated n") || type.equals("tabulated k") || type.equals("tabulated nk")) {
                int cols = type.equals("tabulated nk") ? 3 : 2;
                double[] v = numbers(entry.require("data"));
                if (v.length == 0 || v.length % cols != 0) {
                    throw entry.require("data").error(Messages.TOO_FEW_POINTS, "data of " + type, cols + " columns per row", v.length + " numbers");
                }
                int rows = v.length / cols;
                double[] wl = new double[rows];
                double[] n = new double[rows];
                double[] k = new double[rows];
                for (int i = 0; i < rows; i++) {
                    wl[i] = v[i * cols] * 1e-6;
                    if (type.equals("tabulated k")) {
                        n[i] = 1;
                        k[i] = v[i * cols + 1];
                    } else {
                        n[i] = v[i * cols + 1];
                        k[i] = cols == 3 ? v[i * cols + 2] : 0;
                    }
                    if (!(wl[i] > 0) || !(n[i] > 0) || !(k[i] >= 0)) {
                        throw entry.require("data").error(Messages.OUT_OF_RANGE, "row " + (i + 1) + " of " + type,
                                Arrays.toString(Arrays.copyOfRange(v, i * cols, i * cols + cols)), "a wavelength above 0 um, n above 0 and k of 0 or more");
                    }
                    if (i > 0 && !(wl[i] > wl[i - 1])) {
                        throw entry.require("data").error(Messages.NOT_INCREASING, "wavelengths of " + type, v[i * cols], v[(i - 1) * cols]);
                    }
                }
                m = new TabulatedIndexModel(wl, n, k);
                providesN = !type.equals("tabulated k");
                providesK = !type.equals("tabulated n");
            } else {
                throw entry.require("type").error(Messages.UNSUPPORTED_FORMULA, type);
            }
            if (providesN) {
                real = m;
                if (providesK) {
                    extinction = null; // nk table carries its own k
                }
            } else {
                extinction = m;
            }
        }
        if (real == null) {
            throw root.require("DATA").error(Messages.MISSING_KEY, "a real-index entry (formula or tabulated n/nk)", "DATA");
        }
        return extinction == null ? real : CompositeIndexModel.withExtinction(real, extinction);
    }

    /**
     * Which DATA entries {@link #read} uses when a page holds more than one real-index entry (the last of each kind
     * wins, as on the database's own page), e.g. "n from DATA[1] (formula 2); DATA[0] (tabulated nk) not used";
     * empty when there is nothing to choose.
     */
    public static String entryChoice(YamlNode root) {
        List<YamlNode> data = root.require("DATA").list();
        int real = -1;
        int ext = -1;
        List<Integer> realEntries = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String type = data.get(i).require("type").text().trim();
            if (type.equals("tabulated k")) {
                ext = i;
            } else {
                realEntries.add(i);
                real = i;
                if (type.equals("tabulated nk")) {
                    ext = -1;
                }
            }
        }
        if (realEntries.size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder("n from DATA[" + real + "] (" + data.get(real).require("type").text().trim() + ")");
        if (ext >= 0) {
            b.append(", k from DATA[").append(ext).append("] (tabulated k)");
        }
        for (int i : realEntries) {
            if (i != real) {
                b.append("; DATA[").append(i).append("] (").append(data.get(i).require("type").text().trim()).append(") not used");
            }
        }
        return b.toString();
    }

    public static String references(YamlNode root) {
        return root.optional("REFERENCES").map(YamlNode::text).map(s -> s.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim())
                .orElse("");
    }

    /** A formula must give a physical index over its whole valid range: a pole or a negative n there is refused. */
    static void checkPhysical(RefractiveIndexModel m, double lo, double hi, YamlNode where) {
        if (!Double.isFinite(hi) || !(hi > lo)) {
            // an unbounded range (a constant index) is checked where it is evaluated
            return;
        }
        int samples = 400;
        for (int i = 0; i <= samples; i++) {
            double l = lo + (hi - lo) * i / samples;
            if (l <= 0) {
                continue;
            }
            double n = m.n(l);
            if (!(n > 0 && n <= org.glassguide.materials.Material.MAX_INDEX)) {
                throw where.error(Messages.OUT_OF_RANGE, "the model's index at " + String.format(java.util.Locale.ROOT, "%.4g um", l * 1e6), n,
                        "a finite value above 0 and up to " + (int) org.glassguide.materials.Material.MAX_INDEX + " across the valid range (a pole of a dispersion formula lies inside it: check the coefficients and range)");
            }
        }
    }

    /** Plain decimal numbers only: NaN, Infinity, hexadecimal and Java type suffixes are refused. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static double[] numbers(YamlNode node) {
        String t = node.text().trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] parts = t.split("[\\s,]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            double x = DECIMAL.matcher(p).matches() ? Double.parseDouble(p) : Double.NaN;
            if (!Double.isFinite(x)) {
                throw new GlassGuideException(node.location(), Messages.BAD_NUMBER, node.path(), p);
            }
            out.add(x);
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }
}
