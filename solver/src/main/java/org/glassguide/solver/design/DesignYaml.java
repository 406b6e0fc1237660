package org.glassguide.solver.design;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;

/**
 * Reading the quantities design sections share (positive lengths, points, ranges, cross-section shapes) from YAML, with
 * the design reader's messages: for the reader and for every analysis' section reader.
 */
public final class DesignYaml {
    private DesignYaml() {
    }

    /** A shape of the cross-section (rectangle, circle, slab, polygon) from its settings; extra: keys allowed besides its own. */
    public static org.glassguide.solver.design.Shape shape(String kind, YamlNode body, String... extra) {
        org.glassguide.solver.design.Shape shape;
        switch (kind) {
            case "rectangle": {
                body.requireMap().allowOnly(keys(extra, "width", "height", "center", "centre"));
                double[] c = point(body.has("centre") ? body.require("centre") : body.optional("center").orElse(null));
                double wd = positive(body.require("width"));
                double ht = positive(body.require("height"));
                shape = new org.glassguide.solver.design.Shape.Rectangle(c[0], c[1], wd, ht);
                break;
            }
            case "circle": {
                body.requireMap().allowOnly(keys(extra, "radius", "diameter", "center", "centre"));
                double[] c = point(body.has("centre") ? body.require("centre") : body.optional("center").orElse(null));
                double r = body.has("radius") ? positive(body.require("radius")) : positive(body.require("diameter")) / 2;
                shape = new org.glassguide.solver.design.Shape.Circle(c[0], c[1], r);
                break;
            }
            case "slab": {
                body.requireMap().allowOnly(keys(extra, "y"));
                double[] ys = range(body.require("y"));
                shape = new org.glassguide.solver.design.Shape.Slab(ys[0], ys[1]);
                break;
            }
            default: {
                body.requireMap().allowOnly(keys(extra, "points"));
                List<YamlNode> pts = body.require("points").list();
                if (pts.size() < 3) {
                    throw body.require("points").error(Messages.TOO_FEW_POINTS, body.require("points").path(), 3, pts.size());
                }
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    double[] q = point(pts.get(i));
                    xs[i] = q[0];
                    ys[i] = q[1];
                }
                shape = new org.glassguide.solver.design.Shape.Polygon(xs, ys);
            }
        }
        return shape;
    }

    public static List<String> keys(String[] extra, String... own) {
        List<String> k = new ArrayList<>(List.of(own));
        k.addAll(List.of(extra));
        return k;
    }

    public static double[] range(YamlNode n) {
        List<YamlNode> r = n.list();
        if (r.size() != 2) {
            throw n.error(Messages.WRONG_TYPE, n.path(), "[min, max] with units", r.size() + " items");
        }
        double a = r.get(0).quantity(Units::length);
        double b = r.get(1).quantity(Units::length);
        if (!(b > a)) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "min < max");
        }
        return new double[] {a, b};
    }

    public static double positive(YamlNode n) {
        double v = n.quantity(Units::length);
        if (!(v > 0)) {
            throw n.error(Messages.NOT_POSITIVE, n.path(), n.text());
        }
        return v;
    }

    public static double[] point(YamlNode n) {
        if (n == null) {
            return new double[2];
        }
        List<YamlNode> xy = n.list();
        if (xy.size() != 2) {
            throw n.error(Messages.WRONG_TYPE, n.path(), "[x, y] with units", xy.size() + " items");
        }
        return new double[] {xy.get(0).quantity(Units::length), xy.get(1).quantity(Units::length)};
    }
}
