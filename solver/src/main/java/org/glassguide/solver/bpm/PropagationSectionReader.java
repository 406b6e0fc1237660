package org.glassguide.solver.bpm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.DesignYaml;
import org.glassguide.solver.design.IndexExpression;

/** The `propagation:` section of a design, read and validated. */
final class PropagationSectionReader {
    private PropagationSectionReader() {
    }

    /** A formula of x, y, z; a syntax error names the field, the problem and the column. */
    private static IndexExpression formula(YamlNode n) {
        try {
            return IndexExpression.parse(n.text());
        } catch (IndexExpression.SyntaxError e) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "a formula of x, y, z (" + e.getMessage() + ")");
        }
    }

    /** A launch's tilt in degrees ("5 deg" or 5), within +-60. */
    private static double tilt(YamlNode g) {
        return g.has("tilt") ? angle(g.require("tilt"), 60) : 0;
    }

    /**
     * The direction of a launch's tilt in the x-y plane, from +x towards +y (deg): 0 tilts in the x-z plane, 90 in
     * the y-z plane; only a 3D run (window height above 0) has a y to tilt into.
     */
    private static double azimuth(YamlNode g, double windowHeight) {
        if (!g.has("azimuth")) {
            return 0;
        }
        double a = angle(g.require("azimuth"), 360);
        if (a != 0 && !(windowHeight > 0)) {
            throw g.require("azimuth").error(Messages.OUT_OF_RANGE, g.require("azimuth").path(), g.require("azimuth").text(),
                    "0 for a 2D (x-z) run, which has no y to tilt into");
        }
        return a;
    }

    /** An angle in degrees ("5 deg" or 5) within +-limit. */
    private static double angle(YamlNode n, double limit) {
        String t = n.text().trim();
        String num = t.endsWith("deg") ? t.substring(0, t.length() - 3).trim() : t;
        double a;
        try {
            a = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw n.error(Messages.BAD_NUMBER, n.path(), t);
        }
        if (!(Math.abs(a) < limit)) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), t, String.format(java.util.Locale.ROOT, "-%.0f to %.0f deg", limit, limit));
        }
        return a;
    }

    static PropagationSettings readPropagation(YamlNode p) {
        p.requireMap().allowOnly(List.of("length", "dz", "window", "step", "pml", "wide-angle", "reference-index", "precision",
                "monitor-every", "launch", "bend-radius", "taper", "modal-spectrum", "splices", "index-function", "polarization",
                "wide-angle-solve", "branch-cut", "export-fields", "monitors", "transverse", "acknowledge"));
        double length = DesignYaml.positive(p.require("length"));
        double dz = DesignYaml.positive(p.require("dz"));
        YamlNode w = p.require("window");
        List<YamlNode> ws = w.listOrSingle();
        if (ws.size() > 2) {
            throw w.error(Messages.WRONG_TYPE, w.path(), "[width, height] (3D) or width (2D x-z) with units", ws.size() + " items");
        }
        double ww = DesignYaml.positive(ws.get(0));
        double wh = ws.size() == 2 ? DesignYaml.positive(ws.get(1)) : 0;
        double step = DesignYaml.positive(p.require("step"));
        double pml = 0;
        if (p.has("pml")) {
            pml = p.require("pml").quantity(Units::length);
            if (!(pml >= 0)) {
                throw p.require("pml").error(Messages.OUT_OF_RANGE, p.require("pml").path(), p.require("pml").text(), "a thickness >= 0");
            }
        }
        String wide = p.optional("wide-angle").map(YamlNode::text).orElse("pade11");
        if (!List.of("none", "paraxial", "pade11", "pade22").contains(wide)) {
            throw p.require("wide-angle").error(Messages.BAD_CHOICE, p.require("wide-angle").path(), wide,
                    "none (paraxial), pade11, pade22 (wide-angle orders)");
        }
        double nRef = Double.NaN;
        if (p.has("reference-index")) {
            YamlNode n = p.require("reference-index");
            nRef = n.number();
            if (!(nRef >= 1 && nRef <= 5)) {
                throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "an index from 1 to 5 (or leave it out: the launch field's own)");
            }
        }
        String precision = p.optional("precision").map(YamlNode::text).orElse("double");
        if (!precision.equals("float") && !precision.equals("double")) {
            throw p.require("precision").error(Messages.BAD_CHOICE, p.require("precision").path(), precision, "float, double");
        }
        double every = p.has("monitor-every") ? DesignYaml.positive(p.require("monitor-every")) : Math.max(dz, length / 200);
        YamlNode ln = p.require("launch").requireMap();
        if (ln.entries().size() != 1) {
            throw ln.error(Messages.WRONG_TYPE, ln.path(), "one of gaussian, mode, partially-coherent, plane-wave", ln.entries().keySet());
        }
        String kind = ln.entries().keySet().iterator().next();
        PropagationSettings.Launch launch;
        if (kind.equals("gaussian")) {
            YamlNode g = ln.require("gaussian").requireMap().allowOnly(List.of("waist", "center", "centre", "tilt", "azimuth"));
            double[] c = DesignYaml.point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            double tilt = tilt(g);
            launch = new PropagationSettings.Launch("gaussian", DesignYaml.positive(g.require("waist")), c[0], c[1], tilt, 0, 0, 1, 0, azimuth(g, wh));
        } else if (kind.equals("mode")) {
            YamlNode m = ln.require("mode");
            double v = m.number();
            if (v < 1 || v > 50 || v != Math.rint(v)) {
                throw m.error(Messages.OUT_OF_RANGE, m.path(), m.text(), "a mode number from 1 (fundamental) to 50");
            }
            launch = new PropagationSettings.Launch("mode", 0, 0, 0, 0, (int) v, 0, 1, 0);
        } else if (kind.equals("plane-wave")) {
            YamlNode g = ln.require("plane-wave").requireMap().allowOnly(List.of("width", "center", "centre", "tilt", "azimuth"));
            double[] c = DesignYaml.point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            launch = new PropagationSettings.Launch("plane-wave", DesignYaml.positive(g.require("width")) / 2, c[0], c[1], tilt(g), 0, 0, 1, 0,
                    azimuth(g, wh));
        } else if (kind.equals("partially-coherent")) {
            YamlNode g = ln.require("partially-coherent").requireMap().allowOnly(List.of("diameter", "center", "centre", "na",
                    "realisations", "seed"));
            double[] c = DesignYaml.point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            double na = g.require("na").number();
            if (!(na > 0 && na < 1.5)) {
                throw g.require("na").error(Messages.OUT_OF_RANGE, g.require("na").path(), g.require("na").text(), "0 to 1.5");
            }
            int real = 4;
            if (g.has("realisations")) {
                double r = g.require("realisations").number();
                if (r < 1 || r > 1000 || r != Math.rint(r)) {
                    throw g.require("realisations").error(Messages.OUT_OF_RANGE, g.require("realisations").path(),
                            g.require("realisations").text(), "a whole number from 1 to 1000");
                }
                real = (int) r;
            }
            long seed = g.has("seed") ? (long) g.require("seed").number() : 1;
            launch = new PropagationSettings.Launch("partially-coherent", DesignYaml.positive(g.require("diameter")) / 2, c[0], c[1], 0, 0, na, real,
                    seed);
        } else {
            throw ln.error(Messages.BAD_CHOICE, ln.path(), kind, "gaussian, mode, partially-coherent, plane-wave");
        }
        double bend = p.has("bend-radius") ? DesignYaml.positive(p.require("bend-radius")) : 0;
        PropagationSettings.Taper taper = null;
        if (p.has("taper")) {
            YamlNode t = p.require("taper").requireMap().allowOnly(List.of("scale", "over", "profile"));
            double scale = t.require("scale").number();
            if (!(scale >= 0.05 && scale <= 20)) {
                throw t.require("scale").error(Messages.OUT_OF_RANGE, t.require("scale").path(), t.require("scale").text(),
                        "0.05 to 20 (the final size relative to the start)");
            }
            double[] over = t.has("over") ? DesignYaml.range(t.require("over")) : new double[] {0, length};
            if (over[0] < 0 || over[1] > length) {
                throw t.require("over").error(Messages.OUT_OF_RANGE, t.require("over").path(), t.require("over").text(),
                        "a z range within the propagation length");
            }
            String profile = t.optional("profile").map(YamlNode::text).orElse("linear");
            if (!profile.equals("linear") && !profile.equals("exponential")) {
                throw t.require("profile").error(Messages.BAD_CHOICE, t.require("profile").path(), profile, "linear, exponential");
            }
            taper = new PropagationSettings.Taper(scale, over[0], over[1], profile.equals("exponential"));
        }
        int modal = 0;
        if (p.has("modal-spectrum")) {
            YamlNode mn = p.require("modal-spectrum");
            double v = mn.number();
            if (v < 0 || v > 50 || v != Math.rint(v)) {
                throw mn.error(Messages.OUT_OF_RANGE, mn.path(), mn.text(), "a whole number of modes from 0 to 50");
            }
            modal = (int) v;
        }
        List<org.glassguide.solver.bpm.Splice> splices = new ArrayList<>();
        if (p.has("splices")) {
            for (YamlNode sn : p.require("splices").list()) {
                sn.requireMap().allowOnly(List.of("at", "offset", "tilt"));
                double at = sn.require("at").quantity(Units::length);
                if (!(at >= 0 && at < length)) {
                    throw sn.require("at").error(Messages.OUT_OF_RANGE, sn.require("at").path(), sn.require("at").text(),
                            "a position within the propagation length");
                }
                double[] off = DesignYaml.point(sn.optional("offset").orElse(null));
                double[] tilts = {0, 0};
                if (sn.has("tilt")) {
                    YamlNode tn = sn.require("tilt");
                    List<YamlNode> ts = tn.listOrSingle();
                    if (ts.size() > 2) {
                        throw tn.error(Messages.WRONG_TYPE, tn.path(), "an angle (x-z plane) or [x-z, y-z] angles in deg", ts.size() + " items");
                    }
                    for (int k = 0; k < ts.size(); k++) {
                        tilts[k] = angle(ts.get(k), 30);
                    }
                }
                splices.add(new org.glassguide.solver.bpm.Splice(at, off[0], off[1], tilts[0], tilts[1]));
            }
        }
        PropagationSettings.IndexFunction fn = null;
        if (p.has("index-function")) {
            YamlNode fnode = p.require("index-function").requireMap().allowOnly(List.of("n", "k", "delta-n", "delta-k"));
            boolean delta = fnode.has("delta-n") || fnode.has("delta-k");
            if (delta && (fnode.has("n") || fnode.has("k"))) {
                throw fnode.error(Messages.BAD_CHOICE, fnode.path(), fnode.entries().keySet(),
                        "either n (and k): the index itself, or delta-n (and delta-k): a change added to the structure's");
            }
            String nKey = delta ? "delta-n" : "n";
            String kKey = delta ? "delta-k" : "k";
            IndexExpression ne = delta && !fnode.has(nKey) ? IndexExpression.parse("0") : formula(fnode.require(nKey));
            IndexExpression ke = fnode.has(kKey) ? formula(fnode.require(kKey)) : null;
            fn = new PropagationSettings.IndexFunction(ne, ke, delta);
        }
        String pol = p.optional("polarization").map(YamlNode::text).orElse("scalar");
        if (!List.of("scalar", "te", "tm").contains(pol)) {
            throw p.require("polarization").error(Messages.BAD_CHOICE, p.require("polarization").path(), pol,
                    "scalar, te (quasi-TE, E_x), tm (quasi-TM, E_y)");
        }
        String solve = p.optional("wide-angle-solve").map(YamlNode::text).orElse("unsplit");
        if (!List.of("unsplit", "split").contains(solve)) {
            throw p.require("wide-angle-solve").error(Messages.BAD_CHOICE, p.require("wide-angle-solve").path(), solve,
                    "unsplit (each Pade factor solved on the whole 2D operator; the default), split (the ADI product alone: faster, biased at high contrast)");
        }
        if (!pol.equals("scalar") && wh > 0 && !wide.equals("none") && !wide.equals("paraxial") && solve.equals("split")) {
            // measured: the split 3D semi-vectorial wide-angle step lets sum eps |E|^2 grow in high-contrast guides; the
            // unsplit steps hold the mode (validation case bpm-semivectorial, 2.0/1.44); 2D runs are exact to any order
            throw p.require("polarization").error(Messages.BAD_CHOICE, p.require("polarization").path(), pol + " with wide-angle: " + wide
                    + " (split)", "wide-angle-solve: unsplit (the default) or wide-angle: none for a semi-vectorial 3D run,"
                            + " or polarization: scalar, or a 2D run");
        }
        String transverse = p.optional("transverse").map(YamlNode::text).orElse("second-order");
        if (!List.of("second-order", "fourth-order").contains(transverse)) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse,
                    "second-order (the 3-point stencil, the default) or fourth-order (the compact Numerov operator: scalar runs)");
        }
        if (transverse.equals("fourth-order") && !pol.equals("scalar")) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse + " with polarization: " + pol,
                    "second-order for a semi-vectorial run, or polarization: scalar");
        }
        if (transverse.equals("fourth-order") && solve.equals("split")) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse + " with wide-angle-solve: split",
                    "second-order for the split step, or leave wide-angle-solve out (unsplit)");
        }
        double cut = Double.NaN;
        if (p.has("branch-cut")) {
            YamlNode bc = p.require("branch-cut");
            String t = bc.text().trim().replaceAll("\\s*(deg|degrees|°)$", "");
            try {
                cut = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                cut = Double.NaN;
            }
            if (!(cut >= 0 && cut <= 90)) {
                throw bc.error(Messages.OUT_OF_RANGE, bc.path(), bc.text(), "an angle from 0 to 90 deg (45 deg damps evanescent waves well)");
            }
            cut = Math.toRadians(cut);
        }
        double[] export = new double[0];
        if (p.has("export-fields")) {
            List<YamlNode> zs = p.require("export-fields").listOrSingle();
            if (zs.size() > 50) {
                throw p.require("export-fields").error(Messages.OUT_OF_RANGE, p.require("export-fields").path(), zs.size() + " positions",
                        "at most 50 positions along z (the end field is always written)");
            }
            export = new double[zs.size()];
            for (int i = 0; i < export.length; i++) {
                double z = zs.get(i).quantity(Units::length);
                if (!(z >= 0 && z <= length)) {
                    throw zs.get(i).error(Messages.OUT_OF_RANGE, zs.get(i).path(), zs.get(i).text(), "a position from 0 to the propagation length");
                }
                export[i] = z;
            }
        }
        List<PropagationSettings.RegionMonitor> monitors = new ArrayList<>();
        if (p.has("monitors")) {
            for (YamlNode mn : p.require("monitors").list()) {
                mn.requireMap();
                String name = mn.require("name").text().trim();
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}") || monitors.stream().anyMatch(m -> m.name().equals(name))) {
                    throw mn.require("name").error(Messages.OUT_OF_RANGE, mn.require("name").path(), name,
                            "a new name of letters, digits, _ . - (at most 40; it heads a CSV column)");
                }
                List<String> kinds = new ArrayList<>(mn.entries().keySet());
                kinds.remove("name");
                if (kinds.size() != 1 || !List.of("rectangle", "circle", "slab", "polygon").contains(kinds.get(0))) {
                    throw mn.error(Messages.WRONG_TYPE, mn.path(), "name and one of rectangle, circle, slab, polygon", mn.entries().keySet());
                }
                monitors.add(new PropagationSettings.RegionMonitor(name, DesignYaml.shape(kinds.get(0), mn.require(kinds.get(0)))));
            }
            if (monitors.size() > 20) {
                throw p.require("monitors").error(Messages.OUT_OF_RANGE, p.require("monitors").path(), monitors.size() + " monitors", "at most 20");
            }
        }
        List<String> acknowledged = new ArrayList<>();
        if (p.has("acknowledge")) {
            for (YamlNode a : p.require("acknowledge").listOrSingle()) {
                String name = a.text().trim();
                if (!PropagationSettings.ACKNOWLEDGEABLE.contains(name)) {
                    throw a.error(Messages.BAD_CHOICE, p.path() + ".acknowledge", name, String.join(", ", PropagationSettings.ACKNOWLEDGEABLE));
                }
                acknowledged.add(name);
            }
        }
        return new PropagationSettings(length, dz, ww, wh, step, pml, wide, nRef, precision, every, launch, bend, taper, modal,
                splices, fn, pol, solve, cut, export, monitors, transverse, acknowledged);
    }

}
