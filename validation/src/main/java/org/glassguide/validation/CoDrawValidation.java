package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.ViscosityFits;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.thermal.MyegaViscosity;
import org.glassguide.materials.thermal.ViscosityFit;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.codraw.DrawSettings;

/** Validation of the co-draw models: MYEGA's defining points, the catalog curves' fixed points, volume conservation. */
final class CoDrawValidation {
    private CoDrawValidation() {
    }

    /** d log10 eta / d(Tg/T) at Tg, by a centred difference in x = Tg/T (error O(h^2) ~ 1e-10 here). */
    static double fragilityAtTg(MyegaViscosity m) {
        double tg = m.glassTransition();
        double h = 1e-5;
        return (m.log10Viscosity(tg / (1 + h)) - m.log10Viscosity(tg / (1 - h))) / (2 * h);
    }

    /**
     * Synthetic MYEGA liquids (Tg, m, L) given in the case: the curve passes 10^12 Pa s at Tg and has slope m there
     * (the model's definition); a fixed point taken from it and solved back for L, m (given Tg) and Tg (given m)
     * returns the generating values.
     */
    static List<ValidationRow> myega(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode g : c.require("liquids").list()) {
            double tg = g.require("tg").quantity(Units::temperature);
            double m = g.require("m").number();
            double l = g.require("log-eta-inf").number();
            double t1 = g.require("fixed-at").quantity(Units::temperature);
            String label = String.format(java.util.Locale.ROOT, "Tg %.0f K, m %.1f, L %.1f", tg, m, l);
            MyegaViscosity curve = new MyegaViscosity(l, tg, m);
            rows.add(new ValidationRow(id, label + ": log10 eta(Tg)", 12, curve.log10Viscosity(tg), 1e-12, source));
            rows.add(new ValidationRow(id, label + ": slope at Tg", m, fragilityAtTg(curve), 1e-6 * m, source));
            double y1 = curve.log10Viscosity(t1);
            MyegaViscosity all = MyegaViscosity.throughAll(tg, m, t1, y1, ViscosityFits.PHYSICAL_MIN_LOG_ETA_INF,
                    ViscosityFits.PHYSICAL_MAX_LOG_ETA_INF);
            rows.add(new ValidationRow(id, label + ": L from Tg, m, eta(T1)", l, all == null ? Double.NaN : all.log10EtaInfinity(), 1e-8,
                    source));
            MyegaViscosity through = MyegaViscosity.throughPoint(tg, t1, y1, l);
            rows.add(new ValidationRow(id, label + ": m from Tg, L, eta(T1)", m, through == null ? Double.NaN : through.fragility(), 1e-8 * m,
                    source));
            MyegaViscosity withM = MyegaViscosity.withFragilityThrough(m, t1, y1, l);
            rows.add(new ValidationRow(id, label + ": Tg from m, L, eta(T1)", tg, withM == null ? Double.NaN : withM.glassTransition(),
                    1e-8 * tg, source));
        }
        return rows;
    }

    /** The catalog glasses' curves pass through the fixed points they were built from. */
    static List<ValidationRow> catalogCurves(YamlNode c, String id, String source, MaterialLibrary library) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode g : c.require("glasses").list()) {
            Material mat = library.get(g.require("material").text());
            ViscosityFit fit = ViscosityFits.of(mat, new ArrayList<>()).orElseThrow();
            for (YamlNode p : g.require("points").list()) {
                double t = p.require("at").quantity(Units::temperature);
                double eta = p.require("viscosity").quantity(Units::viscosity);
                rows.add(new ValidationRow(id, mat.name() + ": log10 eta at " + p.require("at").text(), Math.log10(eta),
                        fit.model().log10Viscosity(t), 1e-9, source));
            }
        }
        return rows;
    }

    /** Volume conservation through the neck: D^2 v_feed = d^2 v_draw for each preform, and a requested fiber diameter comes out. */
    static List<ValidationRow> drawDown(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode p : c.require("preforms").list()) {
            double dc = p.require("core-diameter").quantity(Units::length);
            double d = p.require("outer-diameter").quantity(Units::length);
            double feed = p.require("feed-speed").quantity(Units::speed);
            double fiber = p.require("fiber-diameter").quantity(Units::length);
            DrawSettings.Preform pf = new DrawSettings.Preform(dc, d, feed, DrawSettings.Preform.drawSpeedFor(d, feed, fiber));
            String label = p.require("outer-diameter").text() + " preform to " + p.require("fiber-diameter").text();
            double in = d * d * pf.feedSpeed();
            double out = pf.fiberOuterDiameter() * pf.fiberOuterDiameter() * pf.drawSpeed();
            rows.add(new ValidationRow(id, label + ": volume flow out / in", 1, out / in, 1e-13, source));
            double inCore = dc * dc * pf.feedSpeed();
            double outCore = pf.fiberCoreDiameter() * pf.fiberCoreDiameter() * pf.drawSpeed();
            rows.add(new ValidationRow(id, label + ": core volume flow out / in", 1, outCore / inCore, 1e-13, source));
            rows.add(new ValidationRow(id, label + ": fiber diameter (um)", fiber * 1e6, pf.fiberOuterDiameter() * 1e6, 1e-9, source));
        }
        return rows;
    }
}
