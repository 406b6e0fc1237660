package org.glassguide.solver.codraw;

import java.util.List;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.DesignYaml;

/** The `codraw:` section of a design, read and validated. */
final class DrawSectionReader {
    private DrawSectionReader() {
    }

    /**
     * codraw: {draw-viscosity: [lo, hi], preform: {core-diameter, outer-diameter}, feed-speed, draw-speed | fiber-diameter,
     * tolerance}.
     */
    static DrawSettings readCoDraw(YamlNode c) {
        c.requireMap().allowOnly(List.of("draw-viscosity", "preform", "feed-speed", "draw-speed", "fiber-diameter", "tolerance"));
        double lo = DrawSettings.DEFAULT_LOG_MIN;
        double hi = DrawSettings.DEFAULT_LOG_MAX;
        String source = DrawSettings.DEFAULT_SOURCE;
        if (c.has("draw-viscosity")) {
            YamlNode dv = c.require("draw-viscosity");
            List<YamlNode> two = dv.list();
            if (two.size() != 2) {
                throw dv.error(Messages.WRONG_TYPE, dv.path(), "[lowest, highest] viscosity, e.g. [1e4 Pa s, 4e6 Pa s]", two.size() + " items");
            }
            double a = two.get(0).quantity(Units::viscosity);
            double b = two.get(1).quantity(Units::viscosity);
            if (!(a > 0 && b > a)) {
                throw dv.error(Messages.OUT_OF_RANGE, dv.path(), two.get(0).text() + ", " + two.get(1).text(),
                        "two positive viscosities, the lowest first");
            }
            lo = Math.log10(a);
            hi = Math.log10(b);
            source = "set in the design (" + dv.location() + ")";
        }
        double tol = 0.05;
        if (c.has("tolerance")) {
            YamlNode t = c.require("tolerance");
            tol = t.quantity(Units::fraction);
            if (!(tol >= 0 && tol < 0.5)) {
                throw t.error(Messages.OUT_OF_RANGE, t.path(), t.text(), "0 to 50 % (diameter variation studied)");
            }
        }
        DrawSettings.Preform preform = null;
        if (c.has("preform")) {
            YamlNode p = c.require("preform").requireMap().allowOnly(List.of("core-diameter", "outer-diameter"));
            double dc = DesignYaml.positive(p.require("core-diameter"));
            double dout = DesignYaml.positive(p.require("outer-diameter"));
            if (!(dout > dc)) {
                throw p.require("outer-diameter").error(Messages.CLAD_NOT_LARGER, "preform.outer-diameter", p.require("outer-diameter").text(),
                        "preform.core-diameter", p.require("core-diameter").text());
            }
            YamlNode fn = c.require("feed-speed");
            double feed = fn.quantity(Units::speed);
            if (!(feed > 0)) {
                throw fn.error(Messages.NOT_POSITIVE, fn.path(), fn.text());
            }
            double draw;
            if (c.has("draw-speed") == c.has("fiber-diameter")) {
                throw c.error(Messages.MISSING_KEY, "draw-speed or fiber-diameter (exactly one)", c.path());
            }
            if (c.has("draw-speed")) {
                YamlNode dn = c.require("draw-speed");
                draw = dn.quantity(Units::speed);
                if (!(draw > feed)) {
                    throw dn.error(Messages.OUT_OF_RANGE, dn.path(), dn.text(), "a speed above the feed speed (" + fn.text() + ")");
                }
            } else {
                YamlNode fd = c.require("fiber-diameter");
                double d = DesignYaml.positive(fd);
                if (!(d < dout)) {
                    throw fd.error(Messages.OUT_OF_RANGE, fd.path(), fd.text(), "a diameter below the preform's " + p.require("outer-diameter").text());
                }
                draw = DrawSettings.Preform.drawSpeedFor(dout, feed, d);
            }
            preform = new DrawSettings.Preform(dc, dout, feed, draw);
        } else {
            for (String k : List.of("feed-speed", "draw-speed", "fiber-diameter")) {
                if (c.has(k)) {
                    throw c.require(k).error(Messages.MISSING_KEY, "preform", c.path() + " (" + k + " needs a preform)");
                }
            }
        }
        return new DrawSettings(lo, hi, source, preform, tol);
    }

}
