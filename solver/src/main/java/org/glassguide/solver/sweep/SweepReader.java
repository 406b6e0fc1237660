package org.glassguide.solver.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.yaml.YamlNode;

/**
 * Reads sweep files ("format: glassguide-sweep/1"): the base design, the analysis, the parameters (values, a
 * range, or a distribution) and how they combine. Every error names the key path and what is accepted.
 */
public final class SweepReader {
    public static final String FORMAT = "glassguide-sweep/1";
    /** More points than this is almost surely a typo in a range; split such a study into several sweeps. */
    public static final int MAX_POINTS = 1_000_000;

    private SweepReader() {
    }

    public static SweepSpec read(Path file) {
        StudyHeader h = StudyHeader.read(file, "sweep", FORMAT, List.of("combine", "parameters", "outputs", "samples", "seed"));
        YamlNode root = h.root();
        SweepSpec.Combine combine = SweepSpec.Combine.CROSS;
        if (root.has("combine")) {
            YamlNode c = root.require("combine");
            switch (c.text().trim()) {
                case "cross":
                    break;
                case "zip":
                    combine = SweepSpec.Combine.ZIP;
                    break;
                case "monte-carlo":
                    combine = SweepSpec.Combine.MONTE_CARLO;
                    break;
                default:
                    throw c.error(Messages.BAD_CHOICE, "combine", c.text(), "cross (every combination), zip (values side by side), monte-carlo");
            }
        }
        List<Parameter> params = new ArrayList<>();
        for (YamlNode p : root.require("parameters").list()) {
            params.add(parameter(p, combine));
        }
        if (params.isEmpty()) {
            throw root.require("parameters").error(Messages.TOO_FEW_POINTS, "parameters", 1, 0);
        }
        int samples = 0;
        long seed = 1;
        if (combine == SweepSpec.Combine.MONTE_CARLO) {
            YamlNode s = root.require("samples");
            double v = s.number();
            if (!(v >= 1 && v <= MAX_POINTS && v == Math.rint(v))) {
                throw s.error(Messages.OUT_OF_RANGE, "samples", s.text(), "a whole number from 1 to " + MAX_POINTS);
            }
            samples = (int) v;
            if (root.has("seed")) {
                seed = (long) root.require("seed").number();
            }
            if (params.stream().noneMatch(q -> q.distribution() != null)) {
                throw root.require("parameters").error(Messages.MISSING_KEY, "distribution", "parameters (monte-carlo needs at least one)");
            }
        } else {
            for (String k : List.of("samples", "seed")) {
                if (root.has(k)) {
                    throw root.require(k).error(Messages.BAD_CHOICE, k, root.require(k).text(), "only with combine: monte-carlo");
                }
            }
            if (combine == SweepSpec.Combine.ZIP) {
                int n = params.get(0).values().size();
                for (int i = 1; i < params.size(); i++) {
                    if (params.get(i).values().size() != n) {
                        throw root.require("parameters").list().get(i).error(Messages.OUT_OF_RANGE, "parameters[" + i + "] values",
                                params.get(i).values().size() + " values", n + " values, as many as parameters[0] (combine: zip)");
                    }
                }
            } else {
                long total = 1;
                for (Parameter q : params) {
                    total *= q.values().size();
                    if (total > MAX_POINTS) {
                        throw root.require("parameters").error(Messages.OUT_OF_RANGE, "parameters", "more than " + MAX_POINTS + " points",
                                "at most " + MAX_POINTS + " combinations in one sweep");
                    }
                }
            }
        }
        List<String> outputs = new ArrayList<>();
        root.optional("outputs").ifPresent(o -> o.listOrSingle().forEach(x -> outputs.add(x.text().trim())));
        return new SweepSpec(h.name(), h.designFile(), h.designText(), h.analysis(), params, combine, outputs, samples, seed, file.toString());
    }

    private static Parameter parameter(YamlNode p, SweepSpec.Combine combine) {
        p.requireMap().allowOnly(List.of("name", "path", "values", "range", "distribution", "unit"));
        DesignPath path = StudyHeader.path(p.require("path"));
        String name = p.optional("name").map(YamlNode::text).orElse(path.lastKey());
        int kinds = (p.has("values") ? 1 : 0) + (p.has("range") ? 1 : 0) + (p.has("distribution") ? 1 : 0);
        if (kinds != 1) {
            throw p.error(Messages.MISSING_KEY, "values, range or distribution (exactly one)", p.path());
        }
        if (p.has("distribution") && combine != SweepSpec.Combine.MONTE_CARLO) {
            throw p.require("distribution").error(Messages.BAD_CHOICE, p.path() + ".distribution", "distribution", "only with combine: monte-carlo");
        }
        String unit = p.optional("unit").map(YamlNode::text).orElse(null);
        try {
            if (p.has("values")) {
                List<Object> values = new ArrayList<>();
                for (YamlNode v : p.require("values").list()) {
                    values.add(plain(v));
                }
                if (values.isEmpty()) {
                    throw p.require("values").error(Messages.TOO_FEW_POINTS, p.path() + ".values", 1, 0);
                }
                if (unit == null) {
                    unit = commonUnit(values);
                }
                if (combine == SweepSpec.Combine.MONTE_CARLO && values.size() != 1) {
                    throw p.require("values").error(Messages.OUT_OF_RANGE, p.path() + ".values", values.size() + " values",
                            "one fixed value in a monte-carlo sweep (give a distribution to vary it)");
                }
                return new Parameter(name, path, unit, values, null);
            }
            if (p.has("range")) {
                YamlNode r = p.require("range").requireMap().allowOnly(List.of("from", "to", "steps", "scale"));
                Object[] from = quantity(r.require("from"));
                Object[] to = quantity(r.require("to"));
                if (!from[1].equals(to[1])) {
                    throw r.require("to").error(Messages.OUT_OF_RANGE, r.path() + ".to", r.require("to").text(), "the unit of from (\"" + from[1] + "\")");
                }
                double steps = r.require("steps").number();
                if (!(steps >= 2 && steps <= MAX_POINTS && steps == Math.rint(steps))) {
                    throw r.require("steps").error(Messages.OUT_OF_RANGE, r.path() + ".steps", r.require("steps").text(), "a whole number from 2 to "
                            + MAX_POINTS);
                }
                String scale = r.optional("scale").map(YamlNode::text).orElse("linear");
                double a = (Double) from[0];
                double b = (Double) to[0];
                if (scale.equals("log") && !(a > 0 && b > 0)) {
                    throw r.require("from").error(Messages.OUT_OF_RANGE, r.path(), a + " to " + b, "positive ends for scale: log");
                }
                if (!scale.equals("linear") && !scale.equals("log")) {
                    throw r.require("scale").error(Messages.BAD_CHOICE, r.path() + ".scale", scale, "linear, log");
                }
                Parameter proto = new Parameter(name, path, (String) from[1], List.of(0.0), null);
                List<Object> values = new ArrayList<>();
                int n = (int) steps;
                for (int i = 0; i < n; i++) {
                    double t = (double) i / (n - 1);
                    double v = scale.equals("log") ? a * Math.pow(b / a, t) : a + (b - a) * t;
                    values.add(proto.valueOf(i == n - 1 ? b : v));
                }
                return new Parameter(name, path, (String) from[1], values, null);
            }
            YamlNode d = p.require("distribution").requireMap();
            if (d.entries().size() != 1) {
                throw d.error(Messages.WRONG_TYPE, d.path(), "one of normal: {mean, sd}, uniform: {from, to}", d.entries().keySet());
            }
            String kind = d.entries().keySet().iterator().next();
            YamlNode body = d.require(kind).requireMap();
            Parameter.Distribution dist;
            String u;
            if (kind.equals("normal")) {
                body.allowOnly(List.of("mean", "sd"));
                Object[] mean = quantity(body.require("mean"));
                Object[] sd = quantity(body.require("sd"));
                if (!mean[1].equals(sd[1])) {
                    throw body.require("sd").error(Messages.OUT_OF_RANGE, body.path() + ".sd", body.require("sd").text(), "the unit of mean (\"" + mean[1] + "\")");
                }
                dist = new Parameter.Distribution("normal", (Double) mean[0], (Double) sd[0]);
                u = (String) mean[1];
            } else if (kind.equals("uniform")) {
                body.allowOnly(List.of("from", "to"));
                Object[] a = quantity(body.require("from"));
                Object[] b = quantity(body.require("to"));
                if (!a[1].equals(b[1])) {
                    throw body.require("to").error(Messages.OUT_OF_RANGE, body.path() + ".to", body.require("to").text(), "the unit of from (\"" + a[1] + "\")");
                }
                dist = new Parameter.Distribution("uniform", (Double) a[0], (Double) b[0]);
                u = (String) a[1];
            } else {
                throw d.error(Messages.BAD_CHOICE, d.path(), kind, "normal, uniform");
            }
            return new Parameter(name, path, u, List.of(), dist);
        } catch (IllegalArgumentException e) {
            throw p.error(Messages.OUT_OF_RANGE, p.path(), name, e.getMessage());
        }
    }

    private static Object[] quantity(YamlNode n) {
        Object[] q = Parameter.split(n.text());
        if (q == null) {
            throw n.error(Messages.BAD_QUANTITY, n.path(), n.text(), "number with a unit", "150 um");
        }
        return q;
    }

    private static String commonUnit(List<Object> values) {
        String unit = null;
        for (Object v : values) {
            Object x = v instanceof List<?> l && l.size() == 1 ? l.get(0) : v;
            Object[] q = x instanceof String s ? Parameter.split(s) : null;
            if (q == null) {
                return "";
            }
            if (unit == null) {
                unit = (String) q[1];
            } else if (!unit.equals(q[1])) {
                return "";
            }
        }
        return unit == null ? "" : unit;
    }

    /** A YAML node as plain values: scalars as their text, lists and mappings recursively. */
    static Object plain(YamlNode n) {
        if (n.isList()) {
            List<Object> l = new ArrayList<>();
            n.list().forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isMap()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.entries().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        return n.text();
    }
}
