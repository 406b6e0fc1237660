package org.glassguide.solver.optimise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.sweep.DesignPath;
import org.glassguide.solver.sweep.Parameter;
import org.glassguide.solver.sweep.StudyHeader;
import org.glassguide.solver.sweep.SweepSpec;

/** Reads optimisation files ("format: glassguide-optimisation/1"); errors name the key path and what is accepted. */
public final class OptimisationReader {
    public static final String FORMAT = "glassguide-optimisation/1";

    private OptimisationReader() {
    }

    public static OptimisationSpec read(Path file) {
        StudyHeader h = StudyHeader.read(file, "optimisation", FORMAT, List.of("variables", "objective", "constraints", "method",
                "max-evaluations", "seed"));
        YamlNode root = h.root();
        List<Optimiser.Variable> vars = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (YamlNode v : root.require("variables").list()) {
            v.requireMap().allowOnly(List.of("name", "path", "bounds", "start"));
            DesignPath path = StudyHeader.path(v.require("path"));
            String vname = v.optional("name").map(YamlNode::text).orElse(path.lastKey());
            List<YamlNode> b = v.require("bounds").list();
            if (b.size() != 2) {
                throw v.require("bounds").error(Messages.WRONG_TYPE, v.path() + ".bounds", "[lower, upper] with a unit, e.g. [2 um, 20 um]",
                        b.size() + " items");
            }
            Object[] lo = quantity(b.get(0));
            Object[] hi = quantity(b.get(1));
            if (!lo[1].equals(hi[1])) {
                throw b.get(1).error(Messages.OUT_OF_RANGE, v.path() + ".bounds", b.get(1).text(), "the unit of the lower bound (\"" + lo[1] + "\")");
            }
            double lower = (Double) lo[0];
            double upper = (Double) hi[0];
            if (!(upper > lower)) {
                throw v.require("bounds").error(Messages.OUT_OF_RANGE, v.path() + ".bounds", b.get(0).text() + ", " + b.get(1).text(), "lower < upper");
            }
            double start = 0.5 * (lower + upper);
            if (v.has("start")) {
                Object[] s = quantity(v.require("start"));
                if (!s[1].equals(lo[1]) || !((Double) s[0] >= lower && (Double) s[0] <= upper)) {
                    throw v.require("start").error(Messages.OUT_OF_RANGE, v.path() + ".start", v.require("start").text(),
                            "a value within the bounds, in their unit (\"" + lo[1] + "\")");
                }
                start = (Double) s[0];
            }
            Parameter proto = new Parameter(vname, path, (String) lo[1], List.of(0.0), null);
            params.add(new Parameter(vname, path, (String) lo[1], List.of(proto.valueOf(start)), null));
            vars.add(new Optimiser.Variable(vname, lower, upper, start));
        }
        if (vars.isEmpty()) {
            throw root.require("variables").error(Messages.TOO_FEW_POINTS, "variables", 1, 0);
        }
        YamlNode obj = root.require("objective").requireMap();
        if (obj.entries().size() != 1 || !(obj.has("minimise") || obj.has("maximise") || obj.has("minimize") || obj.has("maximize"))) {
            throw obj.error(Messages.WRONG_TYPE, "objective", "one of minimise: OUTPUT or maximise: OUTPUT", obj.entries().keySet());
        }
        String goal = obj.entries().keySet().iterator().next();
        boolean maximise = goal.startsWith("max");
        String objective = obj.require(goal).text().trim();
        List<Optimiser.Constraint> cons = new ArrayList<>();
        root.optional("constraints").ifPresent(cs -> {
            for (YamlNode c : cs.list()) {
                c.requireMap().allowOnly(List.of("output", "min", "max"));
                if (!c.has("min") && !c.has("max")) {
                    throw c.error(Messages.MISSING_KEY, "min or max", c.path());
                }
                cons.add(new Optimiser.Constraint(c.require("output").text().trim(), c.optional("min").map(YamlNode::number).orElse(Double.NaN),
                        c.optional("max").map(YamlNode::number).orElse(Double.NaN)));
            }
        });
        String method = root.optional("method").map(YamlNode::text).orElse("auto").trim();
        if (!OptimisationSpec.METHODS.contains(method)) {
            throw root.require("method").error(Messages.BAD_CHOICE, "method", method, String.join(", ", OptimisationSpec.METHODS));
        }
        if (method.equals("bobyqa") && vars.size() < 2) {
            throw root.require("method").error(Messages.BAD_CHOICE, "method", method, "cma-es or auto (bobyqa needs at least 2 variables)");
        }
        int maxEval = 300;
        if (root.has("max-evaluations")) {
            YamlNode m = root.require("max-evaluations");
            double x = m.number();
            if (!(x >= 10 && x <= 1_000_000 && x == Math.rint(x))) {
                throw m.error(Messages.OUT_OF_RANGE, "max-evaluations", m.text(), "a whole number from 10 to 1000000");
            }
            maxEval = (int) x;
        }
        long seed = root.optional("seed").map(s -> (long) s.number()).orElse(1L);
        SweepSpec base = new SweepSpec(h.name(), h.designFile(), h.designText(), h.analysis(), params, SweepSpec.Combine.CROSS, List.of(), 0, 1,
                file.toString());
        return new OptimisationSpec(base, vars, objective, maximise, cons, method, maxEval, seed);
    }

    private static Object[] quantity(YamlNode n) {
        String t = n.text().trim();
        try {
            return new Object[] {Double.parseDouble(t), ""};
        } catch (NumberFormatException notPlain) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.+)$").matcher(t);
            if (!m.matches()) {
                throw n.error(Messages.BAD_QUANTITY, n.path(), n.text(), "number with a unit", "8 um");
            }
            return new Object[] {Double.parseDouble(m.group(1)), m.group(2).trim()};
        }
    }
}
